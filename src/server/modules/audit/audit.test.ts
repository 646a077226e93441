// The audit chain catches every tampering done directly in SQL: edit, delete, reorder, forge (QUALITY S11).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_AUDIT_CONFIG, type TestApp } from '../../test/app.js';
import { registerApplicant, registrationBody } from '../../test/factories.js';
import { GENESIS_HASH, hashRecord, type ChainedFields } from './audit-chain.js';
import { appendAudit, verifyAuditChain } from './audit.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 4; i += 1) await registerApplicant(t.app);
});

/** Runs SQL as an intruder with database access: the append-only trigger switched off for this session. */
async function tamper(statements: string[]) {
  const client = await t.database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    for (const s of statements) await client.query(s);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

let snapshot: Array<Record<string, unknown>>;
beforeEach(async () => {
  // Each case starts from the honest log.
  if (snapshot) {
    await tamper(['DELETE FROM audit_events']);
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL session_replication_role = replica`);
      for (const row of snapshot) {
        await client.query(
          'INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)',
          [JSON.stringify(row)],
        );
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  } else {
    snapshot = (await t.database.pool.query('SELECT * FROM audit_events ORDER BY seq')).rows;
  }
  const honest = await verifyAuditChain(t.database.db, TEST_AUDIT_CONFIG.key);
  expect(honest.ok).toBe(true);
  expect(honest.records).toBeGreaterThanOrEqual(5);
});

const verify = () => verifyAuditChain(t.database.db, TEST_AUDIT_CONFIG.key);

describe('audit chain', () => {
  it('refuses UPDATE and DELETE through the database', async () => {
    await expect(t.database.pool.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('catches an edited record', async () => {
    await tamper([`UPDATE audit_events SET result = 'failed' WHERE seq = 3`]);
    expect((await verify()).firstBroken).toEqual({ seq: 3, reason: expect.stringContaining('edited') });
  });

  it('catches an edited detail, even with the same JSON keys', async () => {
    await tamper([`UPDATE audit_events SET details = jsonb_set(details, '{uscc}', '"91440300000000000X"') WHERE seq = 2`]);
    expect((await verify()).firstBroken?.seq).toBe(2);
  });

  it('catches a deleted record', async () => {
    await tamper([`DELETE FROM audit_events WHERE seq = 4`]);
    expect((await verify()).firstBroken).toEqual({ seq: 4, reason: expect.stringContaining('missing') });
  });

  it('catches reordered records', async () => {
    await tamper([
      `UPDATE audit_events SET seq = -1 WHERE seq = 2`,
      `UPDATE audit_events SET seq = 2 WHERE seq = 3`,
      `UPDATE audit_events SET seq = 3 WHERE seq = -1`,
    ]);
    expect((await verify()).firstBroken?.seq).toBe(2);
  });

  it('catches a forged record whose hash was recomputed correctly, by its seal', async () => {
    const last = (await t.database.pool.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows[0];
    const fields: ChainedFields = {
      seq: Number(last.seq) + 1,
      at: new Date(),
      actorId: null,
      actorRoles: ['program_admin'],
      organizationId: null,
      action: 'selection.add',
      objectType: 'application',
      objectId: 'forged',
      result: 'ok',
      ip: '127.0.0.1',
      requestId: 'forged',
      details: {},
      hashAlg: 'sha256',
      prevHash: last.hash,
    };
    const hash = hashRecord(fields);
    await tamper([
      `INSERT INTO audit_events (seq, at, actor_id, actor_roles, organization_id, action, object_type, object_id, result, ip, request_id, details, hash_alg, prev_hash, hash, mac)
       VALUES (${fields.seq}, '${fields.at.toISOString()}', NULL, '{program_admin}', NULL, 'selection.add', 'application', 'forged', 'ok', '127.0.0.1', 'forged', '{}', 'sha256', '${last.hash}', '${hash}', '${'0'.repeat(64)}')`,
    ]);
    expect((await verify()).firstBroken).toEqual({ seq: fields.seq, reason: expect.stringContaining('forged') });
    // Without the key, the hash chain alone looks whole: the seal is what catches this one.
    expect((await verifyAuditChain(t.database.db, null)).ok).toBe(true);
  });

  it('catches a forged first record', async () => {
    await tamper([`UPDATE audit_events SET prev_hash = '${'1'.repeat(64)}' WHERE seq = 1`]);
    expect((await verify()).firstBroken?.seq).toBe(1);
    expect(GENESIS_HASH).toHaveLength(64);
  });

  it('chains SM3 records as well as SHA-256 ones', async () => {
    const origin = { actor: null, ip: null, requestId: 'test', now: new Date() };
    await appendAudit(t.database.db, { ...TEST_AUDIT_CONFIG, alg: 'sm3' }, origin, { action: 'test.sm3' });
    const row = (await t.database.pool.query(`SELECT hash_alg FROM audit_events ORDER BY seq DESC LIMIT 1`)).rows[0];
    expect(row.hash_alg).toBe('sm3');
    expect((await verify()).ok).toBe(true);
  });

  it('keeps the chain whole when many actions append at once', async () => {
    const origin = { actor: null, ip: null, requestId: 'burst', now: new Date() };
    await Promise.all(Array.from({ length: 40 }, (_, i) => appendAudit(t.database.db, TEST_AUDIT_CONFIG, origin, { action: `burst.${i}` })));
    expect((await verify()).ok).toBe(true);
  });
});

describe('audit write failure', () => {
  it('makes the action fail and leaves nothing of it behind', async () => {
    const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n;
    await t.database.pool.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit storage unavailable'; END; $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: registrationBody() });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
      expect((await t.database.pool.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n).toBe(before);
    } finally {
      await t.database.pool.query('DROP TRIGGER refuse_audit ON audit_events; DROP FUNCTION refuse_audit();');
    }
  });
});
