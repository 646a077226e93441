// The mass-assignment property (QUALITY S4) over the routes of an app: a valid body (the expected table's) with random
// extra fields must be refused with 400 VALIDATION_FAILED naming the field, and nothing stored may change.
import fc from 'fast-check';
import { sqlText } from '../../db/sql-text.js';
import { as } from '../factories.js';
import type { ExpectedTable } from './access-table.js';
import { PROTOTYPE_KEYS, extraMembers } from './extra-fields.js';
import { fuzzCaller, type OpenApi } from './fuzz.js';
import type { PreparedData } from './matrix-data.js';
import { apiRoutes, routeKey } from './matrix.js';
import type { Scenario } from './scenario.js';
import { jsonWithMembers, type JsonSchema } from './schema-arbitrary.js';

/** Everything a client must not be able to set by sending a field: read as one digest. */
const PROTECTED = ['applications', 'submissions', 'attachments', 'reviews', 'review_assignments', 'selections', 'notices', 'objections', 'recommendation_batches', 'users', 'organizations', 'recommenders', 'programs', 'program_phases', 'review_rounds', 'app_settings', 'lab_assignments', 'lab_reports', 'measurements', 'progress_milestones', 'progress_reports', 'progress_report_files'];

export interface MassAssignmentReport {
  routes: number;
  requests: number;
  refused: number;
  unchanged: number;
  noBody: number;
  failures: string[];
}

async function storedDigest(s: Scenario): Promise<string> {
  const parts = await Promise.all(
    PROTECTED.map(async (table) => (await s.t.database.pool.query<{ d: string }>(sqlText`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${table} t`)).rows[0]!.d),
  );
  return parts.join(':');
}

export async function probeMassAssignment(
  s: Scenario,
  table: ExpectedTable,
  data: PreparedData,
  options: { runs: number; seed: number; skip?: ReadonlySet<string>; only?: (key: string) => boolean },
): Promise<MassAssignmentReport> {
  const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  const results: MassAssignmentReport = { routes: 0, requests: 0, refused: 0, unchanged: 0, noBody: 0, failures: [] };
  const failures = results.failures;
  for (const route of apiRoutes(s.t.routes).filter((r) => r.method !== 'GET' && (!options.only || options.only(routeKey(r))))) {
    const key = routeKey(route);
    const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
    const schema = op?.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
    if (!schema || schema.type !== 'object') {
      if (!op?.requestBody) results.noBody += 1;
      continue;
    }
    if (options.skip?.has(key)) continue;
    const row = table[key]!;
    const { caller, target } = fuzzCaller(table, key, s);
    const request = row.request({ caller, relation: target.programId === s.ids.p2 ? 'other_program' : 'own', target, ids: s.ids, data, scenario: s });
    const base = (request.payload ?? {}) as Record<string, unknown>;
    const allowed = new Set(Object.keys(schema.properties ?? {}));
    const nested = Object.entries(schema.properties ?? {}).find(([k, p]) => p.type === 'object' && p.additionalProperties === false && base[k] && typeof base[k] === 'object');
    const session = await s.freshSession(caller);
    const before = await storedDigest(s);
    results.routes += 1;
    await fc.assert(
      fc.asyncProperty(extraMembers(allowed), fc.boolean(), async (members, inside) => {
        let text = jsonWithMembers(base, members);
        let named = members.map(([k]) => k);
        if (inside && nested) {
          // The same fields one level down, in a strict nested object (e.g. the responsible person).
          const [field] = nested;
          const inner = jsonWithMembers(base[field], members.filter(([k]) => !Object.keys(nested[1].properties ?? {}).includes(k)));
          text = JSON.stringify({ ...base, [field]: '\u0000placeholder' }).replace('"\\u0000placeholder"', inner);
          named = members.map(([k]) => `${field}.${k}`);
        }
        const res = await as(s.t.app, session, { method: route.method as 'POST', url: request.url, headers: { 'content-type': 'application/json', ...(request.headers as Record<string, string>) }, payload: text });
        results.requests += 1;
        const body = (res.headers['content-type'] ?? '').toString().includes('json') ? (res.json() as { error?: { code: string; details?: Array<{ path: string }> } }) : {};
        const paths = (body.error?.details ?? []).map((d) => d.path);
        const byPrototype = members.some(([k]) => PROTOTYPE_KEYS.includes(k));
        const ok = res.statusCode === 400 && body.error?.code === 'VALIDATION_FAILED' && (byPrototype || named.some((n) => paths.includes(n)));
        if (ok) results.refused += 1;
        else failures.push(`${key} as ${caller} with ${text.slice(0, 200)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        return ok;
      }),
      { numRuns: options.runs, seed: options.seed, endOnFailure: true },
    ).catch(() => undefined);
    if ((await storedDigest(s)) === before) results.unchanged += 1;
    else failures.push(`${key}: stored rows changed after requests that were all to be refused`);
  }
  return results;
}
