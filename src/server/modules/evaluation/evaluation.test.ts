// The final evaluation through the API: labs assigned by admins see only their finalists (list and detail agree),
// measurements only in the evaluation phase and typed by kind (judgement and reason for text ones), test reports as
// hashed PDFs, attainment only for those entitled, the applicant's comment, and the public winner page (no personal
// data) once the winners are published; the invariants hold afterwards.
import { createHash } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../invariants.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, multipartFile, registerApplicant, signedInAs, type Session } from '../../test/factories.js';
import { labAccount, programWithFinalists, serverNow, setPhase, type FinalistFixture } from '../../test/finalists.js';

let t: TestApp;
let f: FinalistFixture;
let labA: Session;
let labB: Session;
const DAY = 86_400_000;
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${body}\ntrailer << >>\n%%EOF\n`);

const put = (who: Session | null, id: string, items: unknown[]) => as(t.app, who, { method: 'PUT', url: `/api/applications/${id}/measurements`, payload: { items } });
const assign = (applicationId: string, labUserId: string, who: Session = f.admin) =>
  as(t.app, who, { method: 'POST', url: `/api/admin/programs/${f.programId}/lab-assignments`, payload: { applicationId, labUserId } });
const uploadReport = (who: Session, id: string, content: Buffer, name = '测试报告.pdf') => {
  const { payload, headers } = multipartFile(name, content, 'application/pdf');
  return as(t.app, who, { method: 'POST', url: `/api/applications/${id}/lab-reports`, payload, headers });
};
/** Every declared indicator of a fixture application measured: all targets met but the lower-is-better one. */
const fullMeasurement = (app: FinalistFixture['apps'][number], reportId?: string) => [
  { indicatorId: f.indicators.higher, measured: 128, method: 'GB/T 45087 峰值算力测试', testedAt: '2026-01-05', ...(reportId ? { reportId } : {}) },
  { indicatorId: f.indicators.lower, measured: 9, method: '满载功耗测试', testedAt: '2026-01-05' },
  { indicatorId: f.indicators.capability, measured: true, method: 'AEC-Q100 认证核查', testedAt: '2026-01-06' },
  { indicatorId: f.indicators.level, measured: 'ASIL-D', judgement: 'met', reason: '功能安全评估报告确认达到 ASIL-D', method: 'ISO 26262 评估', testedAt: '2026-01-06' },
  { customIndicatorId: app.customId, measured: 96.5, method: '标准测试集', testedAt: '2026-01-07' },
];

beforeAll(async () => {
  t = await createTestApp();
  f = await programWithFinalists(t, { count: 4, targets: [{}, {}, { lower: 5 }, {}] });
  labA = await labAccount(t);
  labB = await labAccount(t);
});

describe('lab assignments', () => {
  it('are made by program admins only, to lab accounts, once per lab', async () => {
    const applicant = f.apps[0]!.owner;
    expect((await assign(f.apps[0]!.id, labA.userId, applicant)).statusCode).toBe(403);
    expect((await assign(f.apps[0]!.id, labA.userId, labA)).statusCode).toBe(403);
    const notALab = await assign(f.apps[0]!.id, applicant.userId);
    expect(notALab.statusCode).toBe(400);
    expect(notALab.json().error.details.map((d: { path: string }) => d.path)).toEqual(['labUserId']);
    const strict = await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/lab-assignments`, payload: { applicationId: f.apps[0]!.id, labUserId: labA.userId, status: 'x' } });
    expect(strict.statusCode).toBe(400);

    const whole = await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/lab-assignments/subfield`, payload: { subfieldId: f.subfieldId, labUserId: labA.userId } });
    expect(whole.json()).toMatchObject({ assigned: 4 });
    expect((await assign(f.apps[0]!.id, labA.userId)).json().error.code).toBe('CONFLICT');
    const other = await assign(f.apps[3]!.id, labB.userId);
    expect(other.statusCode, other.body).toBe(201);
    const audits = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'lab.assigned'`);
    expect(audits.rows[0].n).toBe(5);
  });

  it('show a lab only its own finalists: the list and the details agree', async () => {
    for (const [lab, mine] of [
      [labA, f.apps.slice(0, 3)],
      [labB, f.apps.slice(3)],
    ] as const) {
      const list = (await as(t.app, lab, { method: 'GET', url: '/api/lab/applications' })).json().items as Array<{ id: string; indicators: unknown[]; customIndicators: unknown[] }>;
      expect(list.map((a) => a.id).sort()).toEqual(mine.map((a) => a.id).sort());
      expect(list[0]!.indicators).toHaveLength(4);
      expect(list[0]!.customIndicators).toHaveLength(1);
      const opened = [];
      for (const app of f.apps) {
        const detail = await as(t.app, lab, { method: 'GET', url: `/api/lab/applications/${app.id}` });
        const attainment = await as(t.app, lab, { method: 'GET', url: `/api/applications/${app.id}/attainment` });
        expect(detail.statusCode === 200, app.title).toBe(attainment.statusCode === 200);
        if (detail.statusCode === 200) opened.push(app.id);
        else expect(detail.json().error.code).toBe('NOT_FOUND');
      }
      expect(opened.sort()).toEqual(mine.map((a) => a.id).sort());
      // The full application (contacts, sections) is not the lab's to read.
      expect((await as(t.app, lab, { method: 'GET', url: `/api/applications/${mine[0]!.id}` })).statusCode).toBe(404);
    }
    const foreign = await put(labB, f.apps[0]!.id, fullMeasurement(f.apps[0]!));
    expect(foreign.statusCode).toBe(404);
    expect((await uploadReport(labB, f.apps[0]!.id, pdf('x'))).statusCode).toBe(404);
  });
});

describe('measurements', () => {
  it('are refused outside the evaluation phase', async () => {
    const now = await serverNow(t);
    await setPhase(t, f.admin, f.programId, 'evaluation', now + DAY, now + 10 * DAY);
    const early = await put(labA, f.apps[0]!.id, fullMeasurement(f.apps[0]!));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DEADLINE_PASSED');
    expect((await uploadReport(labA, f.apps[0]!.id, pdf('early'))).json().error.code).toBe('DEADLINE_PASSED');
    await setPhase(t, f.admin, f.programId, 'evaluation', now - 10 * DAY, now - DAY);
    expect((await put(labA, f.apps[0]!.id, fullMeasurement(f.apps[0]!))).json().error.code).toBe('DEADLINE_PASSED');
    await setPhase(t, f.admin, f.programId, 'evaluation', now - DAY, now + 30 * DAY);
  });

  it('are typed by the indicator’s kind, with judgement and reason for text indicators, field by field', async () => {
    const app = f.apps[0]!;
    const bad = await put(labA, app.id, [
      { indicatorId: f.indicators.higher, measured: '很高', method: '测试', testedAt: '2026-01-05' },
      { indicatorId: f.indicators.level, measured: 'ASIL-C', method: 'ISO 26262', testedAt: '2026-01-05' },
      { indicatorId: f.indicators.lower, customIndicatorId: app.customId, measured: 3, method: '测试', testedAt: '2026-01-05' },
      { indicatorId: f.indicators.capability, measured: true, judgement: 'met', method: ' ', testedAt: '2999-01-01' },
      { customIndicatorId: 'not-there', measured: 1, method: '测试', testedAt: '2026-01-05' },
      { customIndicatorId: app.customId, measured: 96, method: '测试', testedAt: '2026-02-30' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'items.0.measured',
      'items.1.judgement',
      'items.1.reason',
      'items.2.indicatorId',
      'items.3.method',
      'items.3.testedAt',
      'items.3.judgement',
      'items.4.customIndicatorId',
      'items.5.testedAt',
    ]);
    const english = await as(t.app, labA, { method: 'PUT', url: `/api/applications/${app.id}/measurements`, headers: { 'accept-language': 'en' }, payload: { items: [{ indicatorId: f.indicators.level, measured: 'ASIL-C', method: 'x', testedAt: '2026-01-05' }] } });
    expect(english.json().error.details[0].message).toBe('Judge whether the committed level was reached');
    const unknownField = await put(labA, app.id, [{ indicatorId: f.indicators.higher, measured: 1, method: 'x', testedAt: '2026-01-05', metTarget: true }]);
    expect(unknownField.statusCode).toBe(400);
    // Year 0 exists for neither the lab nor PostgreSQL: refused as a date, not a failed query.
    for (const testedAt of ['0000-06-01', '0001-01-01T02:00:00+14:00']) {
      const yearZero = await put(labA, app.id, [{ indicatorId: f.indicators.higher, measured: 1, method: 'x', testedAt }]);
      expect(yearZero.statusCode, yearZero.body).toBe(400);
      expect(yearZero.json().error.details.map((d: { path: string }) => d.path)).toEqual(['items.0.testedAt']);
    }
    expect((await t.database.pool.query(`SELECT count(*)::int AS n FROM measurements`)).rows[0].n).toBe(0);
  });

  it('keep a PDF test report with its hashes, and refuse anything else', async () => {
    const app = f.apps[0]!;
    expect((await uploadReport(labA, app.id, Buffer.from('<html>not a pdf</html>'), 'report.pdf')).statusCode).toBe(415);
    const content = pdf('峰值算力测试报告');
    const res = await uploadReport(labA, app.id, content);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '测试报告.pdf', sha256: createHash('sha256').update(content).digest('hex'), sm3: smCrypto.sm3(content) });
    const download = await as(t.app, app.owner, { method: 'GET', url: `/api/applications/${app.id}/lab-reports/${res.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(content)).toBe(true);
  });

  it('are recorded by the assigned lab and give the attainment per indicator and the share met', async () => {
    const app = f.apps[0]!;
    const reportId = (await as(t.app, labA, { method: 'GET', url: `/api/applications/${app.id}/attainment` })).json().reports[0].id;
    const res = await put(labA, app.id, fullMeasurement(app, reportId));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { code: string; metTarget: boolean | null; metPlanTarget: boolean | null }) => [i.code, i.metTarget, i.metPlanTarget])).toEqual([
      ['E01-01-I1', true, true],
      // 9 W against a committed 8 W: missed; against the plan's < 10 W: met.
      ['E01-01-I2', false, true],
      ['E01-01-I3', true, true],
      ['E01-01-I4', true, null],
      ['C1', true, null],
    ]);
    expect(body.items[0]).toMatchObject({ indicatorId: f.indicators.higher, target: 120, measured: 128, margin: { delta: 8 }, measurement: { method: 'GB/T 45087 峰值算力测试', report: { id: reportId } } });
    expect(body.items[4]).toMatchObject({ customIndicatorId: app.customId, target: 95, measured: 96.5 });
    expect(body.items[4]).not.toHaveProperty('indicatorId');
    expect(body).toMatchObject({ metShare: 0.8, met: 4, judged: 5, lab: { id: labA.userId }, abilities: { measure: true, comment: false } });
    // A correction replaces the value, keeping one measurement per indicator.
    const fixed = await put(labA, app.id, [{ indicatorId: f.indicators.lower, measured: 7.5, method: '满载功耗复测', testedAt: '2026-01-08' }]);
    expect(fixed.json().metShare).toBe(1);
    expect((await t.database.pool.query(`SELECT count(*)::int AS n FROM measurements WHERE application_id = $1`, [app.id])).rows[0].n).toBe(5);
    const audit = await t.database.pool.query(`SELECT details FROM audit_events WHERE action = 'measurements.recorded' ORDER BY seq DESC LIMIT 1`);
    expect(audit.rows[0].details).toMatchObject({ metShare: 1, items: [{ indicatorId: f.indicators.lower, measured: 7.5, before: { measured: 9 } }] });
  });

  it('show attainment to the admin, the lab and the owner only', async () => {
    const app = f.apps[0]!;
    const stranger = await registerApplicant(t.app);
    const expert = await signedInAs(t.app, t.database.db, ['expert']);
    const url = `/api/applications/${app.id}/attainment`;
    for (const [who, code] of [
      [f.admin, 200],
      [labA, 200],
      [app.owner, 200],
      [f.apps[1]!.owner, 404],
      [stranger, 404],
      [f.recommender, 404],
      [expert, 404],
      [labB, 404],
      [null, 401],
    ] as const) {
      expect((await as(t.app, who, { method: 'GET', url })).statusCode, String(who?.userId)).toBe(code);
    }
    const owners = (await as(t.app, app.owner, { method: 'GET', url })).json();
    expect(owners).toMatchObject({ metShare: 1, abilities: { measure: false, comment: true } });
  });

  it('take the applicant’s comment, in the evaluation phase', async () => {
    const app = f.apps[0]!;
    const m = (await as(t.app, app.owner, { method: 'GET', url: `/api/applications/${app.id}/attainment` })).json().items[1].measurement;
    const url = `/api/applications/${app.id}/measurements/${m.id}/comment`;
    expect((await as(t.app, app.owner, { method: 'PUT', url, payload: { comment: '  ' } })).statusCode).toBe(400);
    expect((await as(t.app, labA, { method: 'PUT', url, payload: { comment: '本单位认可' } })).statusCode).toBe(403);
    expect((await as(t.app, f.apps[1]!.owner, { method: 'PUT', url: `/api/applications/${app.id}/measurements/${m.id}/comment`, payload: { comment: '他人' } })).statusCode).toBe(404);
    const res = await as(t.app, app.owner, { method: 'PUT', url, payload: { comment: '复测条件与量产版本一致，本单位认可' } });
    expect(res.statusCode, res.body).toBe(200);
    const seen = (await as(t.app, f.admin, { method: 'GET', url: `/api/applications/${app.id}/attainment` })).json().items[1].measurement;
    expect(seen).toMatchObject({ comment: '复测条件与量产版本一致，本单位认可', method: '满载功耗复测' });
  });

  it('stay when another lab takes over, which the first lab then no longer sees', async () => {
    const app = f.apps[2]!;
    expect((await put(labA, app.id, fullMeasurement(app))).statusCode).toBe(200);
    expect((await assign(app.id, labB.userId)).statusCode).toBe(201);
    expect((await as(t.app, labA, { method: 'GET', url: `/api/lab/applications/${app.id}` })).statusCode).toBe(404);
    const b = (await as(t.app, labB, { method: 'GET', url: `/api/lab/applications/${app.id}` })).json();
    expect(b).toMatchObject({ measuredCount: 5, indicatorCount: 5 });
    // Its committed 5 W was not reached with 9 W.
    expect((await as(t.app, labB, { method: 'GET', url: `/api/applications/${app.id}/attainment` })).json().metShare).toBe(0.8);
    const overview = (await as(t.app, f.admin, { method: 'GET', url: `/api/admin/programs/${f.programId}/evaluation` })).json().items as Array<{ applicationId: string; lab: { id: string } | null; metShare: number | null }>;
    expect(overview.map((o) => [o.applicationId, o.lab?.id, o.metShare]).sort()).toEqual(
      [
        [f.apps[0]!.id, labA.userId, 1],
        [f.apps[1]!.id, labA.userId, null],
        [f.apps[2]!.id, labB.userId, 0.8],
        [f.apps[3]!.id, labB.userId, null],
      ].sort(),
    );
  });
});

describe('the public winner page', () => {
  it('shows the published winners with their measured results and no personal data', async () => {
    const url = `/api/public/programs/${f.programCode}/subfields/E01-01/winners`;
    const before = (await t.app.inject({ method: 'GET', url })).json();
    expect(before).toMatchObject({ published: false, winners: [], subfield: { code: 'E01-01', name: '车载智能芯片' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/programs/${f.programCode}/subfields/E09-09/winners` })).statusCode).toBe(404);

    const select = await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/selections`, payload: { subfieldId: f.subfieldId, stage: 'winner', applicationIds: [f.apps[0]!.id, f.apps[2]!.id] } });
    expect(select.statusCode, select.body).toBe(200);
    // Winners are chosen: their measurements are final.
    expect((await put(labA, f.apps[0]!.id, fullMeasurement(f.apps[0]!))).json().error.code).toBe('INVALID_TRANSITION');
    const at = await serverNow(t);
    await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/notices`, payload: { stage: 'winner', opensAt: new Date(at - 30_000).toISOString(), closesAt: new Date(at - 1000).toISOString() } });
    expect((await t.app.inject({ method: 'GET', url })).json().winners).toEqual([]);
    expect((await as(t.app, f.admin, { method: 'POST', url: `/api/admin/programs/${f.programId}/publish`, payload: { stage: 'winner' } })).statusCode).toBe(200);

    const after = await t.app.inject({ method: 'GET', url });
    const body = after.json();
    expect(body.published).toBe(true);
    expect(body.winners.map((w: { title: string; metShare: number }) => [w.title, w.metShare]).sort()).toEqual(
      [
        [f.apps[0]!.title, 1],
        [f.apps[2]!.title, 0.8],
      ].sort(),
    );
    expect(body.winners[0].items[0]).toMatchObject({ code: 'E01-01-I1', target: 120, measured: 128, metTarget: true, metPlanTarget: true });
    for (const secret of ['13912345678', '赵工', 'example.cn', '满载功耗', 'ASIL-D 评估报告', '认可', 'sha256']) expect(after.body).not.toContain(secret);
    const byId = await t.app.inject({ method: 'GET', url: `/api/public/programs/${f.programId}/subfields/${f.subfieldId}/winners` });
    expect(byId.json().winners).toHaveLength(2);
    const results = (await t.app.inject({ method: 'GET', url: `/api/public/programs/${f.programId}/results` })).json();
    expect(results.winners).toHaveLength(2);
  });

  it('leaves every cross-table rule intact', async () => {
    const report = await checkInvariants(t.database.db);
    expect(report.results.filter((r) => r.violations.length > 0)).toEqual([]);
  });
});
