// Instants and calendar dates as requests carry them: ISO 8601, and only what PostgreSQL can store. It has no year 0,
// and an instant past year 9999 in UTC no longer has four year digits: both would fail in the database (500).
import { z } from 'zod';

function storable(at: Date): boolean {
  const year = at.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** An instant with its offset (2027-03-01T09:00:00+08:00) whose UTC year is 1 to 9999. */
export const instant = () => z.iso.datetime({ offset: true }).refine((v) => storable(new Date(v)), { message: 'instantOutOfRange' });

/** A calendar date (2027-03-01) of the years 1 to 9999. */
export const calendarDate = () => z.iso.date().refine((v) => storable(new Date(`${v}T00:00:00Z`)), { message: 'instantOutOfRange' });
