// The final evaluation round reuses the review machinery: its metShare criterion is filled in from the measured
// attainment (never typed, refused when sent), submission waits for measurements, later measurements move the scores
// and totals of the reviews, and a staff correction cannot change it.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../invariants.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, PASSWORD, signIn, type Session } from '../../test/factories.js';
import { labAccount, programWithFinalists, type FinalistFixture } from '../../test/finalists.js';

let t: TestApp;
let f: FinalistFixture;
let lab: Session;
let expert: Session;
let assignments: Array<{ id: string; applicationId: string }>;

const review = (id: string, body: object) => as(t.app, expert, { method: 'PUT', url: `/api/assignments/${id}/review`, payload: { conflict: false, submit: false, ...body } });
const measure = (appId: string, items: unknown[]) => as(t.app, lab, { method: 'PUT', url: `/api/applications/${appId}/measurements`, payload: { items } });
const others = { level: 8, application: 8, industry: 8 };

beforeAll(async () => {
  t = await createTestApp();
  f = await programWithFinalists(t, { count: 2 });
  lab = await labAccount(t);
  await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/lab-assignments/subfield`, payload: { subfieldId: f.subfieldId, labUserId: lab.userId } });
  // Half the committed targets of the first finalist measured as met: 峰值算力 met, 典型功耗 missed.
  const first = await measure(f.apps[0]!.id, [
    { indicatorId: f.indicators.higher, measured: 130, method: '峰值算力测试', testedAt: '2026-01-05' },
    { indicatorId: f.indicators.lower, measured: 9, method: '功耗测试', testedAt: '2026-01-05' },
  ]);
  expect(first.json().metShare).toBe(0.5);
  const email = `final.expert@example.cn`;
  const created = await as(t.app, f.admin, {
    method: 'POST',
    url: '/api/admin/experts',
    payload: { name: '总评专家', email, password: PASSWORD, organization: { name: '北京评估研究院' }, regionCode: '110000', subfieldIds: [f.subfieldId], keywords: ['车载芯片'] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const auto = await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/assignments/auto`, payload: { round: 'final', reviewersPerApplication: 1, maxPerExpert: 5 } });
  expect(auto.json()).toMatchObject({ assigned: 2, unassigned: [] });
  await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/assignments/release`, payload: { round: 'final' } });
  expert = await signIn(t.app, email);
  assignments = (await as(t.app, expert, { method: 'GET', url: '/api/expert/assignments' })).json().items;
});

const of = (i: number) => assignments.find((a) => a.applicationId === f.apps[i]!.id)!.id;

describe('the final round’s metShare criterion', () => {
  it('is marked automatic and refused when the expert types it', async () => {
    const one = (await as(t.app, expert, { method: 'GET', url: `/api/assignments/${of(0)}` })).json();
    expect(one.round).toMatchObject({ key: 'final', phase: 'evaluation', automatic: ['metShare'] });
    const typed = await review(of(0), { scores: { metShare: 10, level: 8 } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details).toEqual([{ path: 'scores.metShare', message: expect.stringContaining('自动计算') }]);
  });

  it('is filled in from the attainment on every save, and counts in the submitted total', async () => {
    const draft = await review(of(0), { scores: { level: 8 } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().review.scores).toEqual({ level: 8, metShare: 5 });
    const submitted = await review(of(0), { scores: others, comment: '指标达成一半，功耗未达承诺', submit: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // 50 × 5/10 + 20 × 0.8 + 20 × 0.8 + 10 × 0.8
    expect(submitted.json().review).toMatchObject({ state: 'submitted', total: 65, scores: { metShare: 5 } });
  });

  it('waits for measurements before a review can be submitted', async () => {
    const res = await review(of(1), { scores: others, comment: '尚无实测数据', submit: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'scores.metShare', message: expect.stringContaining('尚未录入') }]);
    const saved = await review(of(1), { scores: others, comment: '尚无实测数据' });
    expect(saved.json().review.scores).toEqual(others);
  });

  it('follows later measurements, in drafts and submitted reviews alike, audited with the measurement', async () => {
    const res = await measure(f.apps[0]!.id, [{ indicatorId: f.indicators.lower, measured: 7.8, method: '功耗复测', testedAt: '2026-01-06' }]);
    expect(res.json().metShare).toBe(1);
    const after = (await as(t.app, expert, { method: 'GET', url: `/api/assignments/${of(0)}` })).json().review;
    expect(after).toMatchObject({ scores: { metShare: 10 }, total: 90 });
    const audit = await t.database.pool.query(`SELECT details FROM audit_events WHERE action = 'measurements.recorded' ORDER BY seq DESC LIMIT 1`);
    expect(audit.rows[0].details.reviews).toEqual([{ assignmentId: of(0), round: 'final', before: { ...others, metShare: 5 }, after: { ...others, metShare: 10 }, total: 90 }]);
    const ranking = (await as(t.app, f.admin, { method: 'GET', url: `/api/admin/programs/${f.programId}/ranking?round=final` })).json();
    expect(ranking.items.map((i: { applicationId: string; score: number }) => [i.applicationId, i.score])).toEqual([[f.apps[0]!.id, 90]]);

    // The other finalist's draft picks it up as soon as its first committed target is measured.
    await measure(f.apps[1]!.id, [{ indicatorId: f.indicators.capability, measured: false, method: 'AEC-Q100 认证核查', testedAt: '2026-01-06' }]);
    expect((await as(t.app, expert, { method: 'GET', url: `/api/assignments/${of(1)}` })).json().review.scores).toEqual({ ...others, metShare: 0 });
  });

  it('cannot be changed by a staff correction, which keeps the computed value', async () => {
    const url = `/api/admin/reviews/${of(0)}`;
    const changed = await as(t.app, f.admin, { method: 'PUT', url, payload: { scores: { ...others, metShare: 2 }, comment: '更正', reason: '复核' } });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.details.map((d: { path: string }) => d.path)).toEqual(['scores.metShare']);
    const kept = await as(t.app, f.admin, { method: 'PUT', url, payload: { scores: { ...others, level: 10 }, comment: '更正技术水平', reason: '复核后上调技术水平' } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ scores: { metShare: 10, level: 10 }, total: 94 });
    expect((await checkInvariants(t.database.db)).results.filter((r) => r.violations.length > 0)).toEqual([]);
  });
});
