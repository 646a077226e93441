// Reviews through the API: what an expert may read before and after declaring no conflict (403/404 as the contract
// says), autosaved drafts, submission with every score, a declared conflict refilled by re-optimisation, the
// ranking with normalised scores, advancing to the defence round, staff corrections with a reason.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, multipartFile, PASSWORD, signedInAs, signIn, validUscc, type Session } from '../../test/factories.js';

let t: TestApp;
let admin: Session;
let programId: string;
let subfieldId: string;
let catalogue: CatalogueResponse;
const catalogueSubfield = (i: number) => catalogue.directions[0]!.subfields[i]!.id;
const apps: string[] = [];
const experts: Array<{ id: string; session: Session }> = [];

async function setPhase(key: string, fromMs: number, toMs: number) {
  const now = Date.now();
  await t.database.pool.query('UPDATE program_phases SET opens_at = $1, closes_at = $2 WHERE program_id = $3 AND key = $4', [new Date(now + fromMs), new Date(now + toMs), programId, key]);
}

async function eligibleApplication(title: string) {
  const org = await t.database.pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ($1, $2, 'enterprise', '440000') RETURNING id`, [`${title}公司`, validUscc('440300')]);
  const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
  const row = await t.database.pool.query(
    `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title, sections) VALUES ($1, $2, $3, $4, 'eligible', $5, $6) RETURNING id`,
    [programId, subfieldId, org.rows[0].id, creator, title, JSON.stringify({ route: `${title}的技术路线` })],
  );
  apps.push(row.rows[0].id);
}

const mine = async (i: number) => (await as(t.app, experts[i]!.session, { method: 'GET', url: '/api/expert/assignments' })).json().items as Array<{ id: string; applicationId: string; declared: boolean; reviewState: string }>;
const review = (i: number, assignmentId: string, body: object) => as(t.app, experts[i]!.session, { method: 'PUT', url: `/api/assignments/${assignmentId}/review`, payload: { conflict: false, submit: false, ...body } });
const rankingOf = async (query = '') => (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/ranking?round=online${query}` })).json();

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
  subfieldId = catalogue.directions[0]!.subfields[0]!.id;
  for (const title of ['甲芯片', '乙芯片', '丙芯片', '丁芯片']) await eligibleApplication(title);
  for (const key of ['一', '二', '三']) {
    const email = `review.${key.charCodeAt(0)}.${Date.now()}@example.edu.cn`;
    const res = await as(t.app, admin, {
      method: 'POST',
      url: '/api/admin/experts',
      payload: { name: `评审专家${key}`, email, password: PASSWORD, organization: { name: `${key}号研究院` }, regionCode: '110000', subfieldIds: [subfieldId], keywords: ['芯片'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    experts.push({ id: res.json().id, session: await signIn(t.app, email) });
  }
  await setPhase('review', -3_600_000, 30 * 86_400_000);
  const auto = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/assignments/auto`, payload: { round: 'online', reviewersPerApplication: 2, maxPerExpert: 4 } });
  expect(auto.json()).toMatchObject({ assigned: 8, unassigned: [] });
  await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/assignments/release`, payload: { round: 'online' } });
});

describe('reviews', () => {
  it('shows only title, subfield and applicant before the declaration: the application answers 403, an unassigned one 404', async () => {
    const [first] = await mine(0);
    const view = (await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/assignments/${first!.id}` })).json();
    expect(view).toMatchObject({ declared: false, review: null, application: { title: expect.any(String), applicant: expect.any(String), subfield: expect.any(String) } });
    expect(Object.keys(view.application).sort()).toEqual(['applicant', 'id', 'subfield', 'title']);
    const read = await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/applications/${first!.applicationId}` });
    expect(read.statusCode).toBe(403);
    // An application of the program that is not in the round (a draft): it does not exist for the expert.
    const org = (await t.database.pool.query('SELECT organization_id FROM applications WHERE id = $1', [apps[0]])).rows[0].organization_id;
    const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
    const other = (await t.database.pool.query(`INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title) VALUES ($1, $2, $3, $4, 'submitted', '未分配的申报') RETURNING id`, [programId, catalogueSubfield(1), org, creator])).rows[0].id;
    expect((await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/applications/${other}` })).statusCode).toBe(404);
    const foreign = (await mine(1))[0]!;
    expect((await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/assignments/${foreign.id}` })).statusCode).toBe(404);
    expect((await review(0, foreign.id, { scores: {} })).statusCode).toBe(404);
    const list = (await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/applications?programId=${programId}` })).json().items;
    expect(list).toEqual([]);
  });

  it('opens the application after declaring no conflict, keeps every draft, and submits with all scores', async () => {
    const [first] = await mine(0);
    const saved = await review(0, first!.id, { scores: { advanced: 5 }, comment: '先写一半' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ declared: true, review: { scores: { advanced: 5 }, comment: '先写一半', state: 'draft', total: null } });
    expect((await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/applications/${first!.applicationId}` })).statusCode).toBe(200);
    const list = (await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/applications?programId=${programId}` })).json().items;
    expect(list.map((a: { id: string }) => a.id)).toEqual([first!.applicationId]);

    const bad = await review(0, first!.id, { scores: { advanced: 99 }, submit: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['scores.advanced', 'scores.feasibility', 'scores.impact', 'scores.targets', 'scores.team']);
    const kept = (await as(t.app, experts[0]!.session, { method: 'GET', url: `/api/assignments/${first!.id}` })).json();
    expect(kept.review).toMatchObject({ scores: { advanced: 5 }, comment: '先写一半', state: 'draft' });

    const criteria = kept.round.criteria as Array<{ key: string; maxScore: number; weight: number }>;
    const full = Object.fromEntries(criteria.map((c) => [c.key, c.maxScore]));
    const submitted = await review(0, first!.id, { scores: full, comment: '技术路线清晰', submit: true });
    expect(submitted.json().review).toMatchObject({ state: 'submitted', total: 100 });
    expect((await review(0, first!.id, { comment: '再改' })).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('gives back a place on a declared conflict and refills it by re-optimisation', async () => {
    const second = (await mine(1))[0]!;
    const noReason = await review(1, second.id, { conflict: true });
    expect(noReason.json().error.details).toEqual([{ path: 'conflictReason', message: expect.stringContaining('利益冲突') }]);
    const declined = await review(1, second.id, { conflict: true, conflictReason: '近三年曾在该单位兼职' });
    expect(declined.json()).toEqual({ status: 'declined', declared: false, review: null });
    expect((await as(t.app, experts[1]!.session, { method: 'GET', url: `/api/assignments/${second.id}` })).statusCode).toBe(404);
    // The refill job fills the place with another expert, released at once.
    await expect
      .poll(
        async () => {
          const items = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/assignments?round=online` })).json().items;
          return items.filter((i: { applicationId: string; status: string }) => i.applicationId === second.applicationId && i.status === 'released').length;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(2);
    const items = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/assignments?round=online` })).json().items;
    expect(items.find((i: { id: string }) => i.id === second.id)).toMatchObject({ status: 'declined', conflictReason: '近三年曾在该单位兼职' });
    expect(items.filter((i: { applicationId: string; expertId: string; status: string }) => i.applicationId === second.applicationId && i.expertId === experts[1]!.id && i.status === 'released')).toEqual([]);
  });

  it('ranks with the mean or normalised scores, flags disagreement, and advances three applications to the defence round', async () => {
    // Every remaining review is submitted: expert k gives application a total that depends on both.
    for (let i = 0; i < experts.length; i += 1) {
      for (const a of await mine(i)) {
        if (a.reviewState === 'submitted') continue;
        const view = (await as(t.app, experts[i]!.session, { method: 'GET', url: `/api/assignments/${a.id}` })).json();
        const level = (apps.indexOf(a.applicationId) + 1) / 5 + i * 0.1;
        const scores = Object.fromEntries(view.round.criteria.map((c: { key: string; maxScore: number }) => [c.key, Math.round(c.maxScore * level)]));
        const res = await review(i, a.id, { scores, comment: '意见', submit: true });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const byMean = await rankingOf();
    expect(byMean.items).toHaveLength(4);
    expect(byMean.unreviewed).toEqual([]);
    for (const item of byMean.items) {
      expect(item.reviews).toBe(2);
      const totals = item.details.map((d: { total: number }) => d.total);
      expect(item.mean).toBeCloseTo(totals.reduce((a: number, b: number) => a + b, 0) / totals.length, 3);
      expect(item.disagreement).toBe(Math.max(...totals) - Math.min(...totals) >= 30);
    }
    const scores = byMean.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const normalized = await rankingOf('&normalized=true');
    expect(normalized.items.every((i: { score: number; normalized: number }) => i.score === i.normalized)).toBe(true);
    expect(byMean.round.next).toMatchObject({ key: 'defence' });

    const top3 = byMean.items.slice(0, 3).map((i: { applicationId: string }) => i.applicationId);
    const advanced = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/rounds/online/advance`, payload: { applicationIds: top3 } });
    expect(advanced.json()).toEqual({ round: 'defence', advanced: 3 });
    expect((await rankingOf()).items.filter((i: { advanced: boolean }) => i.advanced)).toHaveLength(3);
    // The defence round's pool is exactly those three.
    const defence = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/assignments/auto`, payload: { round: 'defence', reviewersPerApplication: 1, maxPerExpert: 3 } });
    expect(defence.json().assigned).toBe(3);
    const defenceApps = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/assignments?round=defence` })).json().items.map((i: { applicationId: string }) => i.applicationId);
    expect(new Set(defenceApps)).toEqual(new Set(top3));
    const outsider = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/rounds/defence/advance`, payload: { applicationIds: [byMean.items[3].applicationId] } });
    expect(outsider.json().error.details).toEqual([{ path: 'applicationIds.0', message: expect.any(String) }]);
  });

  it('lets staff correct a submitted review only with a reason, auditing before and after', async () => {
    const item = (await rankingOf()).items[0];
    const detail = item.details[0];
    const url = `/api/admin/reviews/${detail.assignmentId}`;
    const noReason = await as(t.app, admin, { method: 'PUT', url, payload: { scores: detail.scores, comment: detail.comment, reason: ' ' } });
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: '请说明修改原因' }]);
    const scores = { ...detail.scores, advanced: 0 };
    const fixed = await as(t.app, admin, { method: 'PUT', url, payload: { scores, comment: detail.comment, reason: '专家来电更正先进性得分' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().total).toBeLessThan(detail.total);
    const audit = await t.database.pool.query(`SELECT details FROM audit_events WHERE action = 'review.staff_edit' ORDER BY seq DESC LIMIT 1`);
    expect(audit.rows[0].details).toMatchObject({ reason: '专家来电更正先进性得分', before: { total: detail.total }, after: { total: fixed.json().total } });
    const expert = await as(t.app, experts[0]!.session, { method: 'PUT', url, payload: { scores, comment: '', reason: 'x' } });
    expect(expert.statusCode).toBe(403);
  });

  it('refuses reviews after the round’s due date', async () => {
    const settings = await as(t.app, admin, {
      method: 'PUT',
      url: `/api/admin/programs/${programId}/review-rounds/defence/settings`,
      payload: { reviewersPerApplication: 1, maxPerExpert: 3, dueAt: new Date(Date.now() - 60_000).toISOString(), peerVisibility: true },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/assignments/release`, payload: { round: 'defence' } });
    for (let i = 0; i < experts.length; i += 1) {
      const defence = (await mine(i)).find((a) => (a as unknown as { round: string }).round === 'defence');
      if (!defence) continue;
      expect((await review(i, defence.id, { scores: {} })).json().error.code).toBe('DEADLINE_PASSED');
      return;
    }
    throw new Error('no defence assignment found');
  });

  it('schedules a defence session and an on-site visit, records findings and a PDF report in the application’s record', async () => {
    const advancedApp = (await rankingOf()).items.find((i: { advanced: boolean }) => i.advanced).applicationId;
    const url = `/api/admin/programs/${programId}/review-events`;
    const bad = await as(t.app, admin, { method: 'POST', url, payload: { round: 'defence', applicationId: advancedApp, kind: 'defence', scheduledAt: '2026-12-01T09:00:00+08:00', place: ' ', members: [] } });
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['place', 'members']);
    const outside = (await rankingOf()).items.find((i: { advanced: boolean }) => !i.advanced).applicationId;
    const refused = await as(t.app, admin, { method: 'POST', url, payload: { round: 'defence', applicationId: outside, kind: 'defence', scheduledAt: '2026-12-01T09:00:00+08:00', place: '第一会议室', members: ['张三'] } });
    expect(refused.json().error.details).toEqual([{ path: 'applicationId', message: '该申报不在本轮评审中' }]);
    const defence = await as(t.app, admin, {
      method: 'POST',
      url,
      payload: { round: 'defence', applicationId: advancedApp, kind: 'defence', scheduledAt: '2026-12-01T09:00:00+08:00', place: '第一会议室', members: ['张三', '李四', '王五'] },
    });
    expect(defence.statusCode, defence.body).toBe(201);
    const visit = await as(t.app, admin, {
      method: 'POST',
      url,
      payload: { round: 'defence', applicationId: advancedApp, kind: 'onsite', scheduledAt: '2026-12-05T14:00:00+08:00', place: '广州市天河区', members: ['赵六'] },
    });
    const recorded = await as(t.app, admin, {
      method: 'PUT',
      url: `/api/admin/review-events/${visit.json().id}`,
      payload: { scheduledAt: '2026-12-05T14:00:00+08:00', place: '广州市天河区', members: ['赵六', '钱七'], findings: '产线已建成，样片测试数据与申报一致' },
    });
    expect(recorded.json()).toMatchObject({ findings: '产线已建成，样片测试数据与申报一致', members: ['赵六', '钱七'] });
    const { payload, headers } = multipartFile('现场评估报告.pdf', '%PDF-1.4\n现场评估\n%%EOF\n', 'application/pdf');
    const report = await as(t.app, admin, { method: 'POST', url: `/api/admin/review-events/${visit.json().id}/report`, payload, headers });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().report).toMatchObject({ name: '现场评估报告.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const notPdf = multipartFile('x.pdf', 'not a pdf', 'application/pdf');
    expect((await as(t.app, admin, { method: 'POST', url: `/api/admin/review-events/${visit.json().id}/report`, payload: notPdf.payload, headers: notPdf.headers })).statusCode).toBe(415);
    const download = await as(t.app, admin, { method: 'GET', url: `/api/admin/review-events/${visit.json().id}/report` });
    expect(download.headers['content-disposition']).toContain('attachment');
    const record = (await as(t.app, admin, { method: 'GET', url: `${url}?applicationId=${advancedApp}` })).json().items;
    expect(record.map((e: { kind: string }) => e.kind)).toEqual(['defence', 'onsite']);
    expect((await as(t.app, experts[0]!.session, { method: 'GET', url: `${url}?applicationId=${advancedApp}` })).statusCode).toBe(403);

    // All of it in the application's record, round by round.
    const history = (await as(t.app, admin, { method: 'GET', url: `/api/admin/applications/${advancedApp}/review-record` })).json();
    expect(history.rounds.map((r: { key: string }) => r.key)).toEqual(['online', 'defence']);
    for (const r of history.rounds[0].reviews) {
      if (r.status === 'declined') expect(r.conflictReason).toBeTruthy();
      else expect(r).toMatchObject({ state: 'submitted', total: expect.any(Number) });
    }
    expect(history.rounds[1].events.map((e: { kind: string; findings: string }) => [e.kind, e.findings])).toEqual([
      ['defence', ''],
      ['onsite', '产线已建成，样片测试数据与申报一致'],
    ]);
  });
});
