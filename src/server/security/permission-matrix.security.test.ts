// QUALITY S2, S3, S9, S12, S13: the generated permission matrix against the hand-written table, every answer scanned
// for headers, error bodies and personal data (and the server's log lines too), and lists against their details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../test/factories.js';
import { EXPECTED_ACCESS } from '../test/harness/expected-access.js';
import { listDetailMismatches, exportText } from '../test/harness/lists.js';
import { runMatrix, type MatrixReport } from '../test/harness/matrix.js';
import { recordSection } from '../test/harness/report.js';
import { CANARY, buildScenario, type Scenario } from '../test/harness/scenario.js';
import { canaryHits, errorBodyProblems, headerProblems, readableText } from '../test/harness/scans.js';

let s: Scenario;
let matrix: MatrixReport;
const figures: Record<string, number> = {};

beforeAll(async () => {
  s = await buildScenario();
  matrix = await runMatrix(s, EXPECTED_ACCESS);
});

afterAll(() => {
  recordSection('matrix', [
    ['routes in the matrix', new Set(matrix.answers.map((a) => a.route)).size],
    ['requests (route × caller × relation)', matrix.requests],
    ['answers that differ from the table', matrix.mismatches.length],
    ['routes without a row', matrix.missingRows.length],
    ['answers with a header problem', figures.headers ?? 'not run'],
    ['error bodies with internals or another shape', figures.errors ?? 'not run'],
    ['public answers and log lines scanned for personal data', figures.scanned ?? 'not run'],
    ['personal data found', figures.canaries ?? 'not run'],
    ['lists compared with their detail routes (list × caller)', figures.lists ?? 'not run'],
    ['list and export differences', figures.listProblems ?? 'not run'],
  ]);
});

describe('the permission matrix (S2)', () => {
  it('has a row for every registered API route and none for routes that are gone', () => {
    expect(matrix.missingRows, matrix.missingRows.join('\n')).toEqual([]);
    expect(matrix.staleRows, matrix.staleRows.join('\n')).toEqual([]);
  });

  it('answers every caller on every relation as the table says', () => {
    expect(matrix.requests).toBeGreaterThan(2000);
    expect(matrix.mismatches, matrix.mismatches.join('\n')).toEqual([]);
  });
});

describe('every answer of the matrix (S9, S12)', () => {
  it('carries the security headers, and private answers and errors are not cached', () => {
    const problems = matrix.answers.flatMap(headerProblems);
    figures.headers = problems.length;
    expect(problems.slice(0, 30), problems.slice(0, 30).join('\n')).toEqual([]);
  });

  it('gives errors in the one shape, without stack traces or SQL', () => {
    const problems = matrix.answers.flatMap(errorBodyProblems);
    figures.errors = problems.length;
    expect(problems.slice(0, 30), problems.slice(0, 30).join('\n')).toEqual([]);
    expect(matrix.answers.filter((a) => a.status >= 400).length).toBeGreaterThan(1000);
  });

  it('never shows the planted phones and e-mails in a public answer or a log line', async () => {
    const hits: string[] = [];
    const publicAnswers = matrix.answers.filter((a) => a.publicRoute);
    for (const a of publicAnswers) {
      for (const hit of canaryHits(await readableText(a))) hits.push(`${a.route} as ${a.caller}: ${hit}`);
    }
    for (const line of s.logs) for (const hit of canaryHits(line)) hits.push(`log line: ${hit} in ${line.slice(0, 200)}`);
    figures.scanned = publicAnswers.length + s.logs.length;
    figures.canaries = hits.length;
    expect(s.logs.length).toBeGreaterThan(1000);
    // The canaries are really in the scenario: the owner and the program's admins see them.
    const own = await as(s.t.app, s.sessions.org_admin, { method: 'GET', url: `/api/applications/${s.ids.appA}` });
    expect(canaryHits(own.body).length).toBeGreaterThan(0);
    // The lab's method and the applicant's comment on the winner's measurement name people: its admins see them, the
    // public winner page (scanned above) shows the winner's measured results without them.
    const winners = (await s.t.app.inject({ method: 'GET', url: `/api/public/programs/${s.ids.p1}/subfields/${s.ids.s1x}/winners` })).json();
    expect(winners.winners.map((w: { items: unknown[] }) => w.items.length)).toEqual([expect.any(Number)]);
    const record = await as(s.t.app, s.sessions.program_admin, { method: 'GET', url: `/api/applications/${s.ids.finalistC}/attainment` });
    expect(canaryHits(record.body)).toEqual(expect.arrayContaining([CANARY.phones[9], CANARY.emails[9]]));
    expect(hits, hits.join('\n')).toEqual([]);
  });
});

describe('lists and exports (S3)', () => {
  let all: string[];
  beforeAll(async () => {
    all = (await s.t.database.pool.query<{ id: string }>('SELECT id FROM applications')).rows.map((r) => r.id);
  });

  it('list exactly the applications each caller may open, for every filter', async () => {
    const programOf = new Map((await s.t.database.pool.query<{ id: string; program_id: string; status: string }>('SELECT id, program_id, status FROM applications')).rows.map((r) => [r.id, r]));
    const checks = [
      { list: '/api/applications?limit=2', universe: all, detail: (id: string) => `/api/applications/${id}` },
      { list: `/api/applications?programId=${s.ids.p1}`, universe: all, detail: (id: string) => `/api/applications/${id}`, filter: (id: string) => programOf.get(id)?.program_id === s.ids.p1 },
      { list: `/api/applications?programId=${s.ids.p2}`, universe: all, detail: (id: string) => `/api/applications/${id}`, filter: (id: string) => programOf.get(id)?.program_id === s.ids.p2 },
      { list: '/api/applications?status=draft', universe: all, detail: (id: string) => `/api/applications/${id}`, filter: (id: string) => programOf.get(id)?.status === 'draft' },
      { list: '/api/applications?status=finalist', universe: all, detail: (id: string) => `/api/applications/${id}`, filter: (id: string) => programOf.get(id)?.status === 'finalist' },
    ];
    const problems: string[] = [];
    for (const check of checks) problems.push(...(await listDetailMismatches(s, check)));
    figures.lists = (figures.lists ?? 0) + checks.length * 11;
    figures.listProblems = (figures.listProblems ?? 0) + problems.length;
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('list exactly the assignments an expert may open', async () => {
    const universe = (await s.t.database.pool.query<{ id: string }>('SELECT id FROM review_assignments')).rows.map((r) => r.id);
    const problems = await listDetailMismatches(s, { list: '/api/expert/assignments', universe, detail: (id) => `/api/assignments/${id}` }, ['expert']);
    figures.lists = (figures.lists ?? 0) + 1;
    figures.listProblems = (figures.listProblems ?? 0) + problems.length;
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('list exactly the finalists a lab measures, as its detail and the attainment say', async () => {
    const problems = [
      ...(await listDetailMismatches(s, { list: '/api/lab/applications', universe: all, detail: (id) => `/api/lab/applications/${id}` }, ['lab'])),
      ...(await listDetailMismatches(s, { list: '/api/lab/applications', universe: all, detail: (id) => `/api/applications/${id}/attainment` }, ['lab'])),
    ];
    figures.lists = (figures.lists ?? 0) + 2;
    figures.listProblems = (figures.listProblems ?? 0) + problems.length;
    // The lab measures finalists in both programs: the lists are not trivially empty.
    const listed = (await as(s.t.app, s.sessions.lab, { method: 'GET', url: '/api/lab/applications' })).json().items.map((i: { id: string }) => i.id);
    expect(listed.sort()).toEqual([s.ids.finalistA, s.ids.finalistP2].sort());
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('show in the program admins’ lists only applications of their program that they may open', async () => {
    const problems: string[] = [];
    const lists = [
      ['selections?stage=finalist', 'applicationId'],
      ['assignments?round=online', 'applicationId'],
      ['objections', 'applicationId'],
      ['review-events', 'applicationId'],
      ['evaluation', 'applicationId'],
      ['progress-reports', 'applicationId'],
    ] as const;
    for (const caller of ['program_admin', 'program_admin_all'] as const) {
      for (const [path, field] of lists) {
        const res = await as(s.t.app, s.sessions[caller], { method: 'GET', url: `/api/admin/programs/${s.ids.p1}/${path}` });
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
        for (const item of res.json().items as Array<Record<string, string>>) {
          const detail = await as(s.t.app, s.sessions[caller], { method: 'GET', url: `/api/applications/${item[field]}` });
          if (detail.statusCode !== 200) problems.push(`${path} as ${caller} lists ${item[field]}, whose detail answers ${detail.statusCode}`);
        }
      }
    }
    figures.lists = (figures.lists ?? 0) + lists.length * 2;
    figures.listProblems = (figures.listProblems ?? 0) + problems.length;
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('export what their JSON lists say: the 推荐汇总表, the results, the statistics and the audit log', async () => {
    // Unit B recommends appB, so its 推荐汇总表 has a row to compare.
    const rec = s.recommenderB;
    const decided = await as(s.t.app, rec, { method: 'POST', url: `/api/applications/${s.ids.appB}/recommendation`, payload: { decision: 'recommend', comment: '同意' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const batch = (await as(s.t.app, rec, { method: 'GET', url: `/api/recommenders/${s.ids.unitB}/batch?programId=${s.ids.p1}` })).json();
    const sheet = await exportText(s, rec, `/api/recommenders/${s.ids.unitB}/batch/summary.xlsx?programId=${s.ids.p1}`);
    expect(batch.rows.map((r: { applicationId: string }) => r.applicationId)).toEqual([s.ids.appB]);
    for (const row of batch.rows) expect(sheet).toContain(row.title);
    const visible = await Promise.all(batch.rows.map((row: { applicationId: string }) => as(s.t.app, rec, { method: 'GET', url: `/api/applications/${row.applicationId}` })));
    expect(visible.map((r) => r.statusCode)).toEqual(batch.rows.map(() => 200));

    const results = (await s.t.app.inject({ method: 'GET', url: `/api/public/programs/${s.ids.p1}/results` })).json();
    const workbook = await exportText(s, null, `/api/public/programs/${s.ids.p1}/results.xlsx`);
    for (const entry of [...results.finalists, ...results.winners]) expect(workbook).toContain(entry.title);
    expect(results.winners.length).toBeGreaterThan(0);

    // The same cached figures: the workbook names the JSON's computation time, its regions, units and subfields.
    const stats = (await s.t.app.inject({ method: 'GET', url: `/api/public/programs/${s.ids.p1}/statistics` })).json();
    const figuresBook = await exportText(s, null, `/api/public/programs/${s.ids.p1}/statistics.xlsx`);
    expect(figuresBook).toContain(stats.computedAt);
    for (const region of stats.byRegion) expect(figuresBook).toContain(region.name);
    for (const unit of stats.recommenders.units) expect(figuresBook).toContain(unit.name);
    for (const d of stats.byDirection) for (const sf of d.subfields.filter((x: { count: number }) => x.count > 0)) expect(figuresBook).toContain(sf.code);
    expect(stats.totals.applications).toBeGreaterThan(0);

    const auditor = s.sessions.audit_admin;
    const events = (await as(s.t.app, auditor, { method: 'GET', url: '/api/audit/events?result=denied&limit=500' })).json().items;
    const csv = (await as(s.t.app, auditor, { method: 'GET', url: '/api/audit/export?result=denied' })).body.trim().split('\r\n');
    expect(csv.length - 1).toBeGreaterThanOrEqual(events.length);
    figures.lists = (figures.lists ?? 0) + 4;
  });
});
