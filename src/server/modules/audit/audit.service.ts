// Writing and verifying the audit log. Every record is chained to the previous one inside the caller's transaction,
// so an action and its record commit together, or neither does (QUALITY S11).
import { desc, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { GENESIS_HASH, hashRecord, macOf, type ChainedFields, type HashAlg } from './audit-chain.js';

/** Serialises appends: the chain needs the previous record's hash. */
const AUDIT_LOCK = 7_245_002;

export interface AuditActor {
  id: string | null;
  roles: string[];
  organizationId: string | null;
}

export interface AuditOrigin {
  actor: AuditActor | null;
  ip: string | null;
  requestId: string | null;
  now: Date;
}

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown>;
}

export interface AuditConfig {
  key: Buffer;
  alg: HashAlg;
}

async function appendInTx(tx: Tx, config: AuditConfig, origin: AuditOrigin, entry: AuditEntry): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields: ChainedFields = {
    seq: (last[0]?.seq ?? 0) + 1,
    at: origin.now,
    actorId: origin.actor?.id ?? null,
    actorRoles: origin.actor?.roles ?? [],
    organizationId: origin.actor?.organizationId ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'ok',
    ip: origin.ip,
    requestId: origin.requestId,
    details: entry.details ?? {},
    hashAlg: config.alg,
    prevHash: last[0]?.hash ?? GENESIS_HASH,
  };
  const hash = hashRecord(fields);
  await tx.insert(auditEvents).values({ ...fields, result: fields.result as 'ok', hash, mac: macOf(config.key, hash) });
  return fields.seq;
}

/** Appends one record; inside a transaction when given one, else in its own. Throws if it cannot be written. */
export function appendAudit(db: DbOrTx, config: AuditConfig, origin: AuditOrigin, entry: AuditEntry): Promise<number> {
  if ('rollback' in db) return appendInTx(db as Tx, config, origin, entry);
  return (db as Exclude<DbOrTx, Tx>).transaction((tx) => appendInTx(tx, config, origin, entry));
}

export interface ChainReport {
  ok: boolean;
  records: number;
  headHash: string;
  /** The first record that breaks the chain, and why. */
  firstBroken: { seq: number; reason: string } | null;
}

type AuditRow = typeof auditEvents.$inferSelect;

/** Walks the whole log in order and reports the first record that does not fit the chain. */
export async function verifyAuditChain(db: DbOrTx, key: Buffer | null): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  const batch = 2000;
  for (;;) {
    const rows: AuditRow[] = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} >= ${expectedSeq}`)
      .orderBy(auditEvents.seq)
      .limit(batch);
    for (const row of rows) {
      const broken = (seq: number, reason: string): ChainReport => ({ ok: false, records, headHash: prevHash, firstBroken: { seq, reason } });
      if (row.seq !== expectedSeq) return broken(expectedSeq, `record ${expectedSeq} is missing (the next one is ${row.seq})`);
      if (row.prevHash !== prevHash) return broken(row.seq, 'its previous-hash does not match the record before it');
      const recomputed = hashRecord({
        seq: row.seq,
        at: row.at,
        actorId: row.actorId,
        actorRoles: row.actorRoles,
        organizationId: row.organizationId,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        result: row.result,
        ip: row.ip,
        requestId: row.requestId,
        details: row.details,
        hashAlg: row.hashAlg,
        prevHash: row.prevHash,
      });
      if (recomputed !== row.hash) return broken(row.seq, 'its content does not match its hash (edited)');
      if (key && macOf(key, row.hash) !== row.mac) return broken(row.seq, 'its seal does not match the platform key (forged)');
      prevHash = row.hash;
      expectedSeq += 1;
      records += 1;
    }
    if (rows.length < batch) break;
  }
  return { ok: true, records, headHash: prevHash, firstBroken: null };
}
