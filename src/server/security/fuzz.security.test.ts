// QUALITY R1: every route fuzzed from its schema (valid, boundary, wrong types, huge strings, Unicode edges,
// prototype-pollution keys, duplicated query parameters): no 5xx, errors in their shape without internals, and the
// invariants after every batch; what was saved before is still there afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { as } from '../test/factories.js';
import { EXPECTED_ACCESS } from '../test/harness/expected-access.js';
import { fuzzRoutes, type FuzzReport } from '../test/harness/fuzz.js';
import { recordSection } from '../test/harness/report.js';
import { buildScenario, type Scenario } from '../test/harness/scenario.js';

const RUNS = Number(process.env.JIEBANG_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.JIEBANG_FUZZ_SEED ?? 20181120);

let s: Scenario;
let report: FuzzReport;
let before: { receipt: unknown; attachments: unknown };

beforeAll(async () => {
  s = await buildScenario();
  const appA = (await as(s.t.app, s.sessions.org_admin, { method: 'GET', url: `/api/applications/${s.ids.appA}` })).json();
  before = { receipt: appA.receipt, attachments: appA.attachments };
  report = await fuzzRoutes(s, EXPECTED_ACCESS, { runs: RUNS, seed: SEED });
});

afterAll(() => {
  recordSection('fuzz', [
    ['routes fuzzed', report.routes],
    ['requests', report.requests],
    ['by kind', Object.entries(report.byKind).map(([k, n]) => `${k} ${n}`).join(', ')],
    ['by status', Object.entries(report.byStatus).map(([k, n]) => `${k}: ${n}`).join(', ')],
    ['5xx answers', report.serverErrors.length],
    ['error bodies with internals or another shape', report.errorBodies.length],
    ['answers with a header problem', report.headers.length],
    ['invariant checks (one per batch)', report.batches],
    ['invariant violations', report.invariantFailures.length],
    ['seed, runs per route', `${SEED}, ${RUNS}`],
  ]);
});

describe('fuzzing every route from its schema', () => {
  it('never answers 5xx', () => {
    expect(report.requests).toBeGreaterThan(report.routes * RUNS * 0.99);
    expect(report.serverErrors.slice(0, 20), report.serverErrors.slice(0, 20).join('\n')).toEqual([]);
  });

  it('answers every error in the one shape without internals, with the security headers', () => {
    expect(report.errorBodies.slice(0, 20), report.errorBodies.slice(0, 20).join('\n')).toEqual([]);
    expect(report.headers.slice(0, 20), report.headers.slice(0, 20).join('\n')).toEqual([]);
  });

  it('keeps the invariants after every batch and loses nothing saved', async () => {
    expect(report.invariantFailures, report.invariantFailures.join('\n')).toEqual([]);
    const appA = (await as(s.t.app, s.sessions.org_admin, { method: 'GET', url: `/api/applications/${s.ids.appA}` })).json();
    expect({ receipt: appA.receipt, attachments: appA.attachments }).toEqual(before);
  });
});

describe('the fuzzer on a planted defect', () => {
  it('reports the 5xx of a route that crashes on a string it did not expect', async () => {
    const planted = await buildScenario({
      beforeReady: (app) =>
        app.post('/api/public/planted-echo', { config: { access: 'public' }, schema: { body: z.strictObject({ name: z.string().max(5000) }) } }, async (request) => {
          const name = (request.body as { name: string }).name;
          if (/[\uD800-\uDFFF]/.test(name) || name.length > 1000) throw new Error('crash on a lone surrogate or a long name');
          return { ok: true };
        }),
    });
    const table = { ...EXPECTED_ACCESS, 'POST /api/public/planted-echo': { on: 'none' as const, gate: 'public' as const, request: () => ({ url: '/api/public/planted-echo' }) } };
    const found = await fuzzRoutes(planted, table, { runs: 60, seed: SEED, only: (key) => key === 'POST /api/public/planted-echo' });
    expect(found.serverErrors.length).toBeGreaterThan(0);
    expect(found.serverErrors[0]).toMatch(/^POST \/api\/public\/planted-echo as \w+ \(seed \d+, (unicode edge|huge string|valid)\): 500/);
  });
});
