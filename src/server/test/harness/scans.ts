// Scans of answers (QUALITY S9, S12): security headers on every answer, no caching of private ones, errors in the one
// error shape without stack traces or SQL, and no planted personal data in public answers or in log lines.
import ExcelJS from 'exceljs';
import { ERROR_CODES } from '../../../shared/errors.js';
import { SECURITY_HEADERS } from '../../http/security-headers.js';
import { CANARY } from './scenario.js';

/** Public routes whose answer is the same for everyone, so shared caches may keep it. Add a route here only if its
 * answer never depends on who asks.
 * The public statistics (JSON and workbook) qualify: computed alike for every caller (no session, no language: names
 * come in both), without personal data (small cells suppressed, organizations and units only), and by design served
 * up to a minute old from statistics_cache, so a shared cache that keeps them no longer than what is left of that
 * minute changes nothing anyone may see; the workbook's per-address rate limit protects the server, which a cache only
 * relieves. Their errors (404, 429) stay no-store like every error. */
export const PUBLIC_CACHEABLE = new Set(['GET /api/programs/:programId/catalogue', 'GET /api/public/programs/:programId/statistics', 'GET /api/public/programs/:programId/statistics.xlsx']);

export interface ScannedAnswer {
  route: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

const label = (a: ScannedAnswer) => `${a.route} (${a.status})`;

export function headerProblems(a: ScannedAnswer): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (a.headers[name] !== value) problems.push(`${label(a)}: header ${name} is ${JSON.stringify(a.headers[name])}, not ${JSON.stringify(value)}`);
  }
  if (!String(a.headers['content-security-policy'] ?? '').includes("frame-ancestors 'none'")) problems.push(`${label(a)}: CSP without frame-ancestors 'none'`);
  const cache = String(a.headers['cache-control'] ?? '');
  const cacheable = PUBLIC_CACHEABLE.has(a.route) && (a.status === 200 || a.status === 304);
  if (!cacheable && !/\bno-store\b/.test(cache)) problems.push(`${label(a)}: cache-control is ${JSON.stringify(cache)}, private and error answers need no-store`);
  const type = String(a.headers['content-type'] ?? '');
  if ((a.headers['content-disposition'] ?? '').toString().startsWith('attachment') === false && /pdf|spreadsheet|octet-stream|csv/.test(type)) {
    problems.push(`${label(a)}: a file (${type}) sent without Content-Disposition: attachment`);
  }
  return problems;
}

/** What gives internals away in an error body: stack frames, source paths, SQL and the database's own messages. */
export const LEAK_PATTERNS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \(?(?:file:\/\/)?\/[^\s)]+:\d+:\d+\)?/],
  ['a source path', /node_modules|\/src\/server\/|\.ts:\d+|\.js:\d+/],
  ['SQL', /\b(?:SELECT\s[\s\S]{0,300}\sFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b/i],
  ['a database message', /syntax error at or near|violates (?:foreign key|unique|check|not-null) constraint|duplicate key value|relation "[^"]+" does not exist|column "[^"]+" does not exist|invalid input syntax for|Failed query|DrizzleQueryError|PostgresError/],
  ['a JavaScript error', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError): /],
];

export function leaks(text: string): string[] {
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Every string inside a JSON value (so escaped quotes and newlines are read as written). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

export function errorBodyProblems(a: ScannedAnswer): string[] {
  if (a.status < 400) return [];
  const text = a.body.toString('utf8');
  let decoded = '';
  try {
    decoded = strings(JSON.parse(text)).join('\n');
  } catch {
    // Not JSON: reported below.
  }
  const problems = leaks(`${text}\n${decoded}`).map((what) => `${label(a)}: the error body shows ${what}: ${text.slice(0, 200)}`);
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (!body.error || !(ERROR_CODES as readonly unknown[]).includes(body.error.code) || typeof body.error.message !== 'string') {
      problems.push(`${label(a)}: not the error shape { error: { code, message } }: ${text.slice(0, 200)}`);
    }
  } catch {
    problems.push(`${label(a)}: an error body that is not JSON: ${text.slice(0, 200)}`);
  }
  return problems;
}

/** The text of an answer as a person would read it: spreadsheets are unzipped cell by cell. */
export async function readableText(a: Pick<ScannedAnswer, 'headers' | 'body'>): Promise<string> {
  if (String(a.headers['content-type'] ?? '').includes('spreadsheetml') && a.body.length > 0) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(a.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return a.body.toString('utf8');
}

export const CANARIES: readonly string[] = [...CANARY.phones, ...CANARY.emails];

export function canaryHits(text: string, canaries: readonly string[] = CANARIES): string[] {
  return canaries.filter((c) => text.includes(c));
}
