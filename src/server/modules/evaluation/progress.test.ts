// Progress reports of the attack period: due dates set by the program admin; a confirmed finalist writes, attaches
// PDFs and submits in the attack phase only; the admin accepts or asks for more (which reopens it); each step audited,
// the wrong state refused, strangers kept out.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, multipartFile, registerApplicant, signedInAs, type Session } from '../../test/factories.js';
import { programWithFinalists, serverNow, setPhase, type FinalistFixture } from '../../test/finalists.js';

let t: TestApp;
let f: FinalistFixture;
let owner: Session;
let appId: string;
let milestoneId: string;
const DAY = 86_400_000;
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n% 中期进展\ntrailer << >>\n%%EOF\n');

const base = () => `/api/applications/${appId}/progress-reports/${milestoneId}`;
const save = (content: string, who: Session = owner, version?: number) => as(t.app, who, { method: 'PUT', url: base(), payload: { content, ...(version ? { version } : {}) } });
const submit = (who: Session = owner) => as(t.app, who, { method: 'POST', url: `${base()}/submit` });
const review = (reportId: string, decision: string, comment: string, who: Session = f.admin) =>
  as(t.app, who, { method: 'POST', url: `/api/admin/progress-reports/${reportId}/review`, payload: { decision, comment } });
const progress = (who: Session | null = owner) => as(t.app, who, { method: 'GET', url: `/api/applications/${appId}/progress-reports` });

beforeAll(async () => {
  t = await createTestApp();
  f = await programWithFinalists(t, { count: 2 });
  owner = f.apps[0]!.owner;
  appId = f.apps[0]!.id;
});

describe('progress reports', () => {
  it('follow the due dates the program admin sets', async () => {
    const now = await serverNow(t);
    const url = `/api/admin/programs/${f.programId}/progress-milestones`;
    expect((await as(t.app, owner, { method: 'POST', url, payload: { title: '中期', dueAt: new Date(now).toISOString() } })).statusCode).toBe(403);
    const blank = await as(t.app, f.admin, { method: 'POST', url, payload: { title: ' ', dueAt: new Date(now + 10 * DAY).toISOString() } });
    expect(blank.json().error.details.map((d: { path: string }) => d.path)).toEqual(['title']);
    // Instants PostgreSQL cannot store (year 0, or past 9999 in UTC) are refused as fields, not failed queries.
    for (const dueAt of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-12:00']) {
      const outside = await as(t.app, f.admin, { method: 'POST', url, payload: { title: '中期', dueAt } });
      expect(outside.statusCode, outside.body).toBe(400);
      expect(outside.json().error.details.map((d: { path: string }) => d.path)).toEqual(['dueAt']);
    }
    const created = await as(t.app, f.admin, { method: 'POST', url, payload: { title: '中期进展报告', description: '流片与样片测试进展', dueAt: new Date(now + 10 * DAY).toISOString() } });
    expect(created.statusCode, created.body).toBe(201);
    milestoneId = created.json().id;
    const listed = (await progress()).json();
    expect(listed).toMatchObject({ abilities: { edit: true }, milestones: [{ id: milestoneId, title: '中期进展报告', report: null }] });
  });

  it('are written and submitted only in the attack phase, by the finalist itself', async () => {
    const now = await serverNow(t);
    await setPhase(t, f.admin, f.programId, 'attack', now + DAY, now + 100 * DAY);
    expect((await save('流片完成')).json().error.code).toBe('DEADLINE_PASSED');
    await setPhase(t, f.admin, f.programId, 'attack', now - DAY, now + 100 * DAY);
    expect((await save('他人代写', f.apps[1]!.owner)).statusCode).toBe(404);
    expect((await save('主管部门', f.admin)).statusCode).toBe(403);
    expect((await as(t.app, owner, { method: 'PUT', url: base(), payload: { content: 'x', state: 'accepted' } })).statusCode).toBe(400);
    expect((await submit()).json().error.details.map((d: { path: string }) => d.path)).toEqual(['content']);

    const saved = await save('已完成第一版流片，样片峰值算力 110 TOPS。');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'draft', version: 1, late: false });
    expect((await save('旧版本', owner, 7)).json().error.code).toBe('CONFLICT');
    const { payload, headers } = multipartFile('流片报告.pdf', pdf, 'application/pdf');
    const file = await as(t.app, owner, { method: 'POST', url: `${base()}/files`, payload, headers });
    expect(file.statusCode, file.body).toBe(201);
    const download = await as(t.app, f.admin, { method: 'GET', url: `${base()}/files/${file.json().id}` });
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const done = await submit();
    expect(done.json()).toMatchObject({ state: 'submitted', files: [{ name: '流片报告.pdf' }], history: [{ action: 'submitted' }] });
    expect((await save('改一改')).json().error.code).toBe('INVALID_TRANSITION');
    expect((await submit()).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('are reviewed by the admin, who may ask for more, and then accepts', async () => {
    const overview = (await as(t.app, f.admin, { method: 'GET', url: `/api/admin/programs/${f.programId}/progress-reports` })).json();
    const row = overview.items.find((i: { applicationId: string }) => i.applicationId === appId);
    expect(row.reports).toEqual([{ milestoneId, reportId: expect.any(String), state: 'submitted', submittedAt: expect.any(String), late: false }]);
    expect(overview.items.find((i: { applicationId: string }) => i.applicationId === f.apps[1]!.id).reports).toEqual([]);
    const reportId = row.reports[0].reportId;

    expect((await review(reportId, 'request_more', '  ')).json().error.details.map((d: { path: string }) => d.path)).toEqual(['comment']);
    expect((await review(reportId, 'accept', '', owner)).statusCode).toBe(403);
    const more = await review(reportId, 'request_more', '请补充样片的功耗测试数据');
    expect(more.json()).toMatchObject({ state: 'more_requested', reviewComment: '请补充样片的功耗测试数据' });
    expect((await review(reportId, 'accept', '')).json().error.code).toBe('INVALID_TRANSITION');

    const again = await save('已完成第一版流片，样片峰值算力 110 TOPS，满载功耗 9.2 W。');
    expect(again.json()).toMatchObject({ state: 'more_requested', version: 2 });
    expect((await submit()).json().state).toBe('submitted');
    const accepted = await review(reportId, 'accept', '进展符合计划');
    expect(accepted.json()).toMatchObject({ state: 'accepted', history: [{ action: 'submitted' }, { action: 'more_requested' }, { action: 'submitted' }, { action: 'accepted', comment: '进展符合计划' }] });
    expect((await save('通过后再改')).json().error.code).toBe('INVALID_TRANSITION');
    const audits = await t.database.pool.query(`SELECT action FROM audit_events WHERE action LIKE 'progress.%' ORDER BY seq`);
    expect(audits.rows.map((r) => r.action)).toEqual([
      'progress.milestone.created',
      'progress.saved',
      'progress.file_added',
      'progress.submitted',
      'progress.more_requested',
      'progress.saved',
      'progress.submitted',
      'progress.accepted',
    ]);
  });

  it('are seen by the owner and the admins only, and due dates with reports stay', async () => {
    expect((await progress(f.admin)).statusCode).toBe(200);
    expect((await progress(f.apps[1]!.owner)).statusCode).toBe(404);
    expect((await progress(await registerApplicant(t.app))).statusCode).toBe(404);
    expect((await progress(f.recommender)).statusCode).toBe(404);
    expect((await progress(null)).statusCode).toBe(401);
    expect((await as(t.app, f.admin, { method: 'DELETE', url: `/api/admin/progress-milestones/${milestoneId}` })).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('are not found by the admin of another program, and shown to the lab in charge as forbidden only where they exist', async () => {
    const builtIn = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json().programId as string;
    const elsewhere = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [builtIn] });
    const milestone = await as(t.app, elsewhere, { method: 'PUT', url: `/api/admin/progress-milestones/${milestoneId}`, payload: { title: '中期', dueAt: new Date().toISOString() } });
    expect(milestone.statusCode, milestone.body).toBe(404);
    expect((await as(t.app, elsewhere, { method: 'DELETE', url: `/api/admin/progress-milestones/${milestoneId}` })).statusCode).toBe(404);
    const reportId = (await progress()).json().milestones[0].report.id as string;
    expect((await review(reportId, 'accept', '', elsewhere)).statusCode).toBe(404);

    const lab = await signedInAs(t.app, t.database.db, ['lab']);
    const assigned = await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/lab-assignments`, payload: { applicationId: appId, labUserId: lab.userId } });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const fileId = (await progress()).json().milestones[0].report.files[0].id as string;
    expect((await as(t.app, lab, { method: 'GET', url: `${base()}/files/${fileId}` })).statusCode).toBe(403);
    expect((await as(t.app, lab, { method: 'GET', url: `${base()}/files/${randomUUID()}` })).statusCode).toBe(404);
  });

  it('count as late when first submitted after the due date', async () => {
    const now = await serverNow(t);
    const late = await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/progress-milestones`, payload: { title: '年度进展报告', dueAt: new Date(now - DAY).toISOString() } });
    milestoneId = late.json().id;
    await save('年度进展');
    expect((await submit()).json()).toMatchObject({ state: 'submitted', late: true });
  });
});
