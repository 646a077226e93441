// Lists and exports against their detail routes (QUALITY S3): per caller, the ids a list returns are exactly the ids
// whose detail call succeeds (filters narrow both alike); an export says what its JSON list says.
import { as, type Session } from '../factories.js';
import { CALLERS, type Caller } from './callers.js';
import { readableText } from './scans.js';
import type { Scenario } from './scenario.js';

export interface ListCheck {
  /** The list route, e.g. `/api/applications?programId=…`; it is followed through `nextCursor`. */
  list: string;
  /** Every id that exists, whoever may see it. */
  universe: string[];
  /** The detail route of one id. */
  detail: (id: string) => string;
  /** Which of the universe the filter of the list keeps (all by default). */
  filter?: (id: string) => boolean;
  /** The ids of a list item. */
  idOf?: (item: Record<string, unknown>) => string;
}

async function listIds(s: Scenario, session: Session | null, check: ListCheck): Promise<string[] | number> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = cursor ? `${check.list}${check.list.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : check.list;
    const res = await as(s.t.app, session, { method: 'GET', url });
    if (res.statusCode !== 200) return res.statusCode;
    const body = res.json() as { items: Array<Record<string, unknown>>; nextCursor: string | null };
    ids.push(...body.items.map((item) => (check.idOf ? check.idOf(item) : String(item.id))));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

/** One line per caller whose list differs from what its detail route allows. */
export async function listDetailMismatches(s: Scenario, check: ListCheck, callers: readonly Caller[] = CALLERS): Promise<string[]> {
  const problems: string[] = [];
  for (const caller of callers) {
    const session = s.sessions[caller];
    const listed = await listIds(s, session, check);
    if (typeof listed === 'number') {
      if (session) problems.push(`${check.list} as ${caller}: the list answered ${listed}`);
      continue;
    }
    const allowed: string[] = [];
    for (const id of check.universe.filter(check.filter ?? (() => true))) {
      if ((await as(s.t.app, session, { method: 'GET', url: check.detail(id) })).statusCode === 200) allowed.push(id);
    }
    const extra = listed.filter((id) => !allowed.includes(id));
    const absent = allowed.filter((id) => !listed.includes(id));
    if (new Set(listed).size !== listed.length) problems.push(`${check.list} as ${caller}: lists an id twice`);
    if (extra.length > 0) problems.push(`${check.list} as ${caller}: lists ${extra.length} id(s) its detail route refuses: ${extra.join(', ')}`);
    if (absent.length > 0) problems.push(`${check.list} as ${caller}: leaves out ${absent.length} id(s) its detail route shows: ${absent.join(', ')}`);
  }
  return problems;
}

/** Every cell text of a spreadsheet export, to compare with its JSON list. */
export async function exportText(s: Scenario, session: Session | null, url: string): Promise<string> {
  const res = await as(s.t.app, session, { method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  return readableText({ headers: res.headers, body: res.rawPayload });
}
