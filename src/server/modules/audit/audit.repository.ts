// Reading audit records (there is no update or delete: the table refuses them).
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  result?: 'ok' | 'denied' | 'failed';
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export function listAuditEvents(db: DbOrTx, filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.actorId) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.result) where.push(eq(auditEvents.result, filter.result));
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lte(auditEvents.at, filter.to));
  if (filter.beforeSeq) where.push(lt(auditEvents.seq, filter.beforeSeq));
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit);
}
