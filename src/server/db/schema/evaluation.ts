// Attack period and final evaluation: the program's progress-report schedule and the finalists' reports with their
// files; the test lab of each finalist, its test reports (PDF) and its measurements per declared indicator.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorValue } from '../../../shared/schemas/applications.js';
import { users } from './accounts.js';
import { applications } from './applications.js';
import { indicators } from './catalogue.js';
import { programs } from './programs.js';
import { sqlWordList } from '../sql-text.js';

export const PROGRESS_STATES = ['draft', 'submitted', 'more_requested', 'accepted'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** One step of a progress report's history, shown to the applicant and the admin. */
export interface ProgressHistoryEntry {
  action: 'submitted' | 'accepted' | 'more_requested';
  at: string;
  by: string;
  comment: string | null;
}

/** A due date of the attack period's schedule (进展报告): every confirmed finalist of the program reports by it. */
export const progressMilestones = pgTable(
  'progress_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('progress_milestones_program').on(t.programId, t.dueAt)],
);

/** A finalist's report for one due date: written, submitted, accepted or sent back for more by the admin. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => progressMilestones.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    state: text('state', { enum: PROGRESS_STATES }).notNull().default('draft'),
    content: text('content').notNull().default(''),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The admin's last word: what more is asked for, or the acceptance's remark. */
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    history: jsonb('history').$type<ProgressHistoryEntry[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('progress_reports_one').on(t.milestoneId, t.applicationId),
    index('progress_reports_application').on(t.applicationId),
    check('progress_reports_state', sql`${t.state} IN (${sqlWordList(PROGRESS_STATES)})`),
    check('progress_reports_submitted', sql`${t.state} = 'draft' OR ${t.submittedAt} IS NOT NULL`),
  ],
);

/** PDF files of a progress report, in the file store with their hashes. */
export const progressReportFiles = pgTable(
  'progress_report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id),
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('progress_report_files_report').on(t.reportId)],
);

/** The test lab (评测机构, an account with the `lab` role) that measures a confirmed finalist; one in force at a time. */
export const labAssignments = pgTable(
  'lab_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    labId: uuid('lab_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    /** Set when another lab took over; the measurements already recorded stay. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('lab_assignments_current').on(t.applicationId).where(sql`${t.endedAt} IS NULL`),
    index('lab_assignments_lab').on(t.labId),
  ],
);

/** A lab's test report (PDF) on an application, in the file store with its hashes. */
export const labReports = pgTable(
  'lab_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    labId: uuid('lab_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lab_reports_application').on(t.applicationId)],
);

/** The measured value of one declared indicator (reference or custom) of an application, as the lab recorded it. */
export const measurements = pgTable(
  'measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'restrict' }),
    /** The server-assigned id of one of the application's custom indicators. */
    customIndicatorId: text('custom_indicator_id'),
    measured: jsonb('measured').$type<Exclude<IndicatorValue, null>>().notNull(),
    method: text('method').notNull(),
    /** The Beijing date of the test. */
    testedOn: date('tested_on', { mode: 'string' }).notNull(),
    judgement: text('judgement', { enum: ['met', 'not_met'] }),
    reason: text('reason'),
    reportId: uuid('report_id').references(() => labReports.id),
    /** The lab that recorded it (its assignment may have ended since). */
    labId: uuid('lab_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The applicant's comment on the measurement. */
    comment: text('comment'),
    commentedBy: uuid('commented_by').references(() => users.id),
    commentedAt: timestamp('commented_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('measurements_indicator').on(t.applicationId, t.indicatorId).where(sql`${t.indicatorId} IS NOT NULL`),
    uniqueIndex('measurements_custom').on(t.applicationId, t.customIndicatorId).where(sql`${t.customIndicatorId} IS NOT NULL`),
    check('measurements_one_indicator', sql`(${t.indicatorId} IS NULL) <> (${t.customIndicatorId} IS NULL)`),
    check('measurements_judgement', sql`${t.judgement} IS NULL OR ${t.judgement} IN ('met', 'not_met')`),
  ],
);
