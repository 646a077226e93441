// The working-day calendar of notices: Monday to Friday, less public holidays, plus make-up working days (调休) on
// weekends. The holidays and make-up days come from the `chinese-days` package (the State Council's announcements);
// admins correct a day where the package is wrong or a new year is announced (calendar_overrides).
import { createRequire } from 'node:module';
import { and, asc, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { calendarOverrides } from '../../db/schema/index.js';

export type DayKind = 'workday' | 'holiday';

export interface Calendar {
  /** Date (YYYY-MM-DD, Beijing) → its special kind and name; other days are ordinary (weekdays work). */
  special: Map<string, { kind: DayKind; name: string }>;
}

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let builtIn: Map<string, { kind: DayKind; name: string }> | null = null;

/** The package's days: "National Day,国庆节,3" → { holiday, 国庆节 }. */
export function builtInDays(): Map<string, { kind: DayKind; name: string }> {
  if (!builtIn) {
    const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageData;
    const nameOf = (value: string) => value.split(',')[1] ?? value;
    builtIn = new Map<string, { kind: DayKind; name: string }>([
      ...Object.entries(data.holidays).map(([date, v]) => [date, { kind: 'holiday' as DayKind, name: nameOf(v) }] as [string, { kind: DayKind; name: string }]),
      ...Object.entries(data.workdays).map(([date, v]) => [date, { kind: 'workday' as DayKind, name: `${nameOf(v)}调休` }] as [string, { kind: DayKind; name: string }]),
    ]);
  }
  return builtIn;
}

/** The built-in days with the admins' corrections laid over them. */
export async function loadCalendar(db: DbOrTx): Promise<Calendar> {
  const special = new Map(builtInDays());
  for (const o of await db.select().from(calendarOverrides)) {
    if (o.kind === 'normal') special.delete(o.date);
    else special.set(o.date, { kind: o.kind, name: o.name });
  }
  return { special };
}

const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing date of an instant, as YYYY-MM-DD. */
export const beijingDate = (at: Date): string => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);

/** Midnight (Beijing) at the start of a Beijing date. */
const beijingMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_MS);

export function isWorkingDay(date: string, calendar: Calendar): boolean {
  const special = calendar.special.get(date);
  if (special) return special.kind === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * When a notice opened at `opensAt` closes after `days` working days: the opening day counts when it is a working
 * day; the notice closes at midnight (Beijing) ending the last of them.
 */
export function closeAfterWorkingDays(opensAt: Date, days: number, calendar: Calendar): Date {
  let date = beijingDate(opensAt);
  let counted = 0;
  for (let guard = 0; guard < 3660; guard += 1) {
    if (isWorkingDay(date, calendar)) counted += 1;
    if (counted >= days) return new Date(beijingMidnight(date).getTime() + DAY_MS);
    date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  }
  throw new Error('no working days in ten years');
}

/** Working days from `from` up to (not including) `to`, counting the opening day as above. */
export function workingDaysBetween(from: Date, to: Date, calendar: Calendar): number {
  let n = 0;
  for (let date = beijingDate(from); beijingMidnight(date) < to; date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)) {
    if (isWorkingDay(date, calendar) && new Date(beijingMidnight(date).getTime() + DAY_MS) <= to) n += 1;
  }
  return n;
}

/** A year's special days, built-in and corrected, for the admins' calendar page. */
export async function yearDays(db: DbOrTx, year: number) {
  const calendar = await loadCalendar(db);
  const overrides = new Map(
    (await db
      .select()
      .from(calendarOverrides)
      .where(and(gte(calendarOverrides.date, `${year}-01-01`), lte(calendarOverrides.date, `${year}-12-31`)))
      .orderBy(asc(calendarOverrides.date))).map((o) => [o.date, o]),
  );
  const dates = new Set([...calendar.special.keys()].filter((d) => d.startsWith(`${year}-`)));
  for (const d of overrides.keys()) dates.add(d);
  return [...dates].sort().map((date) => {
    const o = overrides.get(date);
    const s = calendar.special.get(date);
    return { date, kind: s?.kind ?? ('normal' as const), name: s?.name ?? '', corrected: o !== undefined, working: isWorkingDay(date, calendar) };
  });
}
