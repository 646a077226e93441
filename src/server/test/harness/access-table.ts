// The shape of the hand-written expected table (expected-access*.ts) and how a row gives the expected answer of one
// caller on one relation. Defaults follow API.md's order of checks: authentication (401), the route's roles (403),
// visibility (404; 403 for objects everybody may see, such as programs and recommending units), permission (403).
import type { InjectOptions } from 'fastify';
import type { Caller, Relation } from './callers.js';
import type { PreparedData } from './matrix-data.js';
import type { Target, TargetKind } from './relations.js';
import type { Scenario, ScenarioIds } from './scenario.js';

/** 'ok': the call gets past every access check (any answer below 500 except 401, 403 and 404, unless `ok` says). */
export type Expected = 'ok' | 401 | 403 | 404;

export interface Probe {
  caller: Caller;
  relation: Relation;
  target: Target;
  ids: ScenarioIds;
  data: PreparedData;
  scenario: Scenario;
}

export type ProbeRequest = Omit<InjectOptions, 'method' | 'url'> & { url: string; method?: string };

export interface RouteExpectation {
  /** What the path (or body) names: decides which relations are probed (relations.ts). */
  on: TargetKind;
  /** Who may call the route at all, as API.md's "who" column says; everybody else answers 401 or 403. */
  gate: 'public' | 'signed_in' | readonly Caller[];
  /** The relations each caller acts on; 'all' is every relation but `missing`. Without it, everyone past the gate
   * acts on everything. */
  allow?: Partial<Record<Caller, readonly Relation[] | 'all'>>;
  /** Relations a caller sees but may not act on: 403. */
  forbid?: Partial<Record<Caller, readonly Relation[]>>;
  /** What a relation the caller may not see answers; by default 404, or 403 for objects everyone may see. */
  hidden?: 403 | 404;
  /** Single cells, where the defaults do not describe the contract. */
  cells?: Partial<Record<Caller, Partial<Record<Relation, Expected>>>>;
  /** The statuses an allowed call may answer, when "past the access checks" is too loose. */
  ok?: readonly number[];
  /** Relations not probed on this route (a call would change what later calls probe). */
  skip?: readonly Relation[];
  /** A new session for each call (the route ends the session it is called with). */
  freshSession?: boolean;
  request(probe: Probe): ProbeRequest;
}

export type ExpectedTable = Record<string, RouteExpectation>;

/** Objects any visitor may see: refusing to act on them is 403, not 404. */
const PUBLIC_PARENTS: ReadonlySet<TargetKind> = new Set(['program', 'round', 'unit', 'direction', 'subfield', 'indicator', 'notice', 'selection', 'round_entry', 'program_expert', 'job']);

export function expectedOutcome(row: RouteExpectation, caller: Caller, relation: Relation): Expected {
  const cell = row.cells?.[caller]?.[relation];
  if (cell !== undefined) return cell;
  if (row.gate !== 'public') {
    if (caller === 'anonymous') return 401;
    if (row.gate !== 'signed_in' && !row.gate.includes(caller)) return 403;
  }
  if (relation === 'missing') return 404;
  const allowed = row.allow ? (row.allow[caller] ?? []) : 'all';
  if (allowed === 'all' || allowed.includes(relation)) return 'ok';
  if (row.forbid?.[caller]?.includes(relation)) return 403;
  return row.hidden ?? (PUBLIC_PARENTS.has(row.on) ? 403 : 404);
}

export function matches(expected: Expected, status: number, ok?: readonly number[]): boolean {
  if (expected !== 'ok') return status === expected;
  if (ok) return ok.includes(status);
  return status < 500 && status !== 401 && status !== 403 && status !== 404;
}

/** Fills `:name` parameters of a route from a target (the rest of the target is the request's business). */
export function fillPath(url: string, target: Target): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const value = target[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(value);
  });
}

export const PROGRAM_ADMINS = ['program_admin', 'program_admin_all'] as const;
export const APPLICANTS = ['applicant', 'org_admin'] as const;

/** A route under /api/admin/programs/:programId/…: the program admin of P1 there, the one of all programs anywhere. */
export function programRoute(request: RouteExpectation['request'], extra: Partial<RouteExpectation> = {}): RouteExpectation {
  return { on: 'program', gate: PROGRAM_ADMINS, allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] }, request, ...extra };
}
