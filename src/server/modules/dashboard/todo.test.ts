// Every role's to-do list: what waits for the user is counted as its own pages list it, with the deadline and the page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import type { TodoResponse } from '../../../shared/schemas/statistics.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, createAccount, registerApplicant, signedInAs, signIn, type Session } from '../../test/factories.js';

let t: TestApp;
let catalogue: CatalogueResponse;
let programId: string;
const todo = async (session: Session) => {
  const res = await as(t.app, session, { method: 'GET', url: '/api/me/todo' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TodoResponse;
};
const keys = (r: TodoResponse) => Object.fromEntries(r.items.map((i) => [i.key, i.count]));

async function application(organizationId: string, status: string, recommenderId: string | null, subfieldIndex: number) {
  const subfieldId = catalogue.directions.flatMap((d) => d.subfields)[subfieldIndex]!.id;
  const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
  const row = await t.database.pool.query(
    `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title, recommender_id) VALUES ($1, $2, $3, $4, $5, '待办测试', $6) RETURNING id`,
    [programId, subfieldId, organizationId, creator, status, recommenderId],
  );
  return row.rows[0].id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
});

describe('to-do lists', () => {
  it('give the applicant its drafts with the application deadline and its returned applications', async () => {
    const applicant = await registerApplicant(t.app);
    await application(applicant.organizationId, 'draft', null, 0);
    await application(applicant.organizationId, 'draft', null, 1);
    await application(applicant.organizationId, 'returned', null, 2);
    await application(applicant.organizationId, 'submitted', null, 3);
    const list = await todo(applicant);
    expect(keys(list)).toEqual({ drafts: 2, returned: 1 });
    const phases = (await t.database.pool.query(`SELECT key, closes_at FROM program_phases WHERE program_id = $1`, [programId])).rows;
    const closes = (key: string) => phases.find((p) => p.key === key)?.closes_at.toISOString() ?? null;
    expect(list.items.find((i) => i.key === 'drafts')).toMatchObject({ deadline: closes('application'), link: '/applications', programId });
    expect(list.items.find((i) => i.key === 'returned')!.deadline).toBe(closes('recommendation'));
  });

  it('give the recommending unit what it has to decide, then the batch to submit', async () => {
    const unit = (await t.database.pool.query(`SELECT id FROM recommenders ORDER BY name LIMIT 1`)).rows[0].id as string;
    const applicant = await registerApplicant(t.app);
    const account = await createAccount(t.database.db, ['recommender'], { recommenderId: unit });
    const recommender = await signIn(t.app, account.email);
    const first = await application(applicant.organizationId, 'submitted', unit, 4);
    await application(applicant.organizationId, 'recommended', unit, 5);
    expect(keys(await todo(recommender))).toEqual({ toDecide: 1, batchPending: 1 });
    // The workspace opens on the program of the item.
    expect((await todo(recommender)).items.find((i) => i.key === 'toDecide')!.link).toBe('/recommender?program=ai-2018');
    await t.database.pool.query(`UPDATE applications SET status = 'not_recommended' WHERE id = $1`, [first]);
    expect(keys(await todo(recommender))).toEqual({ batchPending: 2 });
    await t.database.pool.query(`INSERT INTO recommendation_batches (program_id, recommender_id, submitted_at, content, sha256, sm3) VALUES ($1, $2, now(), '{}', '', '')`, [programId, unit]);
    expect((await todo(recommender)).items).toEqual([]);
  });

  it('give the expert the assignments to declare and to review, with the round’s due date', async () => {
    const expert = await signedInAs(t.app, t.database.db, ['expert']);
    const applicant = await registerApplicant(t.app);
    const due = new Date(Date.now() + 5 * 86_400_000);
    await t.database.pool.query(`UPDATE review_rounds SET due_at = $2 WHERE program_id = $1 AND key = 'online'`, [programId, due]);
    for (const [i, declared] of [
      [6, false],
      [7, true],
      [8, true],
    ] as const) {
      const app = await application(applicant.organizationId, 'eligible', null, i);
      await t.database.pool.query(
        `INSERT INTO review_assignments (program_id, round, application_id, expert_id, status, affinity, released_at, no_conflict_at) VALUES ($1, 'online', $2, $3, 'released', 0, now(), $4)`,
        [programId, app, expert.userId, declared ? new Date() : null],
      );
    }
    const list = await todo(expert);
    expect(keys(list)).toEqual({ toDeclare: 1, toReview: 2 });
    expect(list.items[0]!.deadline).toBe(due.toISOString());
    expect(list.nextDeadline).toBe(due.toISOString());
  });

  it('give the program admin the formal checks, assignments and objections of its own programs only', async () => {
    const admin = await signedInAs(t.app, t.database.db, ['program_admin']);
    const elsewhere = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: ['00000000-0000-4000-8000-000000000001'] });
    const list = keys(await todo(admin));
    // From the earlier scenarios: three eligible applications, all assigned; one recommended application in a batch.
    expect(list).toMatchObject({ formalCheck: 1 });
    expect(list.toAssign).toBeUndefined();
    const applicant = await registerApplicant(t.app);
    await application(applicant.organizationId, 'eligible', null, 9);
    expect(keys(await todo(admin)).toAssign).toBe(1);
    const item = (await todo(admin)).items.find((i) => i.key === 'toAssign')!;
    expect(item.link).toBe('/admin/assignments?program=ai-2018');
    expect((await todo(elsewhere)).items).toEqual([]);
  });

  it('give the system, security and audit admins their own duties', async () => {
    const system = await signedInAs(t.app, t.database.db, ['system_admin']);
    const units = Number((await t.database.pool.query(`SELECT count(*) FROM recommenders`)).rows[0].count);
    // One unit has an account (the recommender scenario above).
    expect(keys(await todo(system))).toEqual({ recommendersWithoutAccount: units - 1 });
    const security = await signedInAs(t.app, t.database.db, ['security_admin']);
    expect(keys(await todo(security))).toEqual({ policyDefault: 1 });
    const auditor = await signedInAs(t.app, t.database.db, ['audit_admin']);
    expect((await todo(auditor)).items.map((i) => i.key)).toEqual(['auditUnverified']);
    expect((await as(t.app, auditor, { method: 'POST', url: '/api/audit/verify' })).statusCode).toBe(200);
    // Only what happened since the verification waits now: the verification's own record is not among it.
    expect((await todo(auditor)).items).toEqual([]);
  });

  it('is refused to visitors', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/todo' })).statusCode).toBe(401);
  });
});
