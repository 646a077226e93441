// Instants and dates of requests: ISO 8601 with an offset, and only years PostgreSQL can store (1 to 9999 in UTC).
import { describe, expect, it } from 'vitest';
import { calendarDate, instant } from './instants.js';

describe('instants', () => {
  it('take what PostgreSQL can store, whatever the offset', () => {
    for (const v of ['2027-03-01T09:00:00+08:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '9999-12-31T23:00:00+08:00']) expect(instant().safeParse(v).success, v).toBe(true);
  });

  it('refuse year 0 and instants past 9999 in UTC, naming why', () => {
    for (const v of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-12:00']) {
      const result = instant().safeParse(v);
      expect(result.success, v).toBe(false);
      expect(result.error!.issues[0]!.message).toBe('instantOutOfRange');
    }
    expect(instant().safeParse('2027-03-01T09:00:00').success).toBe(false);
  });

  it('hold for calendar dates too', () => {
    expect(calendarDate().safeParse('0001-01-01').success).toBe(true);
    expect(calendarDate().safeParse('9999-12-31').success).toBe(true);
    expect(calendarDate().safeParse('0000-12-31').error!.issues[0]!.message).toBe('instantOutOfRange');
  });
});
