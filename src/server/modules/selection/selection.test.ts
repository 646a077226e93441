// Selection, notice and publication through the API: the quota under 50 concurrent requests (R4), a departure from
// the ranking only with a justification, real-name objections, publication only after the notice closed with every
// objection resolved, and no personal data in any public response (S12).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, signedInAs, validUscc, type Session } from '../../test/factories.js';

let t: TestApp;
let admin: Session;
let programId: string;
let catalogue: CatalogueResponse;
const CANARY_PHONE = '13912345678';
const CANARY_EMAIL = 'canary.person@example.com';

async function eligible(subfieldId: string, title: string): Promise<string> {
  const org = await t.database.pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ($1, $2, 'enterprise', '440000') RETURNING id`, [`${title}公司`, validUscc('440300')]);
  const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
  const row = await t.database.pool.query(
    `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title, responsible_unit, responsible_person) VALUES ($1, $2, $3, $4, 'eligible', $5, $6, $7) RETURNING id`,
    [programId, subfieldId, org.rows[0].id, creator, title, `${title}公司`, JSON.stringify({ name: '王小明', title: '总工', phone: CANARY_PHONE, email: CANARY_EMAIL })],
  );
  return row.rows[0].id;
}

/** A submitted review of the last review round (on-site evaluation) with this total, the application advanced into it. */
async function reviewed(applicationId: string, total: number) {
  const expert = (await t.database.pool.query(`SELECT id FROM users LIMIT 1`)).rows[0].id;
  await t.database.pool.query(`INSERT INTO round_entries (program_id, round, application_id, advanced_by, advanced_at) VALUES ($1, 'onsite', $2, $3, now())`, [programId, applicationId, expert]);
  const a = await t.database.pool.query(
    `INSERT INTO review_assignments (program_id, round, application_id, expert_id, status, affinity, released_at, no_conflict_at) VALUES ($1, 'onsite', $2, $3, 'released', 0, now(), now()) RETURNING id`,
    [programId, applicationId, expert],
  );
  await t.database.pool.query(`INSERT INTO reviews (assignment_id, state, total, submitted_at) VALUES ($1, 'submitted', $2, now())`, [a.rows[0].id, total]);
}

const select = (body: object) => as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/selections`, payload: { stage: 'finalist', ...body } });
const moveClock = (offsetMs: number) => t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs } });
const subfield = (i: number) => catalogue.directions.flatMap((d) => d.subfields)[i]!.id;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
});

describe('selection', () => {
  it('never exceeds the quota, whatever 50 concurrent requests ask for', async () => {
    const apps = await Promise.all(Array.from({ length: 10 }, (_, i) => eligible(subfield(0), `并发${i}`)));
    for (let repeat = 0; repeat < 3; repeat += 1) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => select({ subfieldId: subfield(0), applicationIds: [apps[(i * 7 + repeat) % 10]] })));
      expect(results.every((r) => r.statusCode === 200 || r.json().error.code === 'QUOTA_EXCEEDED'), results.map((r) => r.body).join('\n')).toBe(true);
      const active = await t.database.pool.query(`SELECT count(*)::int AS n FROM selections WHERE subfield_id = $1 AND stage = 'finalist' AND revoked_at IS NULL`, [subfield(0)]);
      expect(active.rows[0].n).toBe(5);
      const finalists = await t.database.pool.query(`SELECT count(*)::int AS n FROM applications WHERE subfield_id = $1 AND status = 'finalist'`, [subfield(0)]);
      expect(finalists.rows[0].n).toBe(5);
      // Undo them all (no notice yet), for the next repetition.
      const chosen = (await t.database.pool.query(`SELECT application_id FROM selections WHERE subfield_id = $1 AND revoked_at IS NULL`, [subfield(0)])).rows;
      for (const c of chosen) {
        const undo = await as(t.app, admin, { method: 'DELETE', url: `/api/admin/programs/${programId}/selections/${c.application_id}?stage=finalist` });
        expect(undo.statusCode).toBe(204);
      }
    }
    const statuses = await t.database.pool.query(`SELECT DISTINCT status FROM applications WHERE subfield_id = $1`, [subfield(0)]);
    expect(statuses.rows.map((r) => r.status)).toEqual(['eligible']);
  });

  it('asks for a justification when the selection departs from the ranking, and keeps it', async () => {
    const [first, second, third] = [await eligible(subfield(1), '第一名'), await eligible(subfield(1), '第二名'), await eligible(subfield(1), '第三名')];
    await reviewed(first!, 90);
    await reviewed(second!, 80);
    await reviewed(third!, 70);
    const skipping = await select({ subfieldId: subfield(1), applicationIds: [first, third] });
    expect(skipping.statusCode).toBe(400);
    expect(skipping.json().error.details).toEqual([{ path: 'justification', message: expect.stringContaining('第 2 名“第二名”') }]);
    const justified = await select({ subfieldId: subfield(1), applicationIds: [first, third], justification: '第二名的核心团队已离职，经专家组复核' });
    expect(justified.statusCode, justified.body).toBe(200);
    const listed = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/selections?stage=finalist` })).json().items;
    expect(listed.find((s: { applicationId: string }) => s.applicationId === third)).toMatchObject({ justification: '第二名的核心团队已离职，经专家组复核', status: 'finalist' });
    const inOrder = await select({ subfieldId: subfield(1), applicationIds: [second] });
    expect(inOrder.json().selected).toHaveLength(3);
  });

  it('refuses a sixth finalist and winners that are not published finalists', async () => {
    const apps = await Promise.all(Array.from({ length: 6 }, (_, i) => eligible(subfield(2), `配额${i}`)));
    expect((await select({ subfieldId: subfield(2), applicationIds: apps.slice(0, 5) })).statusCode).toBe(200);
    const sixth = await select({ subfieldId: subfield(2), applicationIds: [apps[5]] });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringContaining('至多 5 家入围单位') });
    const winner = await select({ stage: 'winner', subfieldId: subfield(2), applicationIds: [apps[0]] });
    expect(winner.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('runs the notice: entries without personal data, real-name objections, publication only once closed and resolved', async () => {
    const open = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/notices`, payload: { stage: 'finalist' } });
    expect(open.statusCode, open.body).toBe(201);
    const { id: noticeId, closesAt } = open.json();
    expect(Date.parse(closesAt) - Date.now()).toBeGreaterThan(5 * 86_400_000 - 86_400_000);
    const notices = await t.app.inject({ method: 'GET', url: `/api/public/programs/${programId}/notices` });
    const entries = notices.json().items[0].entries as Array<{ applicationId: string; title: string; applicant: string; region: string }>;
    expect(entries).toHaveLength(8);
    expect(entries[0]).toMatchObject({ region: '广东省', applicant: expect.stringContaining('公司') });
    const target = entries.find((e) => e.title === '配额0')!;
    const other = entries.find((e) => e.title === '配额1')!;
    const object = (body: object) => t.app.inject({ method: 'POST', url: `/api/notices/${noticeId}/objections`, payload: { applicationId: target.applicationId, name: '李四', contact: '010-12345678', reason: '该单位申报的指标与实际不符，有证据', ...body } });

    const anonymous = await object({ name: ' ', contact: '' });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().error.details.map((d: { path: string }) => d.path)).toEqual(['name', 'contact']);
    expect((await object({})).statusCode).toBe(201);
    expect((await object({ applicationId: other.applicationId, name: '赵五', contact: 'zhao@example.com' })).statusCode).toBe(201);
    const publicAgain = await t.app.inject({ method: 'GET', url: `/api/public/programs/${programId}/notices` });
    expect(publicAgain.body).not.toContain('李四');
    expect(publicAgain.body).not.toContain('010-12345678');

    const early = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/publish`, payload: { stage: 'finalist' } });
    expect(early.json().error).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('公示期尚未结束') });

    await moveClock(10 * 86_400_000);
    // Ten days on, the session has expired: sign in again.
    admin = await signedInAs(t.app, t.database.db, ['program_admin']);
    const late = await object({ name: '王五' });
    expect(late.json().error).toMatchObject({ code: 'DEADLINE_PASSED', message: expect.stringContaining('公示期已结束') });
    const unresolved = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/publish`, payload: { stage: 'finalist' } });
    expect(unresolved.json().error.message).toContain('2 条异议未处理');

    const listed = (await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/objections` })).json().items;
    expect(listed.map((o: { name: string; contact: string }) => [o.name, o.contact]).sort()).toEqual([
      ['李四', '010-12345678'],
      ['赵五', 'zhao@example.com'],
    ]);
    const resolve = (id: string, decision: string, reason: string) => as(t.app, admin, { method: 'POST', url: `/api/admin/objections/${id}/resolution`, payload: { decision, reason } });
    const li = listed.find((o: { name: string }) => o.name === '李四');
    const zhao = listed.find((o: { name: string }) => o.name === '赵五');
    expect((await resolve(li.id, 'dismissed', '经核查，指标数据有检测报告支撑')).json()).toEqual({ status: 'dismissed' });
    expect((await resolve(zhao.id, 'upheld', '经核查，该单位存在重复申报')).json()).toEqual({ status: 'upheld' });
    expect((await resolve(zhao.id, 'dismissed', '再处理一次')).json().error.code).toBe('INVALID_TRANSITION');

    const published = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/publish`, payload: { stage: 'finalist' } });
    expect(published.json()).toEqual({ published: 7 });
    const statuses = await t.database.pool.query(`SELECT title, status FROM applications WHERE title IN ('配额0', '配额1')`);
    expect(Object.fromEntries(statuses.rows.map((r) => [r.title, r.status]))).toEqual({ 配额0: 'finalist_confirmed', 配额1: 'finalist_revoked' });
    const results = await t.app.inject({ method: 'GET', url: `/api/public/programs/${programId}/results` });
    const finalists = results.json().finalists as Array<{ title: string }>;
    expect(finalists).toHaveLength(7);
    expect(finalists.map((f) => f.title)).not.toContain('配额1');
    expect(results.json().winners).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await t.app.inject({ method: 'GET', url: `/api/public/programs/${programId}/results.xlsx` })).rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('入围揭榜单位')!.rowCount).toBe(8);
    const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('|');
    for (const secret of [CANARY_PHONE, CANARY_EMAIL, '王小明']) expect(cells).not.toContain(secret);

    // S12: no contact person's phone or e-mail, and no objector, in any public response.
    for (const url of [`/api/public/programs/${programId}/results`, `/api/public/programs/${programId}/notices`, '/api/programs', '/api/programs/ai-2018/catalogue']) {
      const body = (await t.app.inject({ method: 'GET', url })).body;
      for (const secret of [CANARY_PHONE, CANARY_EMAIL, '王小明', '李四', 'zhao@example.com']) expect(body, `${url} leaks ${secret}`).not.toContain(secret);
    }
    await moveClock(0);
    admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  });

  it('keeps the working-day minimum outside test mode and never opens a notice in the past', async () => {
    const past = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/notices`, payload: { stage: 'finalist', opensAt: '2020-01-01T00:00:00+08:00' } });
    expect(past.json().error.details.map((d: { path: string }) => d.path)).toContain('opensAt');
    const nothing = await as(t.app, admin, { method: 'POST', url: `/api/admin/programs/${programId}/notices`, payload: { stage: 'winner' } });
    expect(nothing.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('lets admins correct the calendar', async () => {
    const year = (await as(t.app, admin, { method: 'GET', url: '/api/admin/calendar?year=2026' })).json();
    expect(year.days.find((d: { date: string }) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday', working: true, corrected: false });
    const fixed = await as(t.app, admin, { method: 'PUT', url: '/api/admin/calendar/2026-12-31', payload: { kind: 'holiday', name: '跨年调整' } });
    expect(fixed.json().days.find((d: { date: string }) => d.date === '2026-12-31')).toMatchObject({ kind: 'holiday', working: false, corrected: true });
    const back = await as(t.app, admin, { method: 'PUT', url: '/api/admin/calendar/2026-12-31', payload: { kind: 'builtin' } });
    expect(back.json().days.find((d: { date: string }) => d.date === '2026-12-31')).toBeUndefined();
    expect((await as(t.app, admin, { method: 'PUT', url: '/api/admin/calendar/2026-02-30', payload: { kind: 'holiday' } })).statusCode).toBe(400);
  });
});
