// The permission matrix (QUALITY S2): every registered API route × every caller × every relation the route's object
// has for that caller, compared with the hand-written expected table. Every answer is kept for the header, error
// body and personal-data scans.
import type { RegisteredRoute } from '../../http/access.js';
import { as } from '../factories.js';
import { expectedOutcome, matches, type ExpectedTable, type RouteExpectation } from './access-table.js';
import { CALLERS, type Caller, type Relation } from './callers.js';
import { prepareData, type PreparedData } from './matrix-data.js';
import { targetsFor } from './relations.js';
import type { Scenario } from './scenario.js';

export const TABLE_FILES = 'src/server/test/harness/expected-access.ts (or expected-access-work.ts, expected-access-evaluation.ts)';

export interface Answer {
  route: string;
  caller: Caller;
  relation: Relation;
  /** The route is open to the public (its answers must carry no personal data). */
  publicRoute: boolean;
  signedIn: boolean;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

export interface MatrixReport {
  requests: number;
  /** One line per answer that differs from the table. */
  mismatches: string[];
  /** Registered routes without a row, and rows without a route. */
  missingRows: string[];
  staleRows: string[];
  answers: Answer[];
}

export const routeKey = (r: Pick<RegisteredRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** The API routes the matrix covers (HEAD routes answer as their GET and are covered by it). */
export function apiRoutes(routes: RegisteredRoute[]): RegisteredRoute[] {
  return routes.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
}

export function missingRowMessage(key: string): string {
  return `${key} has no row in the expected table: add a row to ${TABLE_FILES} saying who may call it (from API.md), on which object, and how to call it`;
}

export async function runMatrix(
  scenario: Scenario,
  table: ExpectedTable,
  options: { only?: (key: string) => boolean; data?: PreparedData } = {},
): Promise<MatrixReport> {
  const routes = apiRoutes(scenario.t.routes).filter((r) => !options.only || options.only(routeKey(r)));
  const keys = new Set(routes.map(routeKey));
  const report: MatrixReport = {
    requests: 0,
    mismatches: [],
    missingRows: routes.map(routeKey).filter((k) => !table[k]).map(missingRowMessage),
    staleRows: options.only ? [] : Object.keys(table).filter((k) => !keys.has(k)).map((k) => `${k} is in the expected table but no longer registered: remove its row`),
    answers: [],
  };
  const data = options.data ?? (await prepareData(scenario));
  for (const route of routes) {
    const key = routeKey(route);
    const row = table[key];
    if (!row) continue;
    for (const caller of CALLERS) {
      for (const [relation, target] of Object.entries(targetsFor(row.on, scenario.ids, caller)) as Array<[Relation, Record<string, string>]>) {
        if (row.skip?.includes(relation)) continue;
        await probe(scenario, data, report, key, row, caller, relation, target);
      }
    }
  }
  return report;
}

async function probe(scenario: Scenario, data: PreparedData, report: MatrixReport, key: string, row: RouteExpectation, caller: Caller, relation: Relation, target: Record<string, string>) {
  const expected = expectedOutcome(row, caller, relation);
  const { method, ...request } = row.request({ caller, relation, target, ids: scenario.ids, data, scenario });
  const session = row.freshSession ? await scenario.freshSession(caller) : scenario.sessions[caller];
  const res = await as(scenario.t.app, session, { ...request, method: (method ?? key.split(' ')[0]) as 'GET' });
  report.requests += 1;
  report.answers.push({ route: key, caller, relation, publicRoute: row.gate === 'public', signedIn: session !== null, status: res.statusCode, headers: res.headers, body: res.rawPayload });
  if (res.statusCode >= 500 || !matches(expected, res.statusCode, row.ok)) {
    const want = expected === 'ok' ? (row.ok ? row.ok.join('|') : 'past the access checks') : String(expected);
    report.mismatches.push(`${key} as ${caller} on ${relation}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
  }
}
