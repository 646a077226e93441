// Statistics through the API against counts computed independently in the test from the rows it made: by subfield,
// region, kind and recommending unit, the ambition of targets with small cells suppressed, the cache, the Excel
// download without personal data, and the admin's funnel.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import type { AdminDashboard, PublicStatistics } from '../../../shared/schemas/statistics.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, registerApplicant, signedInAs, validUscc, type Session } from '../../test/factories.js';

type Indicator = CatalogueResponse['directions'][number]['subfields'][number]['indicators'][number];
interface Made {
  id: string;
  subfieldId: string;
  directionId: string;
  region: string;
  kind: string;
  status: string;
  recommenderId: string | null;
  reviewed: boolean;
}

let t: TestApp;
let admin: Session;
let catalogue: CatalogueResponse;
let programId: string;
const made: Made[] = [];
let units: Array<{ id: string; name: string }>;
let numberIndicator: Indicator & { subfieldId: string };
let sparseIndicator: Indicator & { subfieldId: string };
let booleanIndicator: Indicator & { subfieldId: string };
const targets = new Map<string, number | boolean>();
const CANARY = { phone: '13800001111', email: 'canary.stats@example.com', name: '钱多多' };

// A small seeded generator, so a failure can be replayed.
let seed = 20181122;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const REGIONS = ['110000', '310000', '440000', '320000', '330000', '510000', '660000', '650000'];
const KINDS = ['enterprise', 'institute', 'university', 'other'];
const STATUSES = ['draft', 'withdrawn', 'submitted', 'returned', 'recommended', 'not_recommended', 'eligible', 'ineligible', 'finalist', 'finalist_confirmed', 'winner_confirmed'];

async function application(subfieldId: string, overrides: Partial<Made> = {}): Promise<Made> {
  const region = overrides.region ?? pick(REGIONS);
  const kind = overrides.kind ?? pick(KINDS);
  const status = overrides.status ?? pick(STATUSES);
  const recommenderId = overrides.recommenderId !== undefined ? overrides.recommenderId : random() < 0.8 ? pick(units).id : null;
  const org = await t.database.pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ($1, $2, $3, $4) RETURNING id`, [
    `统计测试单位${made.length}`,
    validUscc(region === '660000' ? '650000' : region),
    kind,
    region,
  ]);
  const creator = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
  const row = await t.database.pool.query(
    `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title, recommender_id, responsible_person)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [programId, subfieldId, org.rows[0].id, creator, status, `统计项目${made.length}`, recommenderId, JSON.stringify({ name: CANARY.name, title: '总工', phone: CANARY.phone, email: CANARY.email })],
  );
  const directionId = catalogue.directions.find((d) => d.subfields.some((s) => s.id === subfieldId))!.id;
  const app: Made = { id: row.rows[0].id, subfieldId, directionId, region, kind, status, recommenderId, reviewed: false };
  made.push(app);
  return app;
}

async function target(app: Made, indicatorId: string, value: number | boolean) {
  await t.database.pool.query(`INSERT INTO application_indicators (application_id, indicator_id, target) VALUES ($1, $2, $3::jsonb)`, [app.id, indicatorId, JSON.stringify(value)]);
  if (!['draft', 'withdrawn'].includes(app.status)) targets.set(`${indicatorId}:${app.id}`, value);
}

async function review(app: Made) {
  const expert = (await t.database.pool.query('SELECT id FROM users LIMIT 1')).rows[0].id;
  const a = await t.database.pool.query(
    `INSERT INTO review_assignments (program_id, round, application_id, expert_id, status, affinity, released_at, no_conflict_at) VALUES ($1, 'online', $2, $3, 'released', 0, now(), now()) RETURNING id`,
    [programId, app.id, expert],
  );
  await t.database.pool.query(`INSERT INTO reviews (assignment_id, state, total, submitted_at) VALUES ($1, 'submitted', 80, now())`, [a.rows[0].id]);
  app.reviewed = true;
}

const counted = () => made.filter((m) => !['draft', 'withdrawn'].includes(m.status));
const tally = <K>(items: Made[], key: (m: Made) => K) => items.reduce((map, m) => map.set(key(m), (map.get(key(m)) ?? 0) + 1), new Map<K, number>());
const statistics = async () => (await t.app.inject({ method: 'GET', url: `/api/public/programs/${programId}/statistics` })).json() as PublicStatistics;
const moveClock = (offsetMs: number) => t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs } });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  programId = catalogue.programId;
  units = (await t.database.pool.query(`SELECT id, name FROM recommenders ORDER BY name LIMIT 6`)).rows;
  const all = catalogue.directions.flatMap((d) => d.subfields.flatMap((s) => s.indicators.map((i) => ({ ...i, subfieldId: s.id }))));
  const numbers = all.filter((i) => i.kind === 'number' && i.planTarget?.comparator !== undefined);
  numberIndicator = numbers[0]!;
  sparseIndicator = numbers.find((i) => i.subfieldId !== numberIndicator.subfieldId)!;
  booleanIndicator = all.find((i) => i.kind === 'boolean')!;

  const subfieldIds = catalogue.directions.flatMap((d) => d.subfields.map((s) => s.id)).slice(0, 12);
  for (let i = 0; i < 70; i++) {
    const app = await application(pick(subfieldIds));
    if (['eligible', 'finalist', 'finalist_confirmed', 'winner_confirmed'].includes(app.status) && random() < 0.7) await review(app);
  }
  // Eight targets on one indicator (a visible cell), exactly two counted on another (suppressed), and a draft's target
  // that must not count.
  for (let i = 0; i < 8; i++) await target(await application(numberIndicator.subfieldId, { status: pick(['submitted', 'recommended', 'eligible']) }), numberIndicator.id, 10 + 15 * i);
  await target(await application(numberIndicator.subfieldId, { status: 'draft' }), numberIndicator.id, 1e9);
  for (const v of [5, 7]) await target(await application(sparseIndicator.subfieldId, { status: 'submitted' }), sparseIndicator.id, v);
  for (const v of [true, true, false, true]) await target(await application(booleanIndicator.subfieldId, { status: 'submitted' }), booleanIndicator.id, v);
});

describe('public statistics', () => {
  it('count submitted applications by direction, subfield, region, kind and recommending unit as the rows say', async () => {
    const stats = await statistics();
    const live = counted();
    expect(stats.totals.applications).toBe(live.length);
    expect(stats.totals.regions).toBe(new Set(live.map((m) => m.region)).size);
    expect(stats.totals.recommenders).toBe(new Set(live.map((m) => m.recommenderId).filter(Boolean)).size);

    const bySubfield = tally(live, (m) => m.subfieldId);
    for (const d of stats.byDirection) {
      for (const s of d.subfields) expect(s.count, s.code).toBe(bySubfield.get(s.id) ?? 0);
      expect(d.count).toBe(live.filter((m) => m.directionId === d.id).length);
    }
    expect(stats.byDirection.flatMap((d) => d.subfields)).toHaveLength(catalogue.directions.flatMap((d) => d.subfields).length);

    expect(new Map(stats.byRegion.map((r) => [r.regionCode, r.count]))).toEqual(tally(live, (m) => m.region));
    expect(stats.byRegion.find((r) => r.regionCode === '660000')).toMatchObject({ name: '新疆生产建设兵团', mapName: '新疆' });
    expect(new Map(stats.byKind.map((k) => [k.kind, k.count]))).toEqual(tally(live, (m) => m.kind));

    const recommendedOrLater = ['recommended', 'eligible', 'ineligible', 'finalist', 'finalist_confirmed', 'winner_confirmed'];
    for (const unit of units) {
      const own = live.filter((m) => m.recommenderId === unit.id);
      const row = stats.recommenders.units.find((u) => u.name === unit.name);
      if (own.length === 0) expect(row).toBeUndefined();
      else expect(row).toMatchObject({ applications: own.length, recommended: own.filter((m) => recommendedOrLater.includes(m.status)).length });
    }
    expect(stats.recommenders.byKind.find((k) => k.kind === 'province')!.applications).toBe(live.filter((m) => m.recommenderId).length);
  });

  it('give the share of targets beating the plan and their quartiles, and suppress cells of fewer than three', async () => {
    const stats = await statistics();
    const cell = stats.ambition.find((a) => a.indicatorId === numberIndicator.id)!;
    const values = [...targets].filter(([k]) => k.startsWith(`${numberIndicator.id}:`)).map(([, v]) => v as number);
    const plan = numberIndicator.planTarget!;
    const beats = values.filter((v) => ({ '>': v > plan.value!, '>=': v >= plan.value!, '<': v < plan.value!, '<=': v <= plan.value! })[plan.comparator!]).length;
    expect(cell).toMatchObject({ suppressed: false, n: 8, median: 62.5, p25: 36.25, p75: 88.75 });
    expect(cell.beatsPlan).toBeCloseTo(beats / 8, 10);

    const sparse = stats.ambition.find((a) => a.indicatorId === sparseIndicator.id)!;
    expect(sparse).toMatchObject({ suppressed: true, n: null, beatsPlan: null, p25: null, median: null, p75: null });
    const reached = stats.ambition.find((a) => a.indicatorId === booleanIndicator.id)!;
    expect(reached).toMatchObject({ suppressed: false, n: 4, beatsPlan: 0.75, median: null });
    // An indicator nobody committed a target to is suppressed too, not shown as zero.
    expect(stats.ambition.filter((a) => ![numberIndicator.id, booleanIndicator.id].includes(a.indicatorId)).every((a) => a.suppressed)).toBe(true);
  });

  it('serve cached figures for a minute, then compute them again', async () => {
    const before = await statistics();
    await application(numberIndicator.subfieldId, { status: 'submitted' });
    expect((await statistics()).totals.applications).toBe(before.totals.applications);
    await moveClock(61_000);
    const after = await statistics();
    expect(after.totals.applications).toBe(before.totals.applications + 1);
    expect(Date.parse(after.computedAt)).toBeGreaterThan(Date.parse(before.computedAt));
    await moveClock(0);
  });

  it('download as Excel with the same figures and no personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/programs/ai-2018/statistics.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '按方向', '按细分领域', '按地区', '按单位类型', '推荐单位', '指标目标']);
    const stats = await statistics();
    expect(wb.getWorksheet('按地区')!.rowCount).toBe(stats.byRegion.length + 1);
    expect(wb.getWorksheet('按细分领域')!.rowCount).toBe(stats.byDirection.flatMap((d) => d.subfields).length + 1);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('|');
    const json = JSON.stringify(stats);
    for (const secret of Object.values(CANARY)) {
      expect(cells).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
  });

  it('answer 404 for a program that does not exist', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/programs/no-such-program/statistics' })).statusCode).toBe(404);
  });
});

describe('admin dashboard', () => {
  it('counts the funnel per direction as the rows say, computed afresh on request', async () => {
    const res = await as(t.app, admin, { method: 'GET', url: `/api/admin/programs/${programId}/dashboard?fresh=1` });
    expect(res.statusCode, res.body).toBe(200);
    const dash = res.json() as AdminDashboard;
    const reached = {
      draft: () => true,
      submitted: (m: Made) => m.status !== 'draft',
      recommended: (m: Made) => ['recommended', 'eligible', 'ineligible', 'finalist', 'finalist_confirmed', 'winner_confirmed'].includes(m.status),
      eligible: (m: Made) => ['eligible', 'finalist', 'finalist_confirmed', 'winner_confirmed'].includes(m.status),
      reviewed: (m: Made) => m.reviewed,
      finalist: (m: Made) => ['finalist', 'finalist_confirmed', 'winner_confirmed'].includes(m.status),
      winner: (m: Made) => m.status === 'winner_confirmed',
    };
    for (const [stage, test] of Object.entries(reached)) {
      expect(dash.funnel[stage as keyof typeof reached], stage).toBe(made.filter(test).length);
      for (const d of dash.byDirection) expect(d.funnel[stage as keyof typeof reached], `${d.code} ${stage}`).toBe(made.filter((m) => m.directionId === d.id && test(m)).length);
    }
    expect(dash.byStatus).toEqual(Object.fromEntries(tally(made, (m) => m.status)));
  });

  it('is for the program’s own admins only', async () => {
    const other = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: ['00000000-0000-4000-8000-000000000001'] });
    expect((await as(t.app, other, { method: 'GET', url: `/api/admin/programs/${programId}/dashboard` })).statusCode).toBe(403);
    const applicant = await registerApplicant(t.app);
    expect((await as(t.app, applicant, { method: 'GET', url: `/api/admin/programs/${programId}/dashboard` })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/programs/${programId}/dashboard` })).statusCode).toBe(401);
  });
});
