// Assignment through the API: conflicts with reasons, the optimal draft that never pairs a conflict, pins kept and
// bans honoured by re-optimisation, unfilled places explained, release to the experts (criteria then frozen), and the
// expert's own declared ties.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import { createClock } from '../../clock.js';
import { createTestApp, TEST_AUDIT_CONFIG, type TestApp } from '../../test/app.js';
import { runAssignmentJob } from './assignment-jobs.service.js';
import { as, PASSWORD, signedInAs, signIn, validUscc, type Session } from '../../test/factories.js';

let t: TestApp;
let admin: Session;
let programId: string;
const apps: Array<{ id: string; uscc: string }> = [];
const experts: Record<string, { id: string; email: string }> = {};

async function eligibleApplication(subfieldId: string, title: string, text: string) {
  const uscc = validUscc('440300');
  const org = await t.database.pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ($1, $2, 'enterprise', '440000') RETURNING id`, [`${title}公司`, uscc]);
  const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
  const row = await t.database.pool.query(
    `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title, sections) VALUES ($1, $2, $3, $4, 'eligible', $5, $6) RETURNING id`,
    [programId, subfieldId, org.rows[0].id, creator, title, JSON.stringify({ route: text })],
  );
  apps.push({ id: row.rows[0].id, uscc });
}

async function expert(key: string, body: { subfieldIds: string[]; keywords: string[]; uscc?: string; regionCode?: string }) {
  const email = `${key}.${Date.now()}@example.edu.cn`;
  const res = await as(t.app, admin, {
    method: 'POST',
    url: '/api/admin/experts',
    payload: { name: `专家${key}`, email, password: PASSWORD, organization: { name: `${key}研究院`, ...(body.uscc ? { uscc: body.uscc } : {}) }, regionCode: body.regionCode ?? '110000', subfieldIds: body.subfieldIds, keywords: body.keywords },
  });
  expect(res.statusCode, res.body).toBe(201);
  experts[key] = { id: res.json().id, email };
}

const auto = (body: object) => as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/assignments/auto`, payload: { round: 'online', ...body } });
const list = async () => (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/assignments?round=online` })).json();
const pairs = async () => (await list()).items.map((i: { applicationId: string; expertId: string }) => `${i.applicationId}:${i.expertId}`) as string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  const catalogue: CatalogueResponse = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
  const chips = catalogue.directions[0]!.subfields[0]!.id;
  const speech = catalogue.directions.flatMap((d) => d.subfields).find((s) => s.name.includes('语音'))!.id;
  await eligibleApplication(chips, '车规级神经网络芯片', '面向自动驾驶的高能效比神经网络芯片');
  await eligibleApplication(chips, '自动驾驶计算芯片', '自动驾驶域控制器与车规级芯片');
  await eligibleApplication(speech, '远场语音识别', '远场语音识别与方言识别');
  await eligibleApplication(speech, '智能语音交互', '多轮对话与语音识别');
  await expert('A', { subfieldIds: [chips], keywords: ['自动驾驶', '能效比'], uscc: apps[0]!.uscc });
  await expert('B', { subfieldIds: [chips], keywords: ['车规级', '芯片'] });
  await expert('C', { subfieldIds: [speech], keywords: ['语音识别', '方言'] });
});

describe('assignment', () => {
  it('shows an expert’s conflicts with their reasons before anyone is invited', async () => {
    const res = await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/experts/${experts.A!.id}/conflicts` });
    const first = res.json().items.find((i: { applicationId: string }) => i.applicationId === apps[0]!.id);
    expect(first.conflicts).toEqual([{ code: 'same_organization', reason: expect.stringContaining('统一社会信用代码相同') }]);
    expect(res.json().items.filter((i: { conflicts: unknown[] }) => i.conflicts.length > 0)).toHaveLength(1);
  });

  it('drafts the optimum without a conflicted pair, explaining each pairing', async () => {
    const res = await auto({ reviewersPerApplication: 1, maxPerExpert: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assigned: 4, unassigned: [] });
    const all = await pairs();
    expect(all).not.toContain(`${apps[0]!.id}:${experts.A!.id}`);
    expect(all).toContain(`${apps[0]!.id}:${experts.B!.id}`);
    expect(new Set(all.map((p) => p.split(':')[0]))).toEqual(new Set(apps.map((a) => a.id)));
    const items = (await list()).items;
    const speech = items.find((i: { applicationId: string }) => i.applicationId === apps[2]!.id);
    expect(speech).toMatchObject({ expertId: experts.C!.id, subfieldMatch: true, sharedTerms: expect.arrayContaining(['语音识别']), status: 'draft' });
  });

  it('keeps pinned pairs, honours bans, refuses to pin a conflict, and explains what it cannot fill', async () => {
    const pin = await as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/assignments/pin`, payload: { round: 'online', applicationId: apps[3]!.id, expertId: experts.B!.id, pinned: true } });
    expect(pin.statusCode, pin.body).toBe(200);
    const ban = await as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/assignments/ban`, payload: { round: 'online', applicationId: apps[1]!.id, expertId: experts.A!.id, banned: true } });
    expect(ban.statusCode).toBe(200);
    const res = await auto({ reviewersPerApplication: 1, maxPerExpert: 2 });
    expect(res.json().unassigned).toEqual([]);
    const all = await pairs();
    expect(all).toContain(`${apps[3]!.id}:${experts.B!.id}`);
    expect(all).not.toContain(`${apps[1]!.id}:${experts.A!.id}`);
    const conflicted = await as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/assignments/pin`, payload: { round: 'online', applicationId: apps[0]!.id, expertId: experts.A!.id, pinned: true } });
    expect(conflicted.statusCode).toBe(409);
    expect(conflicted.json().error.message).toContain('统一社会信用代码相同');

    const three = await auto({ reviewersPerApplication: 3, maxPerExpert: 4 });
    const first = three.json().unassigned.find((u: { applicationId: string }) => u.applicationId === apps[0]!.id);
    expect(first).toEqual({ applicationId: apps[0]!.id, missing: 1, reason: '只有 2 位专家与之无利益冲突' });
    await auto({ reviewersPerApplication: 1, maxPerExpert: 2 });
  });

  it('runs as a background job with its progress, the same optimum as the direct run, and a kept result', async () => {
    const direct = (await auto({ reviewersPerApplication: 2, maxPerExpert: 3 })).json();
    const directPairs = (await pairs()).sort();
    const jobs = `/api/admin/programs/${programId}/assignment-jobs`;
    expect((await as(t.app, admin, { method: 'GET', url: `${jobs}?round=online` })).json()).toEqual({ job: null });
    const queued = await as(t.app, admin, { method: 'POST', url: jobs, payload: { round: 'online', reviewersPerApplication: 2, maxPerExpert: 3 } });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ state: 'queued', params: { round: 'online', reviewersPerApplication: 2 }, result: null });
    const again = await as(t.app, admin, { method: 'POST', url: jobs, payload: { round: 'online', reviewersPerApplication: 2, maxPerExpert: 3 } });
    expect(again.statusCode).toBe(409);
    const id = queued.json().id;
    await expect.poll(async () => (await as(t.app, admin, { method: 'GET', url: `${jobs}/${id}` })).json().state, { timeout: 30_000, interval: 200 }).toBe('done');
    const done = (await as(t.app, admin, { method: 'GET', url: `${jobs}/${id}` })).json();
    expect(done.result).toEqual(direct);
    expect(done.progress.phase).toBe('saving');
    expect(done.startedAt).not.toBeNull();
    expect((await pairs()).sort()).toEqual(directPairs);
    expect((await as(t.app, admin, { method: 'GET', url: `${jobs}?round=online` })).json().job.id).toBe(id);
    const audit = await t.database.pool.query(`SELECT action, actor_id FROM audit_events WHERE action IN ('assignment.queued', 'assignment.auto') ORDER BY seq DESC LIMIT 2`);
    expect(audit.rows.map((r) => r.action)).toEqual(['assignment.auto', 'assignment.queued']);
    expect(new Set(audit.rows.map((r) => r.actor_id))).toEqual(new Set([admin.userId]));

    // A run whose admin was disabled after queueing fails with the reason and changes nothing.
    const other = await signedInAs(t.app, t.database.db, ['program_admin']);
    await t.database.pool.query('UPDATE users SET disabled = true WHERE id = $1', [other.userId]);
    const row = await t.database.pool.query(
      `INSERT INTO background_jobs (kind, program_id, requested_by, params) VALUES ('assignment', $1, $2, $3) RETURNING id`,
      [programId, other.userId, { round: 'online', reviewersPerApplication: 1, maxPerExpert: 1 }],
    );
    await runAssignmentJob({ db: t.database.db, clock: createClock(t.database.db, true), auditConfig: TEST_AUDIT_CONFIG }, row.rows[0].id);
    const failed = (await as(t.app, admin, { method: 'GET', url: `${jobs}/${row.rows[0].id}` })).json();
    expect(failed).toMatchObject({ state: 'failed', error: '发起分配的账号已停用', result: null });
    expect((await pairs()).sort()).toEqual(directPairs);
    await auto({ reviewersPerApplication: 1, maxPerExpert: 2 });
  });

  it('releases the round to the experts, who see only their own, and freezes its criteria', async () => {
    const drafted = (await list()).items as Array<{ applicationId: string; expertId: string }>;
    const released = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/assignments/release`, payload: { round: 'online' } });
    expect(released.json().released).toBe(4);
    const c = await signIn(t.app, experts.C!.email);
    const mine = (await as(t.app, c, { method: 'GET', url: '/api/expert/assignments' })).json().items;
    const expected = drafted.filter((d) => d.expertId === experts.C!.id).map((d) => d.applicationId);
    expect(mine.map((m: { applicationId: string }) => m.applicationId).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
    expect(mine[0].criteria.map((k: { key: string }) => k.key)).toContain('advanced');
    expect((await auto({ reviewersPerApplication: 1, maxPerExpert: 2 })).json().error.code).toBe('INVALID_TRANSITION');
    const round = (await t.app.inject({ method: 'GET', url: '/api/programs' })).json().items[0].reviewRounds[0];
    const frozen = await as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/review-rounds/online`, payload: { name: round.name, nameEn: round.nameEn, phase: round.phase, criteria: [{ ...round.criteria[0], weight: 100 }] } });
    expect(frozen.json().error.code).toBe('INVALID_TRANSITION');
    const renamed = await as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/review-rounds/online`, payload: { ...round, key: undefined, name: '网络初评（第一批）' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('lets experts declare ties, which become conflicts with their reason', async () => {
    const b = await signIn(t.app, experts.B!.email);
    const res = await as(t.app, b, {
      method: 'PUT',
      url: '/api/expert/profile',
      payload: { keywords: ['芯片'], organizationParentUscc: null, ties: [{ organizationName: '某公司', uscc: apps[3]!.uscc, kind: 'shareholding', endedOn: '2025-06-30' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const check = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/experts/${experts.B!.id}/conflicts` })).json();
    const tied = check.items.find((i: { applicationId: string }) => i.applicationId === apps[3]!.id);
    expect(tied.conflicts).toEqual([{ code: 'declared_tie', reason: expect.stringContaining('持股关系，至 2025-06-30') }]);
    const bad = await as(t.app, b, { method: 'PUT', url: '/api/expert/profile', payload: { keywords: [], organizationParentUscc: 'nope', ties: [] } });
    expect(bad.json().error.details).toEqual([{ path: 'organizationParentUscc', message: expect.stringContaining('统一社会信用代码') }]);
    expect((await as(t.app, admin, { method: 'GET', url: '/api/expert/profile' })).statusCode).toBe(403);
  });
});
