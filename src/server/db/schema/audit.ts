// The audit log: append-only, hash-chained records (see modules/audit).
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorRoles: text('actor_roles').array().notNull(),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').notNull(),
    hashAlg: text('hash_alg', { enum: ['sha256', 'sm3'] }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** HMAC of `hash` with the platform's audit key (kept outside the database): a recomputed forgery fails it. */
    mac: text('mac').notNull(),
  },
  (t) => [
    check('audit_events_result', sql`${t.result} IN ('ok', 'denied', 'failed')`),
    check('audit_events_alg', sql`${t.hashAlg} IN ('sha256', 'sm3')`),
    index('audit_events_at').on(t.at),
    index('audit_events_actor').on(t.actorId),
    index('audit_events_object').on(t.objectType, t.objectId),
  ],
);
