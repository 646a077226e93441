// The harness on planted defects: an app with extra routes that break the bars (a missing visibility check, a route
// without a row, a public route and a log line that leak a phone, a private answer left cacheable, a stack trace in
// an error, a list wider than its details). Each one must make the harness fail, naming the route.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { as } from '../test/factories.js';
import { fillPath, type ExpectedTable } from '../test/harness/access-table.js';
import { EXPECTED_ACCESS } from '../test/harness/expected-access.js';
import { listDetailMismatches } from '../test/harness/lists.js';
import { runMatrix, type MatrixReport } from '../test/harness/matrix.js';
import { recordSection } from '../test/harness/report.js';
import { buildScenario, type Scenario } from '../test/harness/scenario.js';
import { canaryHits, errorBodyProblems, headerProblems, readableText } from '../test/harness/scans.js';

function plantDefects(app: FastifyInstance): void {
  const pool = () => (app as unknown as { plantedPool: pg.Pool }).plantedPool;
  const title = z.object({ title: z.string() });
  // A detail route that forgot to ask whether the caller may see the application.
  app.get('/api/applications/:id/planted-summary', { config: { access: 'signed_in' }, schema: { params: z.object({ id: z.string() }), response: { 200: title } } }, async (request) => {
    const { rows } = await pool().query('SELECT title FROM applications WHERE id = $1', [(request.params as { id: string }).id]);
    return { title: rows[0]?.title ?? '' };
  });
  // A route someone added without a row in the expected table.
  app.get('/api/planted/unlisted', { config: { access: 'signed_in' }, schema: { response: { 200: z.object({}) } } }, async () => ({}));
  // A public route that shows a contact phone, and logs it.
  app.get('/api/public/planted-contacts', { config: { access: 'public' }, schema: { response: { 200: z.object({ phones: z.array(z.string()) }) } } }, async (request) => {
    const { rows } = await pool().query("SELECT responsible_person->>'phone' AS phone FROM applications WHERE status <> 'draft'");
    request.log.info({ phone: rows[0]?.phone }, 'planted contact lookup');
    return { phones: rows.map((r) => r.phone as string) };
  });
  // A private answer that lets shared caches keep it, and an error that shows its stack.
  app.get('/api/planted/cached', { config: { access: 'signed_in' }, schema: { response: { 200: z.object({ me: z.string() }) } } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=600');
    return { me: request.actor!.email };
  });
  app.get('/api/planted/stack', { config: { access: 'public' } }, async (_request, reply) => {
    const error = new Error('relation "users" does not exist');
    return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: error.stack } });
  });
  // A list that forgets to filter by who asks.
  app.get('/api/planted/applications', { config: { access: 'signed_in' }, schema: { response: { 200: z.object({ items: z.array(z.object({ id: z.string() })), nextCursor: z.null() }) } } }, async () => {
    const { rows } = await pool().query('SELECT id FROM applications');
    return { items: rows.map((r) => ({ id: r.id as string })), nextCursor: null };
  });
}

const PLANTED_ROWS: ExpectedTable = {
  // Written as the contract says: exactly the callers who may see the application.
  'GET /api/applications/:id/planted-summary': { ...EXPECTED_ACCESS['GET /api/applications/:id']!, request: (p) => ({ method: 'GET', url: fillPath('/api/applications/:id/planted-summary', p.target) }) },
  'GET /api/public/planted-contacts': { on: 'none', gate: 'public', request: () => ({ method: 'GET', url: '/api/public/planted-contacts' }) },
  'GET /api/planted/cached': { on: 'none', gate: 'signed_in', request: () => ({ method: 'GET', url: '/api/planted/cached' }) },
  'GET /api/planted/stack': { on: 'none', gate: 'public', request: () => ({ method: 'GET', url: '/api/planted/stack' }) },
  'GET /api/planted/applications': { on: 'none', gate: 'signed_in', request: () => ({ method: 'GET', url: '/api/planted/applications' }) },
};

let s: Scenario;
let report: MatrixReport;
const caught: Array<[string, boolean]> = [];

beforeAll(async () => {
  s = await buildScenario({ beforeReady: plantDefects });
  (s.t.app as unknown as { plantedPool: unknown }).plantedPool = s.t.database.pool;
  report = await runMatrix(s, { ...EXPECTED_ACCESS, ...PLANTED_ROWS }, { only: (key) => key.includes('planted') });
});

afterAll(() => {
  recordSection('self-test', caught.map(([what, ok]) => [what, ok ? 'caught' : 'MISSED']), {
    notes: ['Other parts plant their own: a front acknowledging before the commit (crash.security.test.ts), a backup missing a row (restore.security.test.ts), a route crashing on odd strings (fuzz.security.test.ts), a loose body that applies extra fields (mass-assignment.security.test.ts), an upload route trusting file names (uploads.security.test.ts), an endpoint building SQL from its query string (sqlmap.security.test.ts), SQL built from strings for the lint rule (sql-lint.security.test.ts).'],
  });
});

describe('the harness on planted defects', () => {
  it('fails the matrix on a route that skips the visibility check, naming route, caller and relation', () => {
    const lines = report.mismatches.filter((m) => m.startsWith('GET /api/applications/:id/planted-summary'));
    caught.push(['a detail route without its visibility check (S2)', lines.length > 0]);
    expect(lines).toContainEqual(expect.stringMatching(/as applicant on foreign: expected 404, got 200/));
    expect(lines).toContainEqual(expect.stringMatching(/as program_admin on other_program: expected 404, got 200/));
  });

  it('fails on a route without a row, saying where to add it', () => {
    caught.push(['a route without a row in the expected table', report.missingRows.length === 1]);
    expect(report.missingRows).toEqual([expect.stringMatching(/^GET \/api\/planted\/unlisted has no row in the expected table: add a row to src\/server\/test\/harness\/expected-access\.ts/)]);
  });

  it('finds a phone in a public answer and in a log line', async () => {
    const leaky = report.answers.filter((a) => a.route === 'GET /api/public/planted-contacts');
    const inAnswers = (await Promise.all(leaky.map(readableText))).flatMap((text) => canaryHits(text));
    const inLogs = s.logs.flatMap((line) => canaryHits(line));
    caught.push(['personal data in a public answer (S12)', inAnswers.length > 0], ['personal data in a log line (S12)', inLogs.length > 0]);
    expect(inAnswers.length).toBeGreaterThan(0);
    expect(inLogs.length).toBeGreaterThan(0);
  });

  it('finds a private answer left cacheable and an error that shows its stack and SQL', () => {
    const cached = report.answers.filter((a) => a.route === 'GET /api/planted/cached' && a.status === 200).flatMap(headerProblems);
    const stack = report.answers.filter((a) => a.route === 'GET /api/planted/stack').flatMap(errorBodyProblems);
    caught.push(['a private answer without no-store (S9)', cached.length > 0], ['a stack trace in an error body (S9)', stack.length > 0]);
    expect(cached).toContainEqual(expect.stringMatching(/GET \/api\/planted\/cached \(200\): cache-control is "public, max-age=600"/));
    expect(stack).toContainEqual(expect.stringMatching(/shows a stack frame/));
    expect(stack).toContainEqual(expect.stringMatching(/shows a database message/));
  });

  it('finds a list that shows more than its detail route allows', async () => {
    const all = (await s.t.database.pool.query<{ id: string }>('SELECT id FROM applications')).rows.map((r) => r.id);
    const problems = await listDetailMismatches(s, { list: '/api/planted/applications', universe: all, detail: (id) => `/api/applications/${id}` }, ['applicant', 'recommender']);
    caught.push(['a list wider than its detail route (S3)', problems.length === 2]);
    expect(problems).toEqual([expect.stringMatching(/as applicant: lists \d+ id\(s\) its detail route refuses/), expect.stringMatching(/as recommender: lists \d+ id\(s\) its detail route refuses/)]);
    // And the real route passes the same check.
    expect(await listDetailMismatches(s, { list: '/api/applications', universe: all, detail: (id) => `/api/applications/${id}` }, ['applicant'])).toEqual([]);
    expect((await as(s.t.app, s.sessions.applicant, { method: 'GET', url: '/api/planted/unlisted' })).statusCode).toBe(200);
  });
});
