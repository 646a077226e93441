// Export and import of a whole program as JSON: a round trip gives the same program; hostile documents change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import type { ProgramDocument } from '../../../shared/schemas/program-document.js';
import { as, signedInAs, type Session } from '../../test/factories.js';

let t: TestApp;
let admin: Session;
let exported: ProgramDocument;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  const res = await as(t.app, admin, { method: 'GET', url: '/api/admin/programs/ai-2018/export' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toBe('attachment; filename="ai-2018.program.json"');
  exported = res.json();
});

const copy = (code: string): ProgramDocument => {
  const doc = structuredClone(exported);
  doc.program.code = code;
  return doc;
};
const importDoc = (doc: object, who: Session = admin) => as(t.app, who, { method: 'POST', url: '/api/admin/programs/import', payload: doc });
const programCount = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM programs')).rows[0].n as number;

describe('program documents', () => {
  it('round-trips: export → import → export gives an identical program', async () => {
    const created = await importDoc(copy('ai-2018-copy'));
    expect(created.statusCode).toBe(201);
    const again = (await as(t.app, admin, { method: 'GET', url: '/api/admin/programs/ai-2018-copy/export' })).json();
    expect(again).toEqual(copy('ai-2018-copy'));
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018-copy/catalogue' })).json();
    expect(catalogue.directions.flatMap((d: { subfields: unknown[] }) => d.subfields)).toHaveLength(38);
  });

  it('locates every problem and creates nothing: duplicate codes, empty names, missing units, quota order', async () => {
    const doc = copy('broken-one');
    doc.directions[1]!.code = doc.directions[0]!.code;
    doc.directions[0]!.subfields[0]!.name = '  ';
    doc.directions[0]!.subfields[0]!.indicators[0]!.unit = '';
    doc.directions[0]!.subfields[0]!.winnersQuota = 9;
    const percent = doc.directions.flatMap((d) => d.subfields.flatMap((s) => s.indicators)).find((i) => i.unit === '%' && i.planTarget?.value !== undefined)!;
    percent.planTarget!.value = 140;
    const textual = doc.directions.flatMap((d) => d.subfields.flatMap((s) => s.indicators)).find((i) => i.kind === 'text')!;
    textual.unit = 'km';
    const before = await programCount();
    const res = await importDoc(doc);
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('directions.0.subfields.0.name');
    // Field errors come first; the cross checks run once every field is valid.
    doc.directions[0]!.subfields[0]!.name = '车载智能芯片';
    const second = (await importDoc(doc)).json().error.details;
    expect(second).toEqual(
      expect.arrayContaining([
        { path: 'directions.1.code', message: expect.stringContaining('重复') },
        { path: 'directions.0.subfields.0.indicators.0.unit', message: '数值指标须有单位' },
        { path: 'directions.0.subfields.0.winnersQuota', message: '优胜名额不能多于入围名额' },
        { path: expect.stringMatching(/indicators\.\d+\.planTarget\.value$/), message: '百分比须在 0 到 100 之间' },
        { path: expect.stringMatching(/indicators\.\d+\.unit$/), message: '只有数值指标有单位' },
      ]),
    );
    expect(await programCount()).toBe(before);
  });

  it('refuses unknown fields, a taken code, oversized documents and non-JSON bodies', async () => {
    const extra = copy('extra-one') as unknown as Record<string, unknown>;
    extra.status = 'published';
    expect((await importDoc(extra)).json().error.details).toEqual([{ path: 'status', message: '不允许提交该字段（未知或只读）' }]);
    expect((await importDoc(copy('ai-2018'))).statusCode).toBe(409);
    const huge = copy('huge-one');
    huge.directions[0]!.subfields[0]!.indicators = Array.from({ length: 10_000 }, (_, i) => ({ ...huge.directions[0]!.subfields[0]!.indicators[0]!, code: `X-${i}` }));
    const tooMany = await importDoc(huge);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].path).toBe('directions.0.subfields.0.indicators');
    const text = await as(t.app, admin, { method: 'POST', url: '/api/admin/programs/import', payload: 'PK\u0003\u0004 not json', headers: { 'content-type': 'application/json' } });
    expect(text.statusCode).toBe(400);
  });

  it('is for program admins of all programs', async () => {
    const scoped = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [] });
    expect((await importDoc(copy('scoped-one'), scoped)).statusCode).toBe(403);
    expect((await as(t.app, scoped, { method: 'GET', url: '/api/admin/programs/ai-2018/export' })).statusCode).toBe(403);
  });
});
