// Selection, notice and publication routes (API.md "Selection, notice, publication") and the working-day calendar.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { STAGES } from '../../db/schema/index.js';
import { serviceContext } from '../../http/request-context.js';
import { XLSX_MIME } from '../programs/program-workbook.js';
import { setCalendarDay, yearCalendar } from './calendar.service.js';
import { addSelections, fileObjection, listObjections, listSelections, openNotice, publicNotices, publicResults, publish, removeSelection, resolveObjection } from './selection.service.js';
import { instant } from '../../../shared/schemas/instants.js';

const tags = ['selection'];
const programId = z.string().min(1).max(64);
const stage = z.enum(STAGES);
const publicEntry = z.object({ direction: z.string(), subfield: z.string(), title: z.string(), applicant: z.string(), responsibleUnit: z.string(), recommender: z.string(), region: z.string() });

export function registerSelectionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/admin/programs/:programId/selections', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Add applications to a subfield’s finalists or winners, within the quota; a departure from the ranking needs a justification',
      params: z.strictObject({ programId }),
      body: z.strictObject({ subfieldId: z.uuid(), stage, applicationIds: z.array(z.uuid()).min(1).max(50), justification: z.string().max(5000).optional() }),
      response: { 200: z.object({ selected: z.array(z.string()), quota: z.number().int() }) },
    },
    handler: async (request) => addSelections(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.get('/api/admin/programs/:programId/selections', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The selections of a stage with their justification, notice and revocation, and the round whose ranking they follow',
      params: z.strictObject({ programId }),
      querystring: z.strictObject({ stage }),
      response: {
        200: z.object({
          round: z.object({ key: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
          items: z.array(
            z.object({
              applicationId: z.string(),
              subfieldId: z.string(),
              subfield: z.string(),
              title: z.string(),
              applicant: z.string(),
              status: z.string(),
              justification: z.string().nullable(),
              noticeId: z.string().nullable(),
              selectedAt: z.string(),
              revokedAt: z.string().nullable(),
              revokedReason: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => listSelections(serviceContext(deps, request), request.params.programId, request.query.stage),
  });

  r.delete('/api/admin/programs/:programId/selections/:applicationId', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Undo a selection before its notice opens', params: z.strictObject({ programId, applicationId: z.uuid() }), querystring: z.strictObject({ stage }), response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await removeSelection(serviceContext(deps, request), request.params.programId, request.params.applicationId, request.query.stage);
      return reply.code(204).send();
    },
  });

  r.post('/api/admin/programs/:programId/notices', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Open the public notice (公示) of a stage’s selections, by default now for the program’s working days',
      params: z.strictObject({ programId }),
      body: z.strictObject({ stage, opensAt: instant().optional(), closesAt: instant().optional() }),
      response: { 201: z.object({ id: z.string(), opensAt: z.string(), closesAt: z.string() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await openNotice(serviceContext(deps, request), request.params.programId, request.body, deps.clock.testMode)),
  });

  r.get('/api/public/programs/:programId/notices', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The program’s public notices and their entries (no personal data)',
      params: z.strictObject({ programId }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              stage,
              opensAt: z.string(),
              closesAt: z.string(),
              open: z.boolean(),
              published: z.boolean(),
              entries: z.array(publicEntry.extend({ applicationId: z.string(), revoked: z.boolean() })),
            }),
          ),
        }),
      },
    },
    handler: async (request) => publicNotices(serviceContext(deps, request), request.params.programId),
  });

  r.post('/api/notices/:noticeId/objections', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'File a real-name objection to an entry while the notice is open (rate limited)',
      params: z.strictObject({ noticeId: z.uuid() }),
      body: z.strictObject({ applicationId: z.uuid(), name: z.string().max(50), contact: z.string().max(100), reason: z.string().max(5000) }),
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await fileObjection(serviceContext(deps, request), request.params.noticeId, request.body)),
  });

  r.get('/api/admin/programs/:programId/objections', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The objections to the program’s notices, with the objector’s name and contact',
      params: z.strictObject({ programId }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              noticeId: z.string(),
              stage,
              applicationId: z.string(),
              title: z.string(),
              applicant: z.string(),
              name: z.string(),
              contact: z.string(),
              reason: z.string(),
              createdAt: z.string(),
              status: z.enum(['open', 'upheld', 'dismissed']),
              resolution: z.string().nullable(),
              resolvedAt: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => listObjections(serviceContext(deps, request), request.params.programId),
  });

  r.post('/api/admin/objections/:objectionId/resolution', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Resolve an objection: upheld revokes the selection, dismissed keeps it; with the reason',
      params: z.strictObject({ objectionId: z.uuid() }),
      body: z.strictObject({ decision: z.enum(['upheld', 'dismissed']), reason: z.string().max(5000) }),
      response: { 200: z.object({ status: z.enum(['upheld', 'dismissed']) }) },
    },
    handler: async (request) => resolveObjection(serviceContext(deps, request), request.params.objectionId, request.body),
  });

  r.post('/api/admin/programs/:programId/publish', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Publish a stage once its notices have closed and every objection is resolved',
      params: z.strictObject({ programId }),
      body: z.strictObject({ stage }),
      response: { 200: z.object({ published: z.number().int() }) },
    },
    handler: async (request) => publish(serviceContext(deps, request), request.params.programId, request.body.stage),
  });

  r.get('/api/public/programs/:programId/results', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The published finalists and winners: organizations and titles, never personal data',
      params: z.strictObject({ programId }),
      // The subfield's code too: the winners' entries link to the subfield's page with the measured results.
      response: { 200: z.object({ finalists: z.array(publicEntry.extend({ subfieldCode: z.string() })), winners: z.array(publicEntry.extend({ subfieldCode: z.string() })) }) },
    },
    handler: async (request) => publicResults(serviceContext(deps, request), request.params.programId),
  });

  const day = z.object({ date: z.string(), kind: z.enum(['workday', 'holiday', 'normal']), name: z.string(), corrected: z.boolean(), working: z.boolean() });
  r.get('/api/admin/calendar', {
    config: { access: ['program_admin', 'system_admin'] },
    schema: { tags, summary: 'A year’s holidays and make-up working days (built-in and corrected)', querystring: z.strictObject({ year: z.coerce.number().int().min(2004).max(2100) }), response: { 200: z.object({ year: z.number(), days: z.array(day) }) } },
    handler: async (request) => yearCalendar(serviceContext(deps, request), request.query.year),
  });

  r.put('/api/admin/calendar/:date', {
    config: { access: ['program_admin', 'system_admin'] },
    schema: {
      tags,
      summary: 'Correct a day of the calendar: a working day, a holiday, or back to the built-in (remove)',
      params: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
      body: z.strictObject({ kind: z.enum(['workday', 'holiday', 'normal', 'builtin']), name: z.string().max(50).optional() }),
      response: { 200: z.object({ year: z.number(), days: z.array(day) }) },
    },
    handler: async (request) => setCalendarDay(serviceContext(deps, request), request.params.date, request.body),
  });

  r.get('/api/public/programs/:programId/results.xlsx', {
    config: { access: 'public' },
    schema: { tags, summary: 'The published finalists and winners as an Excel workbook', params: z.strictObject({ programId }), produces: [XLSX_MIME], response: { 200: z.any() } },
    handler: async (request, reply) => {
      const results = await publicResults(serviceContext(deps, request), request.params.programId);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Jiebang';
      for (const [name, rows] of [
        ['入围揭榜单位', results.finalists],
        ['揭榜优胜单位', results.winners],
      ] as const) {
        const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
        ws.getRow(1).values = RESULT_COLUMNS.map((c) => c.header);
        ws.getRow(1).font = { bold: true };
        RESULT_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
        for (const row of rows) ws.addRow(RESULT_COLUMNS.map((c) => row[c.key]));
      }
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="results.xlsx"; filename*=UTF-8''${encodeURIComponent('揭榜挂帅结果.xlsx')}`)
        .send(Buffer.from(await wb.xlsx.writeBuffer()));
    },
  });
}

const RESULT_COLUMNS = [
  { key: 'direction', header: '方向', width: 28 },
  { key: 'subfield', header: '细分领域', width: 28 },
  { key: 'title', header: '项目名称', width: 36 },
  { key: 'applicant', header: '揭榜单位', width: 32 },
  { key: 'responsibleUnit', header: '责任单位', width: 32 },
  { key: 'recommender', header: '推荐单位', width: 28 },
  { key: 'region', header: '所在地区', width: 14 },
] as const;
