// Dates as people in the program read them: Beijing time, whatever the browser's own zone.
import type { Lang } from '../shared/errors.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatBeijing(iso: string | Date, lang: Lang, withTime = true): string {
  const key = `${lang}:${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, format);
  }
  return format.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export type PhaseState = 'done' | 'current' | 'upcoming';

export function phaseState(phase: { opensAt: string; closesAt: string }, now: number): PhaseState {
  if (now >= Date.parse(phase.closesAt)) return 'done';
  if (now >= Date.parse(phase.opensAt)) return 'current';
  return 'upcoming';
}

export interface NextDeadline {
  key: string;
  edge: 'opens' | 'closes';
  at: number;
}

/** The next moment that matters: the earliest closing of an open phase, else the earliest opening ahead. */
export function nextDeadline(phases: Array<{ key: string; opensAt: string; closesAt: string }>, now: number): NextDeadline | null {
  const open = phases.filter((p) => phaseState(p, now) === 'current').sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  if (open[0]) return { key: open[0].key, edge: 'closes', at: Date.parse(open[0].closesAt) };
  const ahead = phases.filter((p) => phaseState(p, now) === 'upcoming').sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt));
  return ahead[0] ? { key: ahead[0].key, edge: 'opens', at: Date.parse(ahead[0].opensAt) } : null;
}

export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** An instant as the value of a datetime-local input showing Beijing time ("2026-12-25T17:00"). */
export function toBeijingInput(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** A datetime-local value read as Beijing time, as ISO 8601 with its offset. */
export const fromBeijingInput = (value: string): string => `${value}:00+08:00`;

/** A catalogue entry's name in the reader's language (the Chinese one when there is no English). */
export const entryName = (e: { name: string; nameEn: string }, lang: Lang): string => (lang === 'zh' || !e.nameEn ? e.name : e.nameEn);

/** "D01-01 车载智能芯片" for every subfield of a catalogue, by id. */
export function subfieldLabels(catalogue: { directions: Array<{ subfields: Array<{ id: string; code: string; name: string; nameEn: string }> }> } | null | undefined, lang: Lang) {
  return new Map((catalogue?.directions ?? []).flatMap((d) => d.subfields.map((s) => [s.id, `${s.code} ${entryName(s, lang)}`] as const)));
}
