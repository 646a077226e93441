// Programs and the built-in 2018 AI program: list, catalogue, timeline, phase changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { PHASE_KEYS } from '../../../shared/schemas/system.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, registerApplicant, signedInAs, type Session } from '../../test/factories.js';
import { beijingTime } from './builtin-program.js';
import { ensureBuiltInProgram } from './programs.service.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ testMode: true });
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
});

const programs = async () => (await t.app.inject({ method: 'GET', url: '/api/programs' })).json().items;
const moveClock = (offsetMs: number) => t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs } });

/** The built-in application phase opens at 09:00 Beijing time on the day of the first start: be past it. */
async function afterApplicationOpens() {
  const opensAt = Date.parse((await programs())[0].phases[0].opensAt);
  await moveClock(Math.max(0, opensAt - Date.now() + 3_600_000));
}

describe('GET /api/programs', () => {
  it('lists the built-in 2018 AI program with quotas, sections and all seven phases in order', async () => {
    const builtIn = (await programs()).find((p: { code: string }) => p.code === 'ai-2018');
    expect(builtIn).toMatchObject({
      title: '新一代人工智能产业创新重点任务揭榜',
      quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 },
    });
    expect(builtIn.phases.map((p: { key: string }) => p.key)).toEqual([...PHASE_KEYS]);
    expect(builtIn.sections.map((s: { key: string }) => s.key)).toContain('route');
    for (const phase of builtIn.phases) expect(Date.parse(phase.opensAt)).toBeLessThan(Date.parse(phase.closesAt));
  });

  it('loads the built-in program only once', async () => {
    expect(await ensureBuiltInProgram(t.database.db)).toEqual({ created: false });
    const n = await t.database.pool.query(`SELECT count(*)::int AS n FROM programs WHERE code = 'ai-2018'`);
    expect(n.rows[0].n).toBe(1);
  });
});

describe('GET /api/programs/:programId/catalogue', () => {
  it('serves 17 directions, 38 subfields and 114 indicators, by code or by id', async () => {
    const byCode = await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' });
    expect(byCode.statusCode).toBe(200);
    const catalogue = byCode.json();
    const subfields = catalogue.directions.flatMap((d: { subfields: unknown[] }) => d.subfields);
    const indicators = subfields.flatMap((s: { indicators: unknown[] }) => s.indicators);
    expect([catalogue.directions.length, subfields.length, indicators.length]).toEqual([17, 38, 114]);
    expect(new Set(catalogue.directions.map((d: { group: string }) => d.group))).toEqual(new Set(['智能产品', '核心基础', '智能制造', '支撑体系']));
    const byId = await t.app.inject({ method: 'GET', url: `/api/programs/${catalogue.programId}/catalogue` });
    expect(byId.json()).toEqual(catalogue);
  });

  it('keeps each indicator as the data file has it: kind, unit, better, plan target, confirmed, source', async () => {
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
    const all = catalogue.directions.flatMap((d: { subfields: Array<{ indicators: unknown[] }> }) => d.subfields.flatMap((s) => s.indicators));
    const chip = all.find((i: { code: string }) => i.code === 'D01-01-I1');
    expect(chip).toMatchObject({ name: 'AI算力', kind: 'number', unit: 'TOPS', better: 'higher', confirmed: false });
    expect(chip.source).toMatch(/^PROPOSAL:/);
    const withComparator = all.find((i: { planTarget: { comparator?: string } | null }) => i.planTarget?.comparator);
    expect(typeof withComparator.planTarget.value).toBe('number');
    expect(all.filter((i: { kind: string }) => i.kind === 'boolean').every((i: { better: unknown }) => i.better === null)).toBe(true);
  });

  it('is cacheable: the same ETag answers 304 Not Modified', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' });
    expect(first.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    const again = await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue', headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers 404 for an unknown program', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/programs/no-such-program/catalogue' })).statusCode).toBe(404);
  });
});

describe('PUT /api/admin/programs/:programId/phases/:key', () => {
  const url = '/api/admin/programs/ai-2018/phases/review';

  it('lets a program admin set the dates, audited, and shows a change after opening on the timeline', async () => {
    await afterApplicationOpens();
    const before = (await programs())[0];
    expect(before.phaseChanges).toEqual([]);
    const opensAt = '2027-03-01T09:00:00+08:00';
    const closesAt = '2027-03-31T17:00:00+08:00';
    const res = await as(t.app, admin, { method: 'PUT', url, payload: { opensAt, closesAt } });
    expect(res.statusCode).toBe(200);
    const review = (await programs())[0].phases.find((p: { key: string }) => p.key === 'review');
    expect(review).toEqual({ key: 'review', opensAt: '2027-03-01T01:00:00.000Z', closesAt: '2027-03-31T09:00:00.000Z' });
    // The review phase had not opened: not a late change.
    expect((await programs())[0].phaseChanges).toEqual([]);

    // The application phase is open now: changing it is shown publicly.
    const late = await as(t.app, admin, {
      method: 'PUT',
      url: '/api/admin/programs/ai-2018/phases/application',
      payload: { opensAt: before.phases[0].opensAt, closesAt: '2027-01-15T17:00:00+08:00' },
    });
    expect(late.statusCode).toBe(200);
    const changes = (await programs())[0].phaseChanges;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ key: 'application', oldClosesAt: before.phases[0].closesAt, closesAt: '2027-01-15T09:00:00.000Z' });
    const audited = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'program.phase.set'`);
    expect(audited.rows[0].n).toBe(2);
  });

  it('refuses a closing time before the opening time, times without an offset, and unknown phases', async () => {
    const backwards = await as(t.app, admin, { method: 'PUT', url, payload: { opensAt: '2027-03-31T09:00:00+08:00', closesAt: '2027-03-01T09:00:00+08:00' } });
    expect(backwards.json().error.details).toEqual([{ path: 'closesAt', message: '截止时间必须晚于开始时间' }]);
    const naive = await as(t.app, admin, { method: 'PUT', url, payload: { opensAt: '2027-03-01T09:00:00', closesAt: '2027-03-31T09:00:00+08:00' } });
    expect(naive.json().error.details[0].path).toBe('opensAt');
    const unknown = await as(t.app, admin, { method: 'PUT', url: '/api/admin/programs/ai-2018/phases/party', payload: { opensAt: '2027-03-01T09:00:00+08:00', closesAt: '2027-03-31T09:00:00+08:00' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('is for program admins of that program only', async () => {
    const body = { opensAt: '2027-03-01T09:00:00+08:00', closesAt: '2027-03-31T17:00:00+08:00' };
    const applicant = await registerApplicant(t.app);
    expect((await as(t.app, applicant, { method: 'PUT', url, payload: body })).statusCode).toBe(403);
    const other = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [] });
    expect((await as(t.app, other, { method: 'PUT', url, payload: body })).statusCode).toBe(403);
    expect((await as(t.app, null, { method: 'PUT', url, payload: body })).statusCode).toBe(401);
  });
});

describe('PUT /api/admin/programs/:programId/quotas', () => {
  const url = '/api/admin/programs/ai-2018/quotas';

  it('changes the quotas, audited, and lists a change made after opening on the public timeline', async () => {
    await afterApplicationOpens();
    const res = await as(t.app, admin, { method: 'PUT', url, payload: { finalistsPerSubfield: 6, winnersPerSubfield: 3, applicationsPerApplicant: 2 } });
    expect(res.statusCode).toBe(200);
    const program = (await programs())[0];
    expect(program.quotas).toEqual({ finalistsPerSubfield: 6, winnersPerSubfield: 3, applicationsPerApplicant: 2, recommendationsPerDirection: null });
    expect(program.quotaChanges).toEqual([
      {
        changedAt: expect.any(String),
        before: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3, recommendationsPerDirection: null },
        after: { finalistsPerSubfield: 6, winnersPerSubfield: 3, applicationsPerApplicant: 2, recommendationsPerDirection: null },
      },
    ]);
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
    expect(catalogue.directions[0].subfields[0].quotas).toEqual({ finalists: 6, winners: 3 });
    const audited = await t.database.pool.query(`SELECT details FROM audit_events WHERE action = 'program.quotas.set'`);
    expect(audited.rows[0].details.before.finalistsPerSubfield).toBe(5);
    await as(t.app, admin, { method: 'PUT', url, payload: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 } });
    await moveClock(0);
  });

  it('refuses more winners than finalists, zero quotas and extra fields', async () => {
    const more = await as(t.app, admin, { method: 'PUT', url, payload: { finalistsPerSubfield: 2, winnersPerSubfield: 3, applicationsPerApplicant: 3 } });
    expect(more.json().error.details).toEqual([{ path: 'winnersPerSubfield', message: '优胜名额不能多于入围名额' }]);
    const zero = await as(t.app, admin, { method: 'PUT', url, payload: { finalistsPerSubfield: 0, winnersPerSubfield: 3, applicationsPerApplicant: 3 } });
    expect(zero.json().error.details[0].path).toBe('finalistsPerSubfield');
    const extra = await as(t.app, admin, { method: 'PUT', url, payload: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3, builtIn: false } });
    expect(extra.json().error.details).toEqual([{ path: 'builtIn', message: '不允许提交该字段（未知或只读）' }]);
  });
});

describe('beijingTime', () => {
  it('gives 09:00 and 17:00 Beijing time on Beijing calendar days', () => {
    const lateEveningUtc = new Date('2026-11-25T20:00:00Z'); // already 26 November in Beijing
    expect(beijingTime(lateEveningUtc, 0, 9).toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(beijingTime(lateEveningUtc, 30, 17).toISOString()).toBe('2026-12-26T09:00:00.000Z');
  });
});
