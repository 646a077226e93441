// Applications (申报书): the editable form, the indicator table, attachments, and every submitted version.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, type IndicatorValue, type ResponsiblePerson } from '../../../shared/schemas/applications.js';
import { organizations, recommenders, users } from './accounts.js';
import { indicators, subfields } from './catalogue.js';
import { programs } from './programs.js';
import { sqlWordList } from '../sql-text.js';

export interface StoredCustomIndicator {
  id: string;
  name: string;
  kind: 'number' | 'boolean' | 'text';
  unit: string;
  better: 'higher' | 'lower' | null;
  current: IndicatorValue;
  target: IndicatorValue;
}

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    /** Restricting: a subfield that applications use cannot be deleted, only retired. */
    subfieldId: uuid('subfield_id')
      .notNull()
      .references(() => subfields.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    title: text('title').notNull().default(''),
    responsibleUnit: text('responsible_unit').notNull().default(''),
    responsiblePerson: jsonb('responsible_person').$type<ResponsiblePerson>().notNull().default({ name: '', title: '', phone: '', email: '' }),
    recommenderId: uuid('recommender_id').references(() => recommenders.id),
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    customIndicators: jsonb('custom_indicators').$type<StoredCustomIndicator[]>().notNull().default([]),
    /** The latest receipt's number; every receipt is in `submissions`. */
    receiptNumber: text('receipt_number'),
    returnReason: text('return_reason'),
    /** The recommending unit's latest decision: its comment (推荐意见, or why it declined) and, when recommended, the
     * rank among its recommended applications of the same direction (1 = first). */
    decisionComment: text('decision_comment'),
    recommenderRank: integer('recommender_rank'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The formal check's reason when the ministry found it ineligible (the applicant sees it). */
    eligibilityReason: text('eligibility_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live application per organization and subfield; a withdrawn one frees the place.
    uniqueIndex('applications_one_per_subfield').on(t.organizationId, t.subfieldId).where(sql`${t.status} <> 'withdrawn'`),
    index('applications_program_status').on(t.programId, t.status),
    index('applications_recommender').on(t.recommenderId),
    index('applications_organization').on(t.organizationId),
    check('applications_status', sql`${t.status} IN (${sqlWordList(APPLICATION_STATUSES)})`),
    check('applications_version_positive', sql`${t.version} > 0`),
  ],
);

/** The indicator table: the unit's current level and committed target for each reference indicator. */
export const applicationIndicators = pgTable(
  'application_indicators',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** Restricting: an indicator that applications report on cannot be deleted, only retired. */
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    current: jsonb('current').$type<IndicatorValue>(),
    target: jsonb('target').$type<IndicatorValue>(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.indicatorId] }), index('application_indicators_indicator').on(t.indicatorId)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3').notNull(),
    /** Where the file store keeps the bytes (a generated name, never the uploaded one). */
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed from the application; the bytes stay, because submitted versions may list them. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('attachments_application').on(t.applicationId)],
);

/** Every submitted version, immutable (a trigger refuses updates and deletes): the receipt and what it covers. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    number: text('number').notNull().unique(),
    version: integer('version').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** The canonical content that the hashes cover. */
    content: jsonb('content').notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the request body, to tell a retry from a different request under the same key. */
    requestHash: text('request_hash').notNull(),
  },
  (t) => [uniqueIndex('submissions_idempotency').on(t.applicationId, t.idempotencyKey), index('submissions_application').on(t.applicationId)],
);

/** The next receipt sequence number per program. */
export const receiptCounters = pgTable('receipt_counters', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  last: integer('last').notNull().default(0),
});

/** A recommending unit's batch for a program: its recommended applications as sent to the ministry (推荐汇总表), with
 * the content's hashes. The latest batch that is not reopened locks the unit's decisions. */
export const recommendationBatches = pgTable(
  'recommendation_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    recommenderId: uuid('recommender_id')
      .notNull()
      .references(() => recommenders.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    content: jsonb('content').notNull(),
    sha256: text('sha256').notNull(),
    sm3: text('sm3').notNull(),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by').references(() => users.id),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    index('recommendation_batches_unit').on(t.programId, t.recommenderId),
    // At most one open (not reopened) batch per unit and program.
    uniqueIndex('recommendation_batches_open').on(t.programId, t.recommenderId).where(sql`${t.reopenedAt} IS NULL`),
  ],
);

/** Experts assigned to applications in a review round: drafts until the round is released. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    round: text('round').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    /** draft → released (experts see it) → declined (the expert declared a conflict; the place is refilled). */
    status: text('status', { enum: ['draft', 'released', 'declined'] }).notNull().default('draft'),
    /** 0–1000: the subfield (500) and the text (up to 500). */
    affinity: integer('affinity').notNull(),
    subfieldMatch: boolean('subfield_match').notNull().default(false),
    sharedTerms: text('shared_terms').array().notNull().default(sql`'{}'::text[]`),
    pinned: boolean('pinned').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** When the expert declared having no conflict (only then is the full application open to them). */
    noConflictAt: timestamp('no_conflict_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    conflictReason: text('conflict_reason'),
  },
  (t) => [
    uniqueIndex('review_assignments_pair').on(t.programId, t.round, t.applicationId, t.expertId),
    index('review_assignments_expert').on(t.expertId, t.status),
    check('review_assignments_status', sql`${t.status} IN ('draft', 'released', 'declined')`),
  ],
);

/** An expert's review of one assignment: scores per criterion and comments, saved as typed, then submitted. */
export const reviews = pgTable(
  'reviews',
  {
    assignmentId: uuid('assignment_id')
      .primaryKey()
      .references(() => reviewAssignments.id, { onDelete: 'restrict' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    comment: text('comment').notNull().default(''),
    state: text('state', { enum: ['draft', 'submitted'] }).notNull().default('draft'),
    /** Weighted total on a 0–100 scale (Σ weight × score ÷ maxScore), set at submission. */
    total: doublePrecision('total'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    check('reviews_state', sql`${t.state} IN ('draft', 'submitted')`),
    check('reviews_submitted_total', sql`(${t.state} = 'submitted') = (${t.total} IS NOT NULL AND ${t.submittedAt} IS NOT NULL)`),
  ],
);

/** Applications advanced into a later review round (the first round reviews every eligible application). */
export const roundEntries = pgTable(
  'round_entries',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    round: text('round').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    advancedBy: uuid('advanced_by')
      .notNull()
      .references(() => users.id),
    advancedAt: timestamp('advanced_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.round, t.applicationId] })],
);

/** Pairs an admin forbade for a round: never assigned, whatever the affinity. */
export const assignmentBans = pgTable(
  'assignment_bans',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    round: text('round').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.round, t.applicationId, t.expertId] })],
);

/** Defence sessions (会评答辩) and on-site visits (现场评估) of an application in a round: when, where, who, what was
 * found, and the report (a PDF kept in the file store). Part of the application's record. */
export const reviewEvents = pgTable(
  'review_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    round: text('round').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: ['defence', 'onsite'] }).notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** The room of a defence, the address of a visit. */
    place: text('place').notNull(),
    /** The panel or the visiting members, by name. */
    members: text('members').array().notNull(),
    findings: text('findings').notNull().default(''),
    reportName: text('report_name'),
    reportSize: bigint('report_size', { mode: 'number' }),
    reportSha256: text('report_sha256'),
    reportSm3: text('report_sm3'),
    reportKey: text('report_key').unique(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_events_round').on(t.programId, t.round),
    index('review_events_application').on(t.applicationId),
    check('review_events_kind', sql`${t.kind} IN ('defence', 'onsite')`),
  ],
);
