// Working-day counting on the built-in calendar: across the National Day holiday and its make-up Saturday.
import { describe, expect, it } from 'vitest';
import { builtInDays, closeAfterWorkingDays, isWorkingDay, workingDaysBetween, type Calendar } from './calendar.js';

const calendar: Calendar = { special: builtInDays() };

describe('working-day calendar', () => {
  it('knows 2026’s National Day holiday and its make-up Saturday', () => {
    expect(isWorkingDay('2026-09-30', calendar)).toBe(true); // Wednesday
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false); // 国庆节
    expect(isWorkingDay('2026-10-07', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-25', calendar)).toBe(true);
  });

  it('closes a 5-working-day notice opened on 30 September at midnight ending 12 October', () => {
    // 9/30 (1), 10/1–10/7 holiday, 10/8 (2), 10/9 (3), 10/10 Saturday make-up (4), 10/11 Sunday, 10/12 (5).
    const opens = new Date('2026-09-30T10:00:00+08:00');
    expect(closeAfterWorkingDays(opens, 5, calendar).toISOString()).toBe(new Date('2026-10-13T00:00:00+08:00').toISOString());
    expect(workingDaysBetween(opens, new Date('2026-10-13T00:00:00+08:00'), calendar)).toBe(5);
    expect(workingDaysBetween(opens, new Date('2026-10-12T23:00:00+08:00'), calendar)).toBe(4);
  });

  it('starts counting on the next working day when the notice opens on a holiday or a weekend', () => {
    // Opens Sunday 11 October: 10/12, 13, 14, 15, 16 → closes at midnight ending Friday 16 October.
    expect(closeAfterWorkingDays(new Date('2026-10-11T09:00:00+08:00'), 5, calendar).toISOString()).toBe(new Date('2026-10-17T00:00:00+08:00').toISOString());
    // An ordinary week: opens Monday 23 November, closes at midnight ending Friday 27 November.
    expect(closeAfterWorkingDays(new Date('2026-11-23T15:00:00+08:00'), 5, calendar).toISOString()).toBe(new Date('2026-11-28T00:00:00+08:00').toISOString());
  });

  it('follows an admin’s correction of a day', () => {
    const corrected: Calendar = { special: new Map(builtInDays()) };
    corrected.special.set('2026-11-27', { kind: 'holiday', name: '临时休假' });
    expect(closeAfterWorkingDays(new Date('2026-11-23T15:00:00+08:00'), 5, corrected).toISOString()).toBe(new Date('2026-12-01T00:00:00+08:00').toISOString());
  });
});
