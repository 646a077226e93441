// QUALITY S4: on every route that takes a JSON body, a valid body with random extra fields (status, receipts,
// scores, decisions, owners, prototype keys…) is refused with 400 VALIDATION_FAILED naming the field, and nothing
// stored changes. PATCH /api/applications/:id has its own property in applications.test.ts, with the same fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { z } from 'zod';
import { EXPECTED_ACCESS } from '../test/harness/expected-access.js';
import { probeMassAssignment, type MassAssignmentReport } from '../test/harness/mass-assignment.js';
import { prepareData } from '../test/harness/matrix-data.js';
import { recordSection } from '../test/harness/report.js';
import { buildScenario } from '../test/harness/scenario.js';
import { fillPath } from '../test/harness/access-table.js';

const COVERED_ELSEWHERE = new Set(['PATCH /api/applications/:id']);
let report: MassAssignmentReport;

beforeAll(async () => {
  const s = await buildScenario();
  report = await probeMassAssignment(s, EXPECTED_ACCESS, await prepareData(s), { runs: 10, seed: 20181024, skip: COVERED_ELSEWHERE });
});
afterAll(() => {
  recordSection('mass-assignment', [
    ['routes with a JSON body probed', report.routes],
    ['requests with extra fields', report.requests],
    ['refused with 400 VALIDATION_FAILED naming the field', report.refused],
    ['routes whose stored rows stayed unchanged', `${report.unchanged} of ${report.routes}`],
    ['mutating routes that read no body', report.noBody],
    ['covered by their own module test', [...COVERED_ELSEWHERE].join(', ')],
  ]);
});

describe('mass assignment', () => {
  it('refuses extra fields on every route that takes a JSON body, and changes nothing stored', () => {
    expect(report.routes).toBeGreaterThan(40);
    expect(report.failures.slice(0, 20), report.failures.slice(0, 20).join('\n')).toEqual([]);
    expect(report.unchanged).toBe(report.routes);
  });

  it('fails on a planted route whose body is not strict and which applies what it gets', async () => {
    const planted = await buildScenario({
      beforeReady: (app) =>
        app.post('/api/applications/:id/planted-rename', { config: { access: ['applicant', 'org_admin'] }, schema: { body: z.object({ title: z.string() }).passthrough() } }, async (request) => {
          const body = request.body as Record<string, unknown>;
          const pool = (app as unknown as { plantedPool: pg.Pool }).plantedPool;
          // Applies whatever else came along, as a careless handler would.
          if (Object.keys(body).length > 1) await pool.query("UPDATE applications SET status = 'returned' WHERE id = $1", [(request.params as { id: string }).id]);
          return { ok: true };
        }),
    });
    (planted.t.app as unknown as { plantedPool: unknown }).plantedPool = planted.t.database.pool;
    const table = { ...EXPECTED_ACCESS, 'POST /api/applications/:id/planted-rename': { ...EXPECTED_ACCESS['GET /api/applications/:id/check']!, request: (p: Parameters<(typeof EXPECTED_ACCESS)[string]['request']>[0]) => ({ method: 'POST', url: fillPath('/api/applications/:id/planted-rename', p.target), payload: { title: '新名' } }) } };
    const found = await probeMassAssignment(planted, table, await prepareData(planted), { runs: 25, seed: 7, only: (key) => key.includes('planted') });
    expect(found.routes).toBe(1);
    expect(found.failures[0]).toMatch(/^POST \/api\/applications\/:id\/planted-rename as \w+ with .*: 200/);
    expect(found.failures).toContain('POST /api/applications/:id/planted-rename: stored rows changed after requests that were all to be refused');
  });
});
