// The demo is built through the services: it passes every invariant and the audit chain verifies; every demo role
// signs in to a non-empty to-do list; the public figures have content in many provinces.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants.js';
import { LocalFileStore } from '../storage/file-store.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { createTestApp, TEST_AUDIT_CONFIG, type TestApp } from '../test/app.js';
import { as, signIn } from '../test/factories.js';
import { buildDemo, demoBuilt } from './demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-people.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ testMode: false });
  await buildDemo({ db: t.database.db, auditConfig: TEST_AUDIT_CONFIG, jobs: { send: async () => undefined, stop: async () => undefined }, files: new LocalFileStore(t.filesDir), log: () => undefined });
}, 300_000);

describe('the demo', () => {
  it('keeps every invariant and a whole audit chain', async () => {
    expect(await demoBuilt(t.database.db)).toBe(true);
    const broken = (await checkInvariants(t.database.db)).results.filter((r) => r.violations.length > 0);
    expect(broken).toEqual([]);
    expect((await verifyAuditChain(t.database.db, TEST_AUDIT_CONFIG.key)).ok).toBe(true);
  });

  it('has applications at every stage', async () => {
    const statuses = (await t.database.pool.query(`SELECT status, count(*)::int AS n FROM applications GROUP BY status`)).rows;
    const by = Object.fromEntries(statuses.map((r) => [r.status, r.n]));
    for (const s of ['draft', 'submitted', 'returned', 'recommended', 'not_recommended', 'eligible', 'ineligible', 'finalist', 'finalist_confirmed', 'winner_confirmed']) {
      expect(by[s], s).toBeGreaterThan(0);
    }
    const measured = (await t.database.pool.query(`SELECT count(DISTINCT application_id)::int AS n FROM measurements`)).rows[0].n;
    expect(measured).toBeGreaterThan(10);
    const published = (await t.app.inject({ method: 'GET', url: '/api/public/programs/demo-2024/results' })).json();
    expect(published.winners.length).toBe(8);
    const regions = (await t.database.pool.query(`SELECT count(DISTINCT o.region_code)::int AS n FROM applications a JOIN organizations o ON o.id = a.organization_id WHERE a.status <> 'draft'`)).rows[0].n;
    expect(regions).toBeGreaterThanOrEqual(15);
  });

  it('gives every demo role a to-do list', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const session = await signIn(t.app, account.email, DEMO_PASSWORD);
      const todo = (await as(t.app, session, { method: 'GET', url: '/api/me/todo' })).json();
      expect(todo.items.length, `${account.role} ${JSON.stringify(todo)}`).toBeGreaterThan(0);
    }
  });
});
