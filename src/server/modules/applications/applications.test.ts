// The applicant's side: create within the phase and the limits, save with versions, strict bodies, typed indicators,
// submit idempotently with a receipt, withdraw; and every transition outside the allowed ones refused.
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationResponse } from '../../../shared/schemas/applications.js';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import { sm3Hex } from '../../crypto/sm3.js';
import { canonicalJson } from '../audit/canonical.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, registerApplicant, signedInAs, type Session } from '../../test/factories.js';
import { extraMembers } from '../../test/harness/extra-fields.js';
import { jsonWithMembers } from '../../test/harness/schema-arbitrary.js';

let t: TestApp;
let catalogue: CatalogueResponse;
let programId: string;
let guangdong: string;

const subfields = () => catalogue.directions.flatMap((d) => d.subfields);
const subfieldByCode = (code: string) => subfields().find((s) => s.code === code)!;

/** Sets a phase of the built-in program to [now + fromMs, now + toMs) in the server's (test) clock. */
async function setPhase(key: string, fromMs: number, toMs: number) {
  const now = Date.parse((await t.app.inject({ method: 'GET', url: '/api/health' })).json().now);
  await t.database.pool.query('UPDATE program_phases SET opens_at = $1, closes_at = $2 WHERE program_id = $3 AND key = $4', [
    new Date(now + fromMs),
    new Date(now + toMs),
    programId,
    key,
  ]);
}
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
  await setPhase('application', -DAY, 10 * DAY);
  await setPhase('recommendation', 10 * DAY, 20 * DAY);
  guangdong = (await t.database.pool.query("SELECT id FROM recommenders WHERE kind = 'province' AND region_code = '440000' AND city_code IS NULL")).rows[0].id;
});

const create = (who: Session, subfieldCode: string) =>
  as(t.app, who, { method: 'POST', url: '/api/applications', payload: { programId, subfieldId: subfieldByCode(subfieldCode).id } });
const read = async (who: Session, id: string): Promise<ApplicationResponse> => (await as(t.app, who, { method: 'GET', url: `/api/applications/${id}` })).json();
const patch = (who: Session, id: string, body: object) => as(t.app, who, { method: 'PATCH', url: `/api/applications/${id}`, payload: body });
const submit = (who: Session, id: string, key: string, body: object = {}) =>
  as(t.app, who, { method: 'POST', url: `/api/applications/${id}/submit`, payload: body, headers: { 'idempotency-key': key } });

/** Fills everything a submission needs. */
async function complete(who: Session, id: string) {
  const app = await read(who, id);
  const rows = subfields().find((s) => s.id === app.subfieldId)!.indicators;
  const value = (kind: string, n: number) => (kind === 'number' ? n : kind === 'boolean' ? true : '达到 ASIL-D');
  const res = await patch(who, id, {
    version: app.version,
    title: '车规级 AI 芯片研发与产业化',
    responsibleUnit: '测试科技有限公司',
    responsiblePerson: { name: '李明', title: '总工程师', phone: '010-12345678', email: 'li.ming@example.cn' },
    recommenderId: guangdong,
    sections: { basis: '已有基础', route: '技术路线', milestones: '进度', team: '团队', funding: '经费' },
    indicators: rows.map((i) => ({ indicatorId: i.id, current: value(i.kind, 10), target: value(i.kind, i.unit === '%' ? 99 : 500) })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().version as number;
}

describe('creating an application', () => {
  it('starts a draft with the indicator table of its subfield, in the application phase only', async () => {
    const applicant = await registerApplicant(t.app);
    const res = await create(applicant, 'D01-01');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', version: 1 });
    const app = await read(applicant, res.json().id);
    expect(app.indicators.map((i) => i.indicatorId)).toEqual(subfieldByCode('D01-01').indicators.map((i) => i.id));
    expect(app.sections).toHaveProperty('route', '');
    expect(app.responsibleUnit).toContain('测试科技有限公司');

    await setPhase('application', DAY, 10 * DAY);
    const early = await create(applicant, 'D01-02');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DEADLINE_PASSED');
    await setPhase('application', -DAY, 10 * DAY);
  });

  it('allows one per organization and subfield and at most three per program, also under concurrent clicks', async () => {
    const applicant = await registerApplicant(t.app);
    expect((await create(applicant, 'D02-01')).statusCode).toBe(201);
    const again = await create(applicant, 'D02-01');
    expect(again.json().error.code).toBe('CONFLICT');
    const codes = ['D03-01', 'D04-01', 'D05-01', 'D06-01'];
    const results = await Promise.all(codes.map((c) => create(applicant, c)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
  });

  it('refuses retired subfields, other programs’ subfields and callers who are not applicants', async () => {
    const applicant = await registerApplicant(t.app);
    await t.database.pool.query("UPDATE subfields SET retired = true WHERE code = 'D07-01' AND program_id = $1", [programId]);
    expect((await create(applicant, 'D07-01')).json().error.details).toEqual([{ path: 'subfieldId', message: '该细分领域已停用，不再接受申报' }]);
    await t.database.pool.query("UPDATE subfields SET retired = false WHERE code = 'D07-01' AND program_id = $1", [programId]);
    const bogus = await as(t.app, applicant, { method: 'POST', url: '/api/applications', payload: { programId, subfieldId: randomUUID() } });
    expect(bogus.json().error.details[0].path).toBe('subfieldId');
    const expert = await signedInAs(t.app, t.database.db, ['expert']);
    expect((await create(expert, 'D01-01')).statusCode).toBe(403);
  });
});

describe('editing', () => {
  let applicant: Session;
  let id: string;
  // A subfield with a number indicator whose plan target has a comparator, and a percentage indicator.
  const judged = () =>
    subfields().find((s) => s.indicators.some((i) => i.kind === 'number' && i.planTarget?.comparator) && s.indicators.some((i) => i.unit === '%'))!;
  beforeAll(async () => {
    applicant = await registerApplicant(t.app);
    id = (await create(applicant, judged().code)).json().id;
  });

  it('saves fields and types each indicator value by its kind, with the plan target judged', async () => {
    const ind = judged().indicators;
    const number = ind.find((i) => i.kind === 'number' && i.planTarget?.comparator)!;
    const plan = number.planTarget!.value!;
    const ambitious = number.better === 'higher' ? (number.unit === '%' ? (plan + 100) / 2 : plan * 2 + 1) : plan / 2;
    const res = await patch(applicant, id, { version: 1, title: '芯片', indicators: [{ indicatorId: number.id, current: 1, target: ambitious }] });
    expect(res.json()).toEqual({ version: 2 });
    const app = await read(applicant, id);
    expect(app.title).toBe('芯片');
    const row = app.indicators.find((i) => i.indicatorId === number.id)!;
    expect(row).toMatchObject({ current: 1, target: ambitious, beatsPlanTarget: true });

    const wrong = await patch(applicant, id, { version: 2, indicators: [{ indicatorId: number.id, current: 'twelve', target: true }] });
    expect(wrong.json().error.details).toEqual([
      { path: 'indicators.0.current', message: '应为数字' },
      { path: 'indicators.0.target', message: '应为数字' },
    ]);
    const percent = ind.find((i) => i.unit === '%')!;
    const over = await patch(applicant, id, { version: 2, indicators: [{ indicatorId: percent.id, target: 140 }] });
    expect(over.json().error.details).toEqual([{ path: 'indicators.0.target', message: '百分比须在 0 到 100 之间' }]);
    expect((await read(applicant, id)).version).toBe(2);
  });

  it('answers a stale version with a conflict and changes nothing', async () => {
    const current = (await read(applicant, id)).version;
    expect((await patch(applicant, id, { version: current, title: '第一个标签页' })).statusCode).toBe(200);
    const stale = await patch(applicant, id, { version: current, title: '第二个标签页' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await read(applicant, id)).title).toBe('第一个标签页');
  });

  it('refuses read-only and unknown fields, and changes nothing', async () => {
    const before = await read(applicant, id);
    for (const extra of [{ status: 'recommended' }, { receipt: { number: 'X' } }, { recommendation: 'recommend' }, { version: before.version, organizationId: randomUUID() }, { __proto__: { a: 1 }, constructor: 'x' }]) {
      const res = await patch(applicant, id, { version: before.version, title: '改了', ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    expect(await read(applicant, id)).toEqual(before);
  });

  it('refuses random extra fields of any name and value, with the stored row untouched (S4)', async () => {
    const row = async () => (await t.database.pool.query('SELECT * FROM applications WHERE id = $1', [id])).rows[0];
    const before = await row();
    // The same extra fields as the harness's property over every other route (src/server/test/harness).
    const editable = new Set(['version', 'title', 'responsibleUnit', 'responsiblePerson', 'recommenderId', 'sections', 'indicators', 'customIndicators']);
    await fc.assert(
      fc.asyncProperty(extraMembers(editable), async (members) => {
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/applications/${id}`,
          headers: { cookie: applicant.cookie, 'x-csrf-token': applicant.csrfToken, 'content-type': 'application/json' },
          payload: jsonWithMembers({ version: before.version, title: '不该保存' }, members),
        });
        expect(res.statusCode, `extra fields ${JSON.stringify(members)}`).toBe(400);
      }),
      { numRuns: 40, seed: 20181024 },
    );
    expect(await row()).toEqual(before);
  });

  it('keeps the ids of custom indicators across edits, and refuses ids it did not assign', async () => {
    let version = (await read(applicant, id)).version;
    const custom = { name: '能效比', kind: 'number', unit: 'TOPS/W', better: 'higher', current: 2, target: 5 };
    version = (await patch(applicant, id, { version, customIndicators: [custom] })).json().version;
    const [first] = (await read(applicant, id)).customIndicators;
    expect(first!.id).toMatch(/^[0-9a-f-]{36}$/);
    version = (await patch(applicant, id, { version, customIndicators: [{ ...custom, id: first!.id, target: 6 }, { ...custom, name: '功耗', better: 'lower' }] })).json().version;
    const after = (await read(applicant, id)).customIndicators;
    expect(after[0]).toMatchObject({ id: first!.id, target: 6 });
    expect(after[1]!.id).not.toBe(first!.id);
    const forged = await patch(applicant, id, { version, customIndicators: [{ ...custom, id: randomUUID() }] });
    expect(forged.json().error.details).toEqual([{ path: 'customIndicators.0.id', message: expect.stringContaining('没有这个自定义指标') }]);
    const tooMany = await patch(applicant, id, { version, customIndicators: Array.from({ length: 11 }, () => custom) });
    expect(tooMany.statusCode).toBe(400);
  });

  it('offers only eligible recommending units', async () => {
    const offered = (await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}/eligible-recommenders` })).json().items;
    expect(offered.map((r: { id: string }) => r.id)).toContain(guangdong);
    expect(offered.filter((r: { kind: string }) => r.kind === 'province')).toHaveLength(1);
    const beijing = (await t.database.pool.query("SELECT id FROM recommenders WHERE region_code = '110000'")).rows[0].id;
    const version = (await read(applicant, id)).version;
    expect((await patch(applicant, id, { version, recommenderId: beijing })).json().error.details).toEqual([
      { path: 'recommenderId', message: '本单位不能选择该推荐单位' },
    ]);
  });

  it('shows a draft to its organization only', async () => {
    const other = await registerApplicant(t.app);
    expect((await as(t.app, other, { method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
    const admin = await signedInAs(t.app, t.database.db, ['program_admin']);
    expect((await as(t.app, admin, { method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
    expect((await as(t.app, admin, { method: 'GET', url: '/api/applications' })).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(401);
    expect((await patch(other, id, { version: 1, title: 'x' })).statusCode).toBe(404);
  });
});

describe('submitting', () => {
  it('lists every missing field at once', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D08-01')).json().id;
    const res = await submit(applicant, id, `key-${randomUUID()}`);
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'responsiblePerson.title', 'responsiblePerson.phone', 'recommenderId', 'sections.route', 'indicators.0.current', 'indicators.0.target']));
    expect((await read(applicant, id)).status).toBe('draft');
  });

  it('gives a receipt with content hashes; the same key and body give the same receipt, another body 422', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D09-01')).json().id;
    const version = await complete(applicant, id);
    const key = `key-${randomUUID()}`;
    const first = await submit(applicant, id, key, { version });
    expect(first.statusCode, first.body).toBe(200);
    const { receipt } = first.json();
    expect(receipt.number).toMatch(/^AI2018-D09-01-\d{6}$/);
    const stored = (await t.database.pool.query('SELECT content FROM submissions WHERE number = $1', [receipt.number])).rows[0].content;
    const canonical = canonicalJson(stored);
    expect(receipt.sha256).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(receipt.sm3).toBe(sm3Hex(canonical));
    expect(stored.receipt).toEqual({ number: receipt.number, submittedAt: receipt.submittedAt });

    expect((await submit(applicant, id, key, { version })).json().receipt).toEqual(receipt);
    const other = await submit(applicant, id, key, { version: version + 5 });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    const newKey = await submit(applicant, id, `key-${randomUUID()}`);
    expect(newKey.json().error.code).toBe('INVALID_TRANSITION');
    const app = await read(applicant, id);
    expect(app).toMatchObject({ status: 'submitted', receipt });
    expect((await patch(applicant, id, { version: app.version, title: '改' })).json().error.code).toBe('INVALID_TRANSITION');

    const submitted = (await as(t.app, applicant, { method: 'GET', url: `/api/applications/${id}/submitted` })).json();
    expect(submitted.receipt).toEqual(receipt);
    expect(canonicalJson(submitted.content)).toBe(canonical);
    const stranger = await registerApplicant(t.app);
    expect((await as(t.app, stranger, { method: 'GET', url: `/api/applications/${id}/submitted` })).statusCode).toBe(404);
    const verified = await t.app.inject({ method: 'GET', url: `/api/public/receipts/${receipt.number}` });
    expect(verified.json()).toEqual(receipt);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/receipts/AI2018-D09-01-999999' })).statusCode).toBe(404);
    await expect(t.database.pool.query("UPDATE submissions SET sha256 = 'x'")).rejects.toThrow(/immutable/);
    await expect(t.database.pool.query('DELETE FROM submissions')).rejects.toThrow(/immutable/);
  });

  it('makes one submission of concurrent duplicates', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D10-01')).json().id;
    await complete(applicant, id);
    const key = `key-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(applicant, id, key)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.json().receipt.number)).size).toBe(1);
    const count = await t.database.pool.query('SELECT count(*)::int AS n FROM submissions WHERE application_id = $1', [id]);
    expect(count.rows[0].n).toBe(1);
  });

  it('refuses at the deadline, to the millisecond, in the server clock', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D11-01')).json().id;
    const version = await complete(applicant, id);
    await setPhase('application', -DAY, 60_000);
    await t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 60_000 } });
    const late = await submit(applicant, id, `key-${randomUUID()}`, { version });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('DEADLINE_PASSED');
    await t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 59_000 } });
    expect((await submit(applicant, id, `key-${randomUUID()}`, { version })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 0 } });
    await setPhase('application', -DAY, 10 * DAY);
  });

  it('resubmits a returned application with a new receipt and keeps every version', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D14-01')).json().id;
    await complete(applicant, id);
    const first = (await submit(applicant, id, `key-${randomUUID()}`)).json().receipt;
    // The recommending unit returns it (its route comes with the recommendation issue).
    await t.database.pool.query("UPDATE applications SET status = 'returned', return_reason = '请补充测试报告' WHERE id = $1", [id]);
    const returned = await read(applicant, id);
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充测试报告' });
    const version = (await patch(applicant, id, { version: returned.version, title: '补充后的项目名称' })).json().version;
    const second = (await submit(applicant, id, `key-${randomUUID()}`, { version })).json().receipt;
    expect(second.number).not.toBe(first.number);
    expect(second.sha256).not.toBe(first.sha256);
    const versions = await t.database.pool.query('SELECT number, content FROM submissions WHERE application_id = $1 ORDER BY submitted_at', [id]);
    expect(versions.rows.map((r) => r.number)).toEqual([first.number, second.number]);
    expect(versions.rows.map((r) => r.content.title)).toEqual(['车规级 AI 芯片研发与产业化', '补充后的项目名称']);
    expect((await read(applicant, id)).returnReason).toBeNull();
  });

  it('withdraws a submitted application, which frees its place', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D12-01')).json().id;
    await complete(applicant, id);
    await submit(applicant, id, `key-${randomUUID()}`);
    const withdraw = () => as(t.app, applicant, { method: 'POST', url: `/api/applications/${id}/withdraw` });
    expect((await withdraw()).json()).toEqual({ status: 'withdrawn' });
    expect((await withdraw()).json().error.code).toBe('INVALID_TRANSITION');
    expect((await create(applicant, 'D12-01')).statusCode).toBe(201);
  });
});

describe('ambition among peers', () => {
  it('shows program admins where a target sits among the subfield’s submitted applications, and applicants nothing', async () => {
    const subfield = subfields().filter((s) => s.indicators.some((i) => i.kind === 'number' && i.unit !== '%')).at(-1)!;
    const indicator = subfield.indicators.find((i) => i.kind === 'number' && i.unit !== '%')!;
    const ids: string[] = [];
    let first: Session | undefined;
    for (const target of [100, 200, 300]) {
      const applicant = await registerApplicant(t.app);
      first ??= applicant;
      const id = (await create(applicant, subfield.code)).json().id;
      const version = await complete(applicant, id);
      await patch(applicant, id, { version, indicators: [{ indicatorId: indicator.id, target }] });
      expect((await submit(applicant, id, `key-${randomUUID()}`)).statusCode).toBe(200);
      ids.push(id);
    }
    const admin = await signedInAs(t.app, t.database.db, ['program_admin']);
    const percentiles = [];
    for (const id of ids) {
      const row = (await read(admin, id)).indicators.find((i) => i.indicatorId === indicator.id)!;
      percentiles.push(row.peerPercentile);
    }
    expect(percentiles).toEqual(indicator.better === 'higher' ? [0, 50, 100] : [100, 50, 0]);
    const own = (await read(first!, ids[0]!)).indicators.find((i) => i.indicatorId === indicator.id)!;
    expect(own.peerPercentile).toBeNull();
  });
});

describe('transitions', () => {
  it('refuses every action outside the allowed statuses with INVALID_TRANSITION', async () => {
    const applicant = await registerApplicant(t.app);
    const id = (await create(applicant, 'D13-01')).json().id;
    await complete(applicant, id);
    const statuses = ['draft', 'submitted', 'returned', 'withdrawn', 'recommended', 'not_recommended', 'eligible', 'ineligible', 'finalist', 'finalist_confirmed', 'finalist_revoked', 'winner', 'winner_confirmed', 'winner_revoked'];
    const allowed: Record<string, string[]> = { patch: ['draft', 'returned'], submit: ['draft', 'returned'], withdraw: ['submitted'] };
    for (const status of statuses) {
      await t.database.pool.query('UPDATE applications SET status = $1 WHERE id = $2', [status, id]);
      const version = (await read(applicant, id)).version;
      const outcomes = {
        patch: await patch(applicant, id, { version, title: '标题' }),
        submit: await as(t.app, applicant, { method: 'POST', url: `/api/applications/${id}/submit`, payload: { version: 999 }, headers: { 'idempotency-key': `probe-${randomUUID()}` } }),
        withdraw: await as(t.app, applicant, { method: 'POST', url: `/api/applications/${id}/withdraw` }),
      };
      for (const [action, res] of Object.entries(outcomes)) {
        const code = res.statusCode === 200 ? 'OK' : res.json().error.code;
        if (allowed[action]!.includes(status)) expect(code, `${action} from ${status}`).not.toBe('INVALID_TRANSITION');
        else expect(code, `${action} from ${status}`).toBe('INVALID_TRANSITION');
      }
    }
  });

  it('keeps subfields and indicators that applications use from being deleted', async () => {
    const admin = await signedInAs(t.app, t.database.db, ['program_admin']);
    const used = subfieldByCode('D01-01');
    const res = await as(t.app, admin, { method: 'DELETE', url: `/api/admin/subfields/${used.id}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('可以将其停用');
    const indicator = await as(t.app, admin, { method: 'DELETE', url: `/api/admin/indicators/${used.indicators[0]!.id}` });
    expect(indicator.statusCode).toBe(409);
  });
});
