// Background jobs as users see them: what was asked, by whom, how far it has got, and its result. The queue itself
// (delivery, retries, several app processes) is pg-boss's, in its own schema; this table is what the pages read.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { programs } from './programs.js';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the job does, e.g. `assignment`. */
    kind: text('kind').notNull(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    /** The step it is in and how far through it (done of total; total 0 when it cannot be counted). */
    phase: text('phase'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** Why it failed, in both languages. */
    error: jsonb('error').$type<{ zh: string; en: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('background_jobs_program_kind_idx').on(t.programId, t.kind, t.createdAt),
    check('background_jobs_state_check', sql`${t.state} IN ('queued', 'running', 'done', 'failed')`),
    check('background_jobs_progress_check', sql`${t.done} >= 0 AND ${t.total} >= 0`),
  ],
);
