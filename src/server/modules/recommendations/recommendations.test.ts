// The recommending tier: a unit sees exactly its applications, decides within the phase and its quota (also under 50
// concurrent clicks), ranks, returns for revision, submits its batch (then locked), exports the 推荐汇总表; the ministry
// reopens batches with a reason, follows progress and makes the formal check.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, registerApplicant, signedInAs, validUscc, type Session } from '../../test/factories.js';

let t: TestApp;
let catalogue: CatalogueResponse;
let programId: string;
let guangdong: string;
let unit: Session;
let admin: Session;
const DAY = 86_400_000;

async function setPhase(key: string, fromMs: number, toMs: number) {
  const now = Date.parse((await t.app.inject({ method: 'GET', url: '/api/health' })).json().now);
  await t.database.pool.query('UPDATE program_phases SET opens_at = $1, closes_at = $2 WHERE program_id = $3 AND key = $4', [new Date(now + fromMs), new Date(now + toMs), programId, key]);
}
const subfield = (code: string) => catalogue.directions.flatMap((d) => d.subfields).find((s) => s.code === code)!;

beforeAll(async () => {
  t = await createTestApp();
  catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
  await setPhase('application', -10 * DAY, 10 * DAY);
  await setPhase('recommendation', -DAY, 10 * DAY);
  guangdong = (await t.database.pool.query("SELECT id FROM recommenders WHERE kind = 'province' AND region_code = '440000' AND city_code IS NULL")).rows[0].id;
  unit = await signedInAs(t.app, t.database.db, ['recommender'], { recommenderId: guangdong });
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
});

/** An applicant in Guangdong with a submitted application in the subfield, choosing the Guangdong unit. */
async function submitted(code: string): Promise<{ applicant: Session; id: string }> {
  const applicant = await registerApplicant(t.app);
  const id = (await as(t.app, applicant, { method: 'POST', url: '/api/applications', payload: { programId, subfieldId: subfield(code).id } })).json().id;
  const app = (await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}` })).json();
  const value = (kind: string) => (kind === 'number' ? 50 : kind === 'boolean' ? true : '达到');
  const res = await as(t.app, applicant, {
    method: 'PATCH',
    url: `/api/applications/${id}`,
    payload: {
      version: app.version,
      title: `项目 ${code}`,
      responsiblePerson: { name: '张三', title: '主任', phone: '020-12345678', email: 'zhang@example.cn' },
      recommenderId: guangdong,
      sections: { basis: '基础', route: '路线', milestones: '进度', team: '团队', funding: '经费' },
      indicators: subfield(code).indicators.map((i) => ({ indicatorId: i.id, current: value(i.kind), target: value(i.kind) })),
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const submit = await as(t.app, applicant, { method: 'POST', url: `/api/applications/${id}/submit`, payload: {}, headers: { 'idempotency-key': `k-${randomUUID()}` } });
  expect(submit.statusCode, submit.body).toBe(200);
  return { applicant, id };
}
const decide = (id: string, body: object, who: Session = unit) => as(t.app, who, { method: 'POST', url: `/api/applications/${id}/recommendation`, payload: body });
const batchOf = async (who: Session = unit) => (await as(t.app, who, { method: 'GET', url: `/api/recommenders/${guangdong}/batch?programId=${programId}` })).json();

describe('the recommending unit', () => {
  let a: { applicant: Session; id: string };
  let b: { applicant: Session; id: string };
  let c: { applicant: Session; id: string };
  beforeAll(async () => {
    a = await submitted('D01-01');
    b = await submitted('D01-02');
    c = await submitted('D02-01');
  });

  it('sees exactly the applications that chose it, in the list and in detail', async () => {
    const draftOwner = await registerApplicant(t.app);
    const draft = (await as(t.app, draftOwner, { method: 'POST', url: '/api/applications', payload: { programId, subfieldId: subfield('D03-01').id } })).json().id;
    const listed = (await as(t.app, unit, { method: 'GET', url: `/api/applications?programId=${programId}` })).json().items.map((i: { id: string }) => i.id);
    expect(listed.sort()).toEqual([a.id, b.id, c.id].sort());
    for (const id of listed) expect((await as(t.app, unit, { method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(200);
    expect((await as(t.app, unit, { method: 'GET', url: `/api/applications/${draft}` })).statusCode).toBe(404);
    const beijingId = (await t.database.pool.query("SELECT id FROM recommenders WHERE region_code = '110000'")).rows[0].id;
    const other = await signedInAs(t.app, t.database.db, ['recommender'], { recommenderId: beijingId });
    expect((await as(t.app, other, { method: 'GET', url: '/api/applications' })).json().items).toEqual([]);
    expect((await as(t.app, other, { method: 'GET', url: `/api/applications/${a.id}` })).statusCode).toBe(404);
    expect((await decide(a.id, { decision: 'recommend' }, other)).statusCode).toBe(404);
    const direction = catalogue.directions.find((d) => d.code === 'D01')!;
    const filtered = (await as(t.app, unit, { method: 'GET', url: `/api/applications?directionId=${direction.id}` })).json().items;
    expect(filtered.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const bySubfield = (await as(t.app, unit, { method: 'GET', url: `/api/applications?subfieldId=${subfield('D01-02').id}` })).json().items;
    expect(bySubfield.map((i: { id: string }) => i.id)).toEqual([b.id]);
  });

  it('returns with a reason; the applicant sees it, revises and resubmits', async () => {
    expect((await decide(a.id, { decision: 'return', comment: '' })).json().error.details).toEqual([{ path: 'comment', message: '退回或不推荐时须写明理由' }]);
    expect((await decide(a.id, { decision: 'return', comment: '请补充第三方测试报告' })).json()).toEqual({ status: 'returned' });
    const seen = (await as(t.app, a.applicant, { method: 'GET', url: `/api/applications/${a.id}` })).json();
    expect(seen).toMatchObject({ status: 'returned', returnReason: '请补充第三方测试报告' });
    expect((await decide(a.id, { decision: 'recommend' })).json().error.code).toBe('INVALID_TRANSITION');
    const version = (await as(t.app, a.applicant, { method: 'PATCH', url: `/api/applications/${a.id}`, payload: { version: seen.version, title: '项目 D01-01（已补充）' } })).json().version;
    const again = await as(t.app, a.applicant, { method: 'POST', url: `/api/applications/${a.id}/submit`, payload: { version }, headers: { 'idempotency-key': `k-${randomUUID()}` } });
    expect(again.json().receipt.number).not.toBe(seen.receipt.number);
  });

  it('recommends with ranks per direction, declines with a reason, and revises', async () => {
    expect((await decide(b.id, { decision: 'recommend', comment: '技术基础扎实' })).json()).toEqual({ status: 'recommended' });
    expect((await decide(a.id, { decision: 'recommend', comment: '建议优先支持', rank: 1 })).json()).toEqual({ status: 'recommended' });
    const ranks = async () => (await batchOf()).rows.map((r: { applicationId: string; rank: number }) => [r.applicationId, r.rank]);
    expect(await ranks()).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    expect((await decide(c.id, { decision: 'decline', comment: '' })).statusCode).toBe(400);
    expect((await decide(c.id, { decision: 'decline', comment: '与本地产业方向不符' })).json()).toEqual({ status: 'not_recommended' });
    expect((await as(t.app, c.applicant, { method: 'GET', url: `/api/applications/${c.id}` })).json()).toMatchObject({ status: 'not_recommended', decisionComment: '与本地产业方向不符' });
    // Revisable between recommended and not recommended; ranks close up.
    expect((await decide(a.id, { decision: 'decline', comment: '改为不推荐' })).json()).toEqual({ status: 'not_recommended' });
    expect(await ranks()).toEqual([[b.id, 1]]);
    expect((await decide(a.id, { decision: 'recommend', comment: '恢复推荐', rank: 1 })).json()).toEqual({ status: 'recommended' });
    expect(await ranks()).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
  });

  it('decides only in the recommendation phase', async () => {
    await setPhase('recommendation', DAY, 10 * DAY);
    const early = await decide(b.id, { decision: 'recommend', comment: '' });
    expect(early.json().error.code).toBe('DEADLINE_PASSED');
    await setPhase('recommendation', -DAY, 10 * DAY);
  });

  it('submits the batch only when everything is decided; then decisions are locked until the ministry reopens it', async () => {
    const d = await submitted('D02-02');
    const refused = await as(t.app, unit, { method: 'POST', url: `/api/recommenders/${guangdong}/batches`, payload: { programId } });
    expect(refused.json().error.code).toBe('INVALID_TRANSITION');
    expect(refused.json().error.details).toEqual([{ path: `applications.${d.id}`, message: expect.stringContaining('尚未处理') }]);
    await decide(d.id, { decision: 'recommend', comment: '同意推荐' });
    const sent = await as(t.app, unit, { method: 'POST', url: `/api/recommenders/${guangdong}/batches`, payload: { programId } });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ rows: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await decide(d.id, { decision: 'decline', comment: '改变主意' })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await as(t.app, unit, { method: 'POST', url: `/api/recommenders/${guangdong}/batches`, payload: { programId } })).json().error.code).toBe('INVALID_TRANSITION');

    const noReason = await as(t.app, admin, { method: 'POST', url: `/api/admin/recommenders/${guangdong}/batches/reopen`, payload: { programId, reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect((await as(t.app, unit, { method: 'POST', url: `/api/admin/recommenders/${guangdong}/batches/reopen`, payload: { programId, reason: 'x' } })).statusCode).toBe(403);
    const reopened = await as(t.app, admin, { method: 'POST', url: `/api/admin/recommenders/${guangdong}/batches/reopen`, payload: { programId, reason: '推荐单位申请更正排序' } });
    expect(reopened.json()).toEqual({ reopened: true });
    expect((await batchOf()).reopenReason).toBe('推荐单位申请更正排序');
    expect((await decide(d.id, { decision: 'recommend', comment: '同意推荐', rank: 1 })).statusCode).toBe(200);
    expect((await as(t.app, unit, { method: 'POST', url: `/api/recommenders/${guangdong}/batches`, payload: { programId } })).statusCode).toBe(200);
  });

  it('exports the 推荐汇总表 with the right columns and rows', async () => {
    const res = await as(t.app, unit, { method: 'GET', url: `/api/recommenders/${guangdong}/batch/summary.xlsx?programId=${programId}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('推荐汇总表')!;
    expect(String(ws.getCell('A1').value)).toContain('已报送，SHA-256');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '揭榜方向', '细分领域', '项目名称', '申报单位', '统一社会信用代码', '所属地区', '责任人', '联系电话', '推荐排序', '推荐意见']);
    const rows = [3, 4, 5].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(ws.actualRowCount).toBe(5);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r[6])).toEqual(['广东省', '广东省', '广东省']);
    expect(rows[0]!.slice(7, 11)).toEqual(['张三', '020-12345678', 1, '恢复推荐']);
    expect(rows[2]!.slice(9, 11)).toEqual([1, '同意推荐']);
    expect(rows.map((r) => r[3])).toContain('项目 D01-01（已补充）');
  });

  it('lets the ministry check form once the batch is in, with a reason the applicant sees', async () => {
    const noReason = await as(t.app, admin, { method: 'POST', url: `/api/applications/${b.id}/eligibility`, payload: { eligible: false } });
    expect(noReason.json().error.details[0].path).toBe('reason');
    expect((await as(t.app, admin, { method: 'POST', url: `/api/applications/${b.id}/eligibility`, payload: { eligible: false, reason: '缺少营业执照' } })).json()).toEqual({ status: 'ineligible' });
    expect((await as(t.app, b.applicant, { method: 'GET', url: `/api/applications/${b.id}` })).json()).toMatchObject({ status: 'ineligible', eligibilityReason: '缺少营业执照' });
    expect((await as(t.app, admin, { method: 'POST', url: `/api/applications/${a.id}/eligibility`, payload: { eligible: true } })).json()).toEqual({ status: 'eligible' });
    expect((await as(t.app, admin, { method: 'POST', url: `/api/applications/${a.id}/eligibility`, payload: { eligible: true } })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await as(t.app, unit, { method: 'POST', url: `/api/applications/${a.id}/eligibility`, payload: { eligible: true } })).statusCode).toBe(403);

    const progress = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/recommendation-progress` })).json();
    const row = progress.items.find((i: { recommenderId: string }) => i.recommenderId === guangdong);
    expect(row).toMatchObject({ received: 4, decided: 4, recommended: 3, declined: 1, batchSubmittedAt: expect.any(String) });
    expect(progress.provinces).toContainEqual({ regionCode: '440000', applications: 4, recommended: 3 });
  });
});

describe('the quota per direction', () => {
  it('holds under 50 concurrent recommendations', async () => {
    await as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/quotas`, payload: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3, recommendationsPerDirection: 2 } });
    const zhejiang = (await t.database.pool.query("SELECT id FROM recommenders WHERE kind = 'province' AND region_code = '330000' AND city_code IS NULL")).rows[0].id;
    const zj = await signedInAs(t.app, t.database.db, ['recommender'], { recommenderId: zhejiang });
    const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
    const ids: string[] = [];
    const pair = catalogue.directions.find((d) => d.subfields.length >= 2)!.subfields;
    // Fifty submitted applications in one direction, straight in the database: the race is what is under test.
    for (let n = 0; n < 50; n += 1) {
      const org = await t.database.pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ($1, $2, 'enterprise', '330000') RETURNING id`, [`浙江单位${n}`, validUscc('330100')]);
      const app = await t.database.pool.query(
        `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, recommender_id, title) VALUES ($1, $2, $3, $4, 'submitted', $5, $6) RETURNING id`,
        [programId, pair[n % 2]!.id, org.rows[0].id, creator, zhejiang, `浙江项目${n}`],
      );
      ids.push(app.rows[0].id);
    }
    const results = await Promise.all(ids.map((id) => decide(id, { decision: 'recommend', comment: '推荐' }, zj)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect(new Set(results.filter((r) => r.statusCode !== 200).map((r) => r.json().error.code))).toEqual(new Set(['QUOTA_EXCEEDED']));
    const count = await t.database.pool.query("SELECT count(*)::int AS n FROM applications WHERE recommender_id = $1 AND status = 'recommended'", [zhejiang]);
    expect(count.rows[0].n).toBe(2);
  });
});
