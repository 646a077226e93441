// Platform-wide settings kept in PostgreSQL (shared by every app process), e.g. the test-mode clock offset, and the
// cache of computed statistics.
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Statistics computed by the database, kept for a while so that a page read by many costs one aggregation. Shared
 * by every app process; `key` names what was computed and for which program. */
export const statisticsCache = pgTable('statistics_cache', {
  key: text('key').primaryKey(),
  payload: jsonb('payload').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});
