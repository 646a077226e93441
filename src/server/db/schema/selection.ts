// Selection, public notice and publication: the working-day calendar's corrections, the selections per subfield and
// stage, the notices (公示) and the objections to them.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { applications } from './applications.js';
import { subfields } from './catalogue.js';
import { programs } from './programs.js';

export const STAGES = ['finalist', 'winner'] as const;
export type Stage = (typeof STAGES)[number];

/** Admins' corrections of the built-in holiday calendar (chinese-days): a day made a working day or a holiday, or
 * back to an ordinary day. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    /** YYYY-MM-DD, Beijing date. */
    date: text('date').primaryKey(),
    kind: text('kind', { enum: ['workday', 'holiday', 'normal'] }).notNull(),
    name: text('name').notNull().default(''),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('calendar_overrides_date', sql`${t.date} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
    check('calendar_overrides_kind', sql`${t.kind} IN ('workday', 'holiday', 'normal')`),
  ],
);

/** A public notice of a stage's selections: open from opensAt to closesAt, then published. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('notices_program').on(t.programId, t.stage), check('notices_period', sql`${t.closesAt} > ${t.opensAt}`)],
);

/** An application selected as a finalist or a winner of its subfield; revoked when an objection is upheld. */
export const selections = pgTable(
  'selections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    subfieldId: uuid('subfield_id')
      .notNull()
      .references(() => subfields.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    /** Why the ranking order was departed from (required then), shown to auditors. */
    justification: text('justification'),
    selectedBy: uuid('selected_by')
      .notNull()
      .references(() => users.id),
    selectedAt: timestamp('selected_at', { withTimezone: true }).notNull(),
    noticeId: uuid('notice_id').references(() => notices.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('selections_active').on(t.applicationId, t.stage).where(sql`${t.revokedAt} IS NULL`),
    index('selections_subfield').on(t.programId, t.subfieldId, t.stage),
    check('selections_stage', sql`${t.stage} IN ('finalist', 'winner')`),
  ],
);

/** A real-name objection to a noticed entry; the objector's name and contact are for the program admin only. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] }).notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('objections_notice').on(t.noticeId), check('objections_status', sql`${t.status} IN ('open', 'upheld', 'dismissed')`)],
);
