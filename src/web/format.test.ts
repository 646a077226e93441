// Beijing-time formatting, phase states and the next deadline on the timeline.
import { describe, expect, it } from 'vitest';
import { formatBeijing, nextDeadline, phaseState, splitDuration } from './format.js';

const phases = [
  { key: 'application', opensAt: '2026-11-25T01:00:00Z', closesAt: '2026-12-25T09:00:00Z' },
  { key: 'recommendation', opensAt: '2026-12-25T01:00:00Z', closesAt: '2027-01-09T09:00:00Z' },
];

describe('timeline helpers', () => {
  it('formats in Beijing time whatever the browser zone', () => {
    expect(formatBeijing('2026-12-25T09:00:00Z', 'zh')).toBe('2026/12/25 17:00');
  });

  it('tells closed, open and upcoming phases apart', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(phases.map((p) => phaseState(p, now))).toEqual(['current', 'upcoming']);
  });

  it('counts down to the closing of the open phase, else to the next opening', () => {
    expect(nextDeadline(phases, Date.parse('2026-12-01T00:00:00Z'))).toEqual({ key: 'application', edge: 'closes', at: Date.parse('2026-12-25T09:00:00Z') });
    expect(nextDeadline(phases, Date.parse('2026-11-01T00:00:00Z'))).toMatchObject({ key: 'application', edge: 'opens' });
    expect(nextDeadline(phases, Date.parse('2027-02-01T00:00:00Z'))).toBeNull();
    expect(splitDuration(3 * 86_400_000 + 5 * 3_600_000 + 7 * 60_000 + 59_000)).toEqual({ days: 3, hours: 5, minutes: 7 });
  });
});
