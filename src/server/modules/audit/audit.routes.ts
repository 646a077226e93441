// Audit admin routes: browse and filter the log, verify the chain. Nobody can change records through the product.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEventView, chainReport } from '../../../shared/schemas/audit.js';
import type { AppDeps } from '../../app.js';
import { hitRateLimit } from '../../http/rate-limit.js';
import { audit, serviceContext } from '../../http/request-context.js';
import { listAuditEvents } from './audit.repository.js';
import { verifyAuditChain } from './audit.service.js';
import { instant } from '../../../shared/schemas/instants.js';

const listQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  from: instant().optional(),
  to: instant().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().regex(/^\d+$/).optional(),
});

const filterOf = (q: Pick<z.infer<typeof listQuery>, 'action' | 'actorId' | 'result' | 'from' | 'to'>) => ({
  action: q.action,
  actorId: q.actorId,
  result: q.result,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

/** One CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs a record's text as a formula. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit/events', {
    config: { access: ['audit_admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Audit records, newest first',
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(auditEventView), nextCursor: z.string().nullable() }) },
    },
    handler: async (request) => {
      const q = request.query;
      const rows = await listAuditEvents(deps.db, { ...filterOf(q), beforeSeq: q.cursor ? Number(q.cursor) : undefined, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((e) => ({ ...e, at: e.at.toISOString() })),
        nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null,
      };
    },
  });

  r.get('/api/audit/export', {
    config: { access: ['audit_admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Audit records as CSV (UTF-8 with BOM, for Excel), newest first, up to 100,000',
      querystring: listQuery.omit({ limit: true, cursor: true }),
      response: { 200: z.string() },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(deps, request);
      await hitRateLimit(deps.db, { key: `export:audit:${ctx.actor!.id}`, max: 20, windowMs: 3_600_000 }, ctx.now);
      const q = request.query;
      const rows = await listAuditEvents(deps.db, { ...filterOf(q), limit: 100_000 });
      await audit(ctx, deps.db, { action: 'audit.export', objectType: 'audit', details: { rows: rows.length, filter: q } });
      const header = ['seq', 'at', 'actor_id', 'actor_roles', 'organization_id', 'action', 'object_type', 'object_id', 'result', 'ip', 'request_id', 'details', 'hash_alg', 'prev_hash', 'hash'];
      const lines = rows.map((e) =>
        [e.seq, e.at.toISOString(), e.actorId, e.actorRoles.join(' '), e.organizationId, e.action, e.objectType, e.objectId, e.result, e.ip, e.requestId, JSON.stringify(e.details), e.hashAlg, e.prevHash, e.hash]
          .map(csvCell)
          .join(','),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${ctx.now.toISOString().slice(0, 10)}.csv"`)
        .send('\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n');
    },
  });

  r.post('/api/audit/verify', {
    config: { access: ['audit_admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Verify the whole chain; locate the first broken record',
      response: { 200: chainReport },
    },
    handler: async (request) => {
      const ctx = serviceContext(deps, request);
      const report = await verifyAuditChain(deps.db, deps.auditConfig.key);
      await audit(ctx, deps.db, { action: 'audit.verify', objectType: 'audit', details: { ok: report.ok, records: report.records } });
      return report;
    },
  });
}
