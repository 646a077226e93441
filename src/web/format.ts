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
