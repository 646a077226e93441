// Cross-table rules the database constraints cannot express; `cli check-invariants` and the tests run them.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './db/client.js';
import { verifyAuditChain } from './modules/audit/audit.service.js';
import { EVALUATION_INVARIANTS } from './modules/evaluation/evaluation.invariants.js';
import { BUILT_IN_PROGRAM_CODE } from './modules/programs/programs.service.js';
import { MIGRATIONS_DIR } from './paths.js';

export interface Invariant {
  name: string;
  /** Returns one line per violation; empty when the rule holds. */
  check(db: DbOrTx): Promise<string[]>;
}

const rows = async <T>(db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];

export const INVARIANTS: Invariant[] = [
  {
    name: 'every committed migration is applied',
    async check(db) {
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const applied = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      const n = applied[0]?.n ?? 0;
      return n === journal.entries.length ? [] : [`${n} of ${journal.entries.length} migrations applied`];
    },
  },
  {
    name: 'the built-in program exists',
    async check(db) {
      const found = await rows(db, sql`SELECT 1 FROM programs WHERE code = ${BUILT_IN_PROGRAM_CODE} AND built_in`);
      return found.length === 1 ? [] : [`program ${BUILT_IN_PROGRAM_CODE} is missing`];
    },
  },
  {
    name: 'catalogue entries belong to the program of their parents',
    async check(db) {
      const bad = await rows<{ code: string }>(
        db,
        sql`SELECT s.code FROM subfields s JOIN directions d ON d.id = s.direction_id WHERE s.program_id <> d.program_id
            UNION ALL
            SELECT i.code FROM indicators i JOIN subfields s ON s.id = i.subfield_id WHERE i.program_id <> s.program_id`,
      );
      return bad.map((b) => `${b.code} belongs to another program than its parent`);
    },
  },
  {
    name: 'every subfield has no more winners than finalists',
    async check(db) {
      const bad = await rows<{ code: string }>(
        db,
        sql`SELECT s.code FROM subfields s JOIN programs p ON p.id = s.program_id
            WHERE coalesce(s.winners_quota, p.winners_per_subfield) > coalesce(s.finalists_quota, p.finalists_per_subfield)`,
      );
      return bad.map((b) => `subfield ${b.code} has more winners than finalists`);
    },
  },
  {
    name: 'the criteria weights of a review round add up to 100',
    async check(db) {
      const bad = await rows<{ key: string; total: number }>(
        db,
        sql`SELECT r.key, sum((c->>'weight')::float8) AS total FROM review_rounds r, jsonb_array_elements(r.criteria) AS c
            GROUP BY r.id, r.key HAVING abs(sum((c->>'weight')::float8) - 100) > 1e-6`,
      );
      return bad.map((b) => `review round ${b.key} has weights adding up to ${b.total}`);
    },
  },
  {
    name: 'the indicator rows of an application belong to its subfield',
    async check(db) {
      const bad = await rows<{ id: string; code: string }>(
        db,
        sql`SELECT a.id, i.code FROM application_indicators ai JOIN applications a ON a.id = ai.application_id
            JOIN indicators i ON i.id = ai.indicator_id WHERE i.subfield_id <> a.subfield_id`,
      );
      return bad.map((b) => `application ${b.id} reports on ${b.code} of another subfield`);
    },
  },
  {
    name: 'every application past its draft has a stored receipt',
    async check(db) {
      const bad = await rows<{ id: string; status: string }>(
        db,
        sql`SELECT a.id, a.status FROM applications a WHERE a.status <> 'draft'
            AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.application_id = a.id AND s.number = a.receipt_number)`,
      );
      return bad.map((b) => `application ${b.id} is ${b.status} without its receipt`);
    },
  },
  {
    name: 'program grants of users name existing programs',
    async check(db) {
      const bad = await rows<{ email: string; program_id: string }>(
        db,
        sql`SELECT u.email, g.program_id FROM users u, unnest(u.program_ids) AS g(program_id)
            WHERE NOT EXISTS (SELECT 1 FROM programs p WHERE p.id = g.program_id)`,
      );
      return bad.map((b) => `user ${b.email} is granted the unknown program ${b.program_id}`);
    },
  },
  {
    name: 'program grants are held by program admins only',
    async check(db) {
      const bad = await rows<{ email: string }>(
        db,
        sql`SELECT email FROM users WHERE program_ids IS NOT NULL AND NOT ('program_admin' = ANY(roles))`,
      );
      return bad.map((b) => `user ${b.email} has program grants without the program_admin role`);
    },
  },
  ...EVALUATION_INVARIANTS,
  {
    name: 'the audit chain is whole',
    async check(db) {
      // Without the key here: the seals are checked by `audit:verify`, which has it.
      const report = await verifyAuditChain(db, null);
      return report.ok ? [] : [`record ${report.firstBroken!.seq}: ${report.firstBroken!.reason}`];
    },
  },
];

export interface InvariantReport {
  ok: boolean;
  results: Array<{ name: string; violations: string[] }>;
}

export async function checkInvariants(db: DbOrTx): Promise<InvariantReport> {
  const results = [];
  for (const invariant of INVARIANTS) results.push({ name: invariant.name, violations: await invariant.check(db) });
  return { ok: results.every((r) => r.violations.length === 0), results };
}
