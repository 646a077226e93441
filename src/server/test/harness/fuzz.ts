// Fuzzing every route from its schema in the OpenAPI document (QUALITY R1): valid, boundary, wrong-typed, huge,
// Unicode-edge and prototype-polluting bodies, hostile path parameters and duplicated query parameters, sent as a
// caller the expected table lets through; no answer may be a 5xx, and the invariants must hold after every batch.
import fc from 'fast-check';
import { checkInvariants } from '../../invariants.js';
import { as } from '../factories.js';
import { expectedOutcome, type ExpectedTable } from './access-table.js';
import type { Caller, Relation } from './callers.js';
import { apiRoutes, routeKey } from './matrix.js';
import { targetsFor } from './relations.js';
import type { Scenario } from './scenario.js';
import { errorBodyProblems, headerProblems } from './scans.js';
import { hostileBody, paramArbitrary, STRANGE_STRINGS, validArbitrary, type JsonSchema } from './schema-arbitrary.js';

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export type OpenApi = { paths: Record<string, Record<string, Operation>> };

export interface FuzzReport {
  routes: number;
  requests: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  serverErrors: string[];
  invariantFailures: string[];
  errorBodies: string[];
  headers: string[];
  batches: number;
}

/** Callers tried in this order: the first the table lets through is the one that fuzzes the route. */
const PREFERRED: Caller[] = ['program_admin_all', 'org_admin', 'applicant', 'recommender', 'expert', 'security_admin', 'system_admin', 'audit_admin', 'program_admin', 'lab', 'anonymous'];

export function fuzzCaller(table: ExpectedTable, key: string, s: Scenario): { caller: Caller; target: Record<string, string> } {
  const row = table[key];
  if (!row) return { caller: 'program_admin_all', target: {} };
  for (const caller of PREFERRED) {
    const targets = targetsFor(row.on, s.ids, caller);
    for (const relation of ['none', 'own', 'draft', 'other_program'] as Relation[]) {
      if (targets[relation] && expectedOutcome(row, caller, relation) === 'ok') return { caller, target: targets[relation]! };
    }
  }
  return { caller: 'anonymous', target: {} };
}

function requestArbitrary(op: Operation, target: Record<string, string>) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path');
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const headers = (op.parameters ?? []).filter((p) => p.in === 'header');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const queryValue = (p: Parameter) => fc.oneof({ weight: 3, arbitrary: validArbitrary(p.schema).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...STRANGE_STRINGS, 'x'.repeat(3000)) });
  return fc.record({
    params: fc.record(Object.fromEntries(params.map((p) => [p.name, paramArbitrary(p.schema, target[p.name])]))),
    query: fc.record(Object.fromEntries(query.map((p) => [p.name, queryValue(p)])), { requiredKeys: [] }),
    duplicate: fc.option(fc.tuple(fc.constantFrom(...(query.length > 0 ? query.map((p) => p.name) : ['limit'])), fc.string({ maxLength: 20 })), { freq: 3 }),
    headers: fc.record(Object.fromEntries(headers.map((p) => [p.name, fc.oneof(validArbitrary(p.schema).map(String), fc.constantFrom('', 'x'.repeat(500), 'k\u00e9y'))])), { requiredKeys: [] }),
    body: bodySchema ? hostileBody(validArbitrary(bodySchema)) : fc.option(fc.constantFrom({ kind: 'unexpected body', text: '{"status":"winner"}' }), { freq: 4 }),
    lang: fc.constantFrom('zh-CN', 'en', 'fr;q=0.5', '*'),
  });
}

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on them). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

function urlOf(route: string, params: Record<string, string>, query: Record<string, string>, duplicate: [string, string] | null): string {
  const path = route.replace(/:(\w+)/g, (_, name: string) => encode(params[name] ?? 'x'));
  const search = new URLSearchParams(query);
  if (duplicate) search.append(duplicate[0], duplicate[1]);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Fuzzes each route with `runs` requests; seeds are derived from `seed`, so a finding can be replayed. */
export async function fuzzRoutes(s: Scenario, table: ExpectedTable, options: { runs: number; seed: number; only?: (key: string) => boolean }): Promise<FuzzReport> {
  const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  const report: FuzzReport = { routes: 0, requests: 0, byKind: {}, byStatus: {}, serverErrors: [], invariantFailures: [], errorBodies: [], headers: [], batches: 0 };
  const routes = apiRoutes(s.t.routes).filter((r) => !options.only || options.only(routeKey(r)));
  for (const [index, route] of routes.entries()) {
    const key = routeKey(route);
    const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] ?? {};
    const { caller, target } = fuzzCaller(table, key, s);
    const session = await s.freshSession(caller);
    const seed = options.seed + index;
    report.routes += 1;
    for (const sample of fc.sample(requestArbitrary(op, target), { numRuns: options.runs, seed })) {
      const body = sample.body as { kind: string; text: string } | null;
      const url = urlOf(route.url, sample.params as Record<string, string>, sample.query as Record<string, string>, sample.duplicate as [string, string] | null);
      const headers: Record<string, string> = { 'accept-language': sample.lang, ...(sample.headers as Record<string, string>) };
      if (body) headers['content-type'] = 'application/json';
      const res = await as(s.t.app, session, { method: route.method as 'GET', url, headers, payload: body ? body.text : undefined });
      report.requests += 1;
      const kind = body?.kind ?? 'no body';
      report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
      report.byStatus[String(res.statusCode)] = (report.byStatus[String(res.statusCode)] ?? 0) + 1;
      if (res.statusCode >= 500) report.serverErrors.push(`${key} as ${caller} (seed ${seed}, ${kind}): ${res.statusCode} for ${url.slice(0, 200)} ${body?.text.slice(0, 200) ?? ''}`);
      const answer = { route: key, status: res.statusCode, headers: res.headers, body: res.rawPayload };
      report.errorBodies.push(...errorBodyProblems(answer));
      report.headers.push(...headerProblems(answer));
    }
    // A batch may have moved the test clock: put it back, then check the cross-table rules.
    await s.t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 0 } });
    const invariants = await checkInvariants(s.t.database.db);
    report.batches += 1;
    for (const r of invariants.results) for (const v of r.violations) report.invariantFailures.push(`after ${key}: ${r.name}: ${v}`);
  }
  return report;
}
