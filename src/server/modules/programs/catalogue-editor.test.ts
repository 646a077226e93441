// Program admins edit a program: description, sections, review rounds, directions, subfields (with their own
// quotas) and indicators; every change is audited; entries in use cannot be deleted, only retired.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import type { ProgramSummary } from '../../../shared/schemas/system.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, signedInAs, type Session } from '../../test/factories.js';

let t: TestApp;
let chief: Session;

beforeAll(async () => {
  t = await createTestApp();
  chief = await signedInAs(t.app, t.database.db, ['program_admin']);
});

const quotas = { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 2 };
const newProgram = (code: string) => ({ code, title: '智能网联汽车揭榜', titleEn: 'Connected vehicles', description: '省级揭榜', descriptionEn: '', quotas });
const direction = { code: 'V01', group: '智能产品', name: '车载计算平台', nameEn: 'Vehicle computing', planSummary: '', confirmed: true, source: '', note: '', retired: false };
const subfield = { code: 'V01-01', name: '车规级芯片', nameEn: 'Automotive chips', confirmed: true, source: '', note: '', retired: false, finalistsQuota: 4, winnersQuota: 2 };
const indicator = {
  code: 'V01-01-I1',
  name: '算力',
  nameEn: 'Compute',
  kind: 'number',
  unit: 'TOPS',
  better: 'higher',
  planTarget: { text: '≥ 100 TOPS', comparator: '>=', value: 100 },
  confirmed: true,
  source: '',
  note: '',
  retired: false,
};

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, who: Session = chief) =>
  as(t.app, who, { method, url, ...(payload ? { payload } : {}) });
const catalogue = async (code: string): Promise<CatalogueResponse> => (await t.app.inject({ method: 'GET', url: `/api/programs/${code}/catalogue` })).json();
const summary = async (code: string): Promise<ProgramSummary> =>
  (await t.app.inject({ method: 'GET', url: '/api/programs' })).json().items.find((p: ProgramSummary) => p.code === code);
const audits = async (action: string) => (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE action = $1', [action])).rows[0].n as number;

describe('creating a program', () => {
  it('creates an empty program with the default sections and review rounds', async () => {
    const res = await call('POST', '/api/admin/programs', newProgram('ev-2026'));
    expect(res.statusCode, res.body).toBe(201);
    const p = await summary('ev-2026');
    expect(p.title).toBe('智能网联汽车揭榜');
    expect(p.quotas).toEqual({ ...quotas, recommendationsPerDirection: null });
    expect(p.sections.map((s) => s.key)).toContain('route');
    expect(p.reviewRounds.map((r) => r.key)).toEqual(['online', 'defence', 'onsite', 'final']);
    expect((await catalogue('ev-2026')).directions).toEqual([]);
    expect(await audits('program.create')).toBe(1);
  });

  it('refuses a taken or malformed code, and callers who do not administer all programs', async () => {
    expect((await call('POST', '/api/admin/programs', newProgram('ai-2018'))).json().error.details).toEqual([{ path: 'code', message: '该项目编号已存在' }]);
    expect((await call('POST', '/api/admin/programs', newProgram('Bad Code'))).json().error.details[0].path).toBe('code');
    const scoped = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [] });
    expect((await call('POST', '/api/admin/programs', newProgram('scoped-1'), scoped)).statusCode).toBe(403);
    const expert = await signedInAs(t.app, t.database.db, ['expert']);
    expect((await call('POST', '/api/admin/programs', newProgram('expert-1'), expert)).statusCode).toBe(403);
  });
});

describe('editing the catalogue', () => {
  let directionId: string;
  let subfieldId: string;
  let indicatorId: string;

  it('adds a direction, a subfield with its own quotas and an indicator, served at once by the public catalogue', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/programs/ev-2026/catalogue' });
    directionId = (await call('POST', '/api/admin/programs/ev-2026/directions', direction)).json().id;
    subfieldId = (await call('POST', `/api/admin/directions/${directionId}/subfields`, subfield)).json().id;
    const created = await call('POST', `/api/admin/subfields/${subfieldId}/indicators`, indicator);
    expect(created.statusCode, created.body).toBe(201);
    indicatorId = created.json().id;
    const after = await t.app.inject({ method: 'GET', url: '/api/programs/ev-2026/catalogue', headers: { 'if-none-match': before.headers.etag as string } });
    expect(after.statusCode).toBe(200);
    const [d] = after.json().directions;
    expect(d.subfields[0].quotas).toEqual({ finalists: 4, winners: 2 });
    expect(d.subfields[0].indicators[0]).toMatchObject({ code: 'V01-01-I1', unit: 'TOPS', planTarget: { comparator: '>=', value: 100 } });
  });

  it('refuses with field-level messages: taken codes, untyped indicators, winners above finalists', async () => {
    expect((await call('POST', '/api/admin/programs/ev-2026/directions', direction)).json().error.details).toEqual([{ path: 'code', message: '该编号已在本项目中使用' }]);
    const untyped = await call('POST', `/api/admin/subfields/${subfieldId}/indicators`, { ...indicator, code: 'V01-01-I2', unit: '', better: null });
    expect(untyped.json().error.details).toEqual([
      { path: 'unit', message: '数值指标须有单位' },
      { path: 'better', message: '数值指标须说明越高越好还是越低越好' },
    ]);
    const quota = await call('PUT', `/api/admin/subfields/${subfieldId}`, { ...subfield, finalistsQuota: 2, winnersQuota: 3 });
    expect(quota.json().error.details).toEqual([{ path: 'winnersQuota', message: '优胜名额不能多于入围名额' }]);
    // The program's quotas cannot change under a subfield's own so that winners exceed finalists.
    const programQuota = await call('PUT', '/api/admin/programs/ev-2026/quotas', { finalistsPerSubfield: 5, winnersPerSubfield: 5, applicationsPerApplicant: 2 });
    expect(programQuota.statusCode).toBe(200);
    const clash = await call('PUT', `/api/admin/subfields/${subfieldId}`, { ...subfield, finalistsQuota: 4, winnersQuota: null });
    expect(clash.json().error.details).toEqual([{ path: 'winnersQuota', message: '优胜名额不能多于入围名额' }]);
    const back = await call('PUT', '/api/admin/programs/ev-2026/quotas', { finalistsPerSubfield: 5, winnersPerSubfield: 5, applicationsPerApplicant: 2 });
    expect(back.statusCode).toBe(200);
    expect((await call('PUT', `/api/admin/subfields/${subfieldId}`, { ...subfield, finalistsQuota: 6, winnersQuota: null })).statusCode).toBe(200);
    const shrink = await call('PUT', '/api/admin/programs/ev-2026/quotas', { finalistsPerSubfield: 8, winnersPerSubfield: 7, applicationsPerApplicant: 2 });
    expect(shrink.json().error.details[0].message).toContain('V01-01');
    expect((await call('PUT', `/api/admin/subfields/${subfieldId}`, subfield)).statusCode).toBe(200);
    await call('PUT', '/api/admin/programs/ev-2026/quotas', quotas);
  });

  it('edits and retires entries; each change is audited with before and after', async () => {
    const renamed = await call('PUT', `/api/admin/indicators/${indicatorId}`, { ...indicator, name: '峰值算力', retired: true });
    expect(renamed.statusCode).toBe(200);
    const i = (await catalogue('ev-2026')).directions[0]!.subfields[0]!.indicators[0]!;
    expect(i).toMatchObject({ name: '峰值算力', retired: true });
    const { rows } = await t.database.pool.query("SELECT details FROM audit_events WHERE action = 'catalogue.indicator.update' ORDER BY seq DESC LIMIT 1");
    expect(rows[0].details.before.name).toBe('算力');
    expect(rows[0].details.after.name).toBe('峰值算力');
  });

  it('refuses to delete what applications use, and says to retire it instead', async () => {
    // Applications reference subfields and indicators with restricting foreign keys; this table stands in for them.
    await t.database.pool.query('CREATE TABLE usage_probe (subfield_id uuid REFERENCES subfields(id))');
    await t.database.pool.query('INSERT INTO usage_probe VALUES ($1)', [subfieldId]);
    const used = await call('DELETE', `/api/admin/subfields/${subfieldId}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toBe('已有申报使用该细分领域或其指标，不能删除；可以将其停用');
    const viaDirection = await call('DELETE', `/api/admin/directions/${directionId}`);
    expect(viaDirection.json().error.message).toContain('可以将其停用');
    expect((await catalogue('ev-2026')).directions[0]!.subfields).toHaveLength(1);
    await t.database.pool.query('DROP TABLE usage_probe');

    expect((await call('DELETE', `/api/admin/indicators/${indicatorId}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/admin/indicators/${indicatorId}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/admin/directions/${directionId}`)).statusCode).toBe(204);
    expect((await catalogue('ev-2026')).directions).toEqual([]);
    expect(await audits('catalogue.direction.delete')).toBe(1);
  });

  it('keeps program admins of other programs out', async () => {
    const other = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [] });
    const id = (await call('POST', '/api/admin/programs/ev-2026/directions', { ...direction, code: 'V02' })).json().id;
    expect((await call('PUT', `/api/admin/directions/${id}`, direction, other)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/admin/directions/${id}`, undefined, other)).statusCode).toBe(403);
    expect((await call('POST', '/api/admin/programs/ev-2026/directions', { ...direction, code: 'V03' }, other)).statusCode).toBe(403);
    expect((await call('PUT', '/api/admin/directions/00000000-0000-4000-8000-000000000000', direction)).statusCode).toBe(404);
  });
});

describe('program description, sections and review rounds', () => {
  it('sets the title and description', async () => {
    const res = await call('PUT', '/api/admin/programs/ev-2026', { title: '智能网联汽车揭榜挂帅', titleEn: 'Connected vehicles', description: '说明', descriptionEn: 'About' });
    expect(res.statusCode).toBe(200);
    expect((await summary('ev-2026')).descriptionEn).toBe('About');
  });

  it('replaces the sections; repeated keys are refused where they repeat', async () => {
    const sections = [
      { key: 'basis', title: '技术基础', required: true, maxLength: 3000 },
      { key: 'plan', title: '实施方案', required: false, maxLength: 6000 },
    ];
    expect((await call('PUT', '/api/admin/programs/ev-2026/sections', { sections })).statusCode).toBe(200);
    expect((await summary('ev-2026')).sections).toEqual(sections);
    const repeated = await call('PUT', '/api/admin/programs/ev-2026/sections', { sections: [...sections, sections[0]] });
    expect(repeated.json().error.details).toEqual([{ path: 'sections.2.key', message: '章节键重复：basis' }]);
  });

  it('creates, replaces and deletes review rounds; weights add up to 100', async () => {
    const round = {
      name: '专家会评',
      nameEn: 'Panel',
      phase: 'review',
      criteria: [
        { key: 'tech', label: '技术水平', labelEn: 'Technology', weight: 60, maxScore: 10 },
        { key: 'team', label: '团队', labelEn: 'Team', weight: 30, maxScore: 10 },
      ],
    };
    const bad = await call('PUT', '/api/admin/programs/ev-2026/review-rounds/panel', round);
    expect(bad.json().error.details).toEqual([{ path: 'criteria', message: '各项权重之和须为 100（现为 90）' }]);
    round.criteria[1]!.weight = 40;
    expect((await call('PUT', '/api/admin/programs/ev-2026/review-rounds/panel', round)).statusCode).toBe(200);
    const rounds = (await summary('ev-2026')).reviewRounds;
    expect(rounds.at(-1)).toMatchObject({ key: 'panel', name: '专家会评' });
    expect((await call('DELETE', '/api/admin/programs/ev-2026/review-rounds/panel')).statusCode).toBe(204);
    expect((await call('DELETE', '/api/admin/programs/ev-2026/review-rounds/panel')).statusCode).toBe(404);
    expect(await audits('program.review_round.set')).toBe(1);
  });
});
