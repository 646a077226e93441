// Statistics routes: the public figures (JSON and Excel), the program admin's dashboard, and every user's to-do list.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { hitRateLimit } from '../../http/rate-limit.js';
import { serviceContext } from '../../http/request-context.js';
import { adminDashboard as adminDashboardSchema, publicStatistics as publicStatisticsSchema, todoResponse } from '../../../shared/schemas/statistics.js';
import { myTodo } from '../dashboard/todo.service.js';
import { findProgram } from '../programs/catalogue.service.js';
import { XLSX_MIME } from '../programs/program-workbook.js';
import { statisticsWorkbook } from './statistics-workbook.js';
import { adminDashboard, publicStatistics } from './statistics.service.js';

const tags = ['statistics'];
const programId = z.string().min(1).max(64);

export function registerStatisticsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/programs/:programId/statistics', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Applications by direction, subfield, region, kind of organization and recommending unit, and how ambitious the targets are (cells under 3 suppressed); at most a minute old',
      params: z.strictObject({ programId }),
      response: { 200: publicStatisticsSchema },
    },
    handler: async (request) => publicStatistics(serviceContext(deps, request), request.params.programId),
  });

  r.get('/api/public/programs/:programId/statistics.xlsx', {
    config: { access: 'public' },
    schema: { tags, summary: 'The public statistics as an Excel workbook', params: z.strictObject({ programId }), produces: [XLSX_MIME], response: { 200: z.any() } },
    handler: async (request, reply) => {
      const ctx = serviceContext(deps, request);
      await hitRateLimit(ctx.db, { key: `export:statistics:ip:${ctx.ip}`, max: 120, windowMs: 3_600_000 }, ctx.now);
      const program = await findProgram(ctx, request.params.programId);
      const stats = await publicStatistics(ctx, program.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(`${program.code}-申报统计.xlsx`)}`)
        .send(await statisticsWorkbook(stats, program.title));
    },
  });

  r.get('/api/admin/programs/:programId/dashboard', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The funnel (draft → submitted → recommended → eligible → reviewed → finalist → winner) per direction and the count of every status',
      params: z.strictObject({ programId }),
      querystring: z.strictObject({ fresh: z.enum(['0', '1']).optional() }),
      response: { 200: adminDashboardSchema },
    },
    handler: async (request) => adminDashboard(serviceContext(deps, request), request.params.programId, request.query.fresh === '1'),
  });

  r.get('/api/me/todo', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'What waits for the signed-in user (待办), across its roles, the soonest deadline first', response: { 200: todoResponse } },
    handler: async (request) => myTodo(serviceContext(deps, request)),
  });
}
