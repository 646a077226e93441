// Recommendation routes (API.md "Recommendation and formal check"), the unit's batch and 推荐汇总表, the ministry's view.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionByCode } from '../../../shared/regions.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { XLSX_MIME } from '../programs/program-workbook.js';
import { batchStatus, decide, formalCheck, progress, reopenBatch, submitBatch, type SummaryRow } from './recommendations.service.js';

const tags = ['recommendation'];
const batch = z.object({ id: z.string(), submittedAt: z.string(), sha256: z.string(), sm3: z.string(), rows: z.number().int() });
const unitParams = z.strictObject({ recommenderId: z.uuid() });
const programQuery = z.strictObject({ programId: z.string().min(1).max(64) });

const SUMMARY_COLUMNS: Array<{ header: string; width: number; value: (r: SummaryRow) => string | number }> = [
  { header: '序号', width: 6, value: (r) => r.index },
  { header: '揭榜方向', width: 26, value: (r) => r.direction },
  { header: '细分领域', width: 26, value: (r) => r.subfield },
  { header: '项目名称', width: 36, value: (r) => r.title },
  { header: '申报单位', width: 30, value: (r) => r.organization },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '所属地区', width: 12, value: (r) => regionByCode(r.regionCode)?.name ?? r.regionCode },
  { header: '责任人', width: 10, value: (r) => r.person ?? '' },
  { header: '联系电话', width: 16, value: (r) => r.phone ?? '' },
  { header: '推荐排序', width: 8, value: (r) => r.rank ?? '' },
  { header: '推荐意见', width: 40, value: (r) => r.comment },
];

export function registerRecommendationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/applications/:id/recommendation', {
    config: { access: ['recommender'] },
    schema: {
      tags,
      summary: 'Recommend (with a rank in its direction), return for revision or decline, in the recommendation phase',
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({
        decision: z.enum(['recommend', 'return', 'decline']),
        comment: z.string().max(2000).default(''),
        rank: z.number().int().min(1).max(10_000).optional(),
      }),
      response: { 200: z.object({ status: z.string() }) },
    },
    handler: async (request) => decide(serviceContext(deps, request), request.params.id, request.body),
  });

  r.post('/api/recommenders/:recommenderId/batches', {
    config: { access: ['recommender'] },
    schema: {
      tags,
      summary: 'Submit the unit’s batch to the ministry; its decisions are then locked',
      params: unitParams,
      body: programQuery,
      response: { 200: batch },
    },
    handler: async (request) => submitBatch(serviceContext(deps, request), request.params.recommenderId, request.body.programId),
  });

  r.post('/api/admin/recommenders/:recommenderId/batches/reopen', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Reopen a unit’s submitted batch before the recommendation phase closes, with a reason',
      params: unitParams,
      body: z.strictObject({ programId: z.string().min(1).max(64), reason: z.string().max(2000) }),
      response: { 200: z.object({ reopened: z.boolean() }) },
    },
    handler: async (request) => reopenBatch(serviceContext(deps, request), request.params.recommenderId, request.body),
  });

  r.get('/api/recommenders/:recommenderId/batch', {
    config: { access: ['recommender', 'program_admin'] },
    schema: {
      tags,
      summary: 'The unit’s batch: submitted or not, and its summary rows (推荐汇总表)',
      params: unitParams,
      querystring: programQuery,
      response: {
        200: z.object({
          recommender: z.object({ id: z.string(), name: z.string() }),
          batch: batch.nullable(),
          reopenReason: z.string().nullable(),
          rows: z.array(
            z.object({
              index: z.number().int(),
              applicationId: z.string(),
              direction: z.string(),
              subfield: z.string(),
              title: z.string(),
              organization: z.string(),
              uscc: z.string(),
              regionCode: z.string(),
              person: z.string().nullable(),
              phone: z.string().nullable(),
              rank: z.number().int().nullable(),
              comment: z.string(),
              receiptNumber: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const status = await batchStatus(serviceContext(deps, request), request.params.recommenderId, request.query.programId);
      return { recommender: { id: status.unit.id, name: status.unit.name }, batch: status.batch, reopenReason: status.reopenReason, rows: status.rows };
    },
  });

  r.get('/api/recommenders/:recommenderId/batch/summary.xlsx', {
    config: { access: ['recommender', 'program_admin'] },
    schema: { tags, summary: '推荐汇总表 as an Excel workbook', params: unitParams, querystring: programQuery, produces: [XLSX_MIME], response: { 200: z.any() } },
    handler: async (request, reply) => {
      const status = await batchStatus(serviceContext(deps, request), request.params.recommenderId, request.query.programId);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Jiebang';
      const ws = wb.addWorksheet('推荐汇总表', { views: [{ state: 'frozen', ySplit: 2 }] });
      ws.mergeCells(1, 1, 1, SUMMARY_COLUMNS.length);
      ws.getCell(1, 1).value = `${status.program.title} · ${status.unit.name} 推荐汇总表${status.batch ? `（已报送，SHA-256 ${status.batch.sha256}）` : '（未报送）'}`;
      ws.getCell(1, 1).font = { bold: true, size: 13 };
      ws.getRow(2).values = SUMMARY_COLUMNS.map((c) => c.header);
      ws.getRow(2).font = { bold: true };
      SUMMARY_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
      for (const row of status.rows) ws.addRow(SUMMARY_COLUMNS.map((c) => c.value(row)));
      const content = Buffer.from(await wb.xlsx.writeBuffer());
      const filename = `recommendations-${status.program.code}.xlsx`;
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(`${status.unit.name}推荐汇总表.xlsx`)}`)
        .send(content);
    },
  });

  r.post('/api/applications/:id/eligibility', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The formal check (形式审查): eligible, or ineligible with a reason the applicant sees',
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({ eligible: z.boolean(), reason: z.string().max(2000).optional() }),
      response: { 200: z.object({ status: z.string() }) },
    },
    handler: async (request) => formalCheck(serviceContext(deps, request), request.params.id, request.body),
  });

  r.get('/api/admin/programs/:programId/recommendation-progress', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Every recommending unit’s progress, and applications by province',
      params: z.strictObject({ programId: z.string().min(1).max(64) }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              recommenderId: z.string(),
              name: z.string(),
              kind: z.string(),
              regionCode: z.string().nullable(),
              received: z.number().int(),
              decided: z.number().int(),
              recommended: z.number().int(),
              returned: z.number().int(),
              declined: z.number().int(),
              batchSubmittedAt: z.string().nullable(),
            }),
          ),
          provinces: z.array(z.object({ regionCode: z.string(), applications: z.number().int(), recommended: z.number().int() })),
        }),
      },
    },
    handler: async (request) => progress(serviceContext(deps, request), request.params.programId),
  });
}
