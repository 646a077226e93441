// The catalogue (榜单) of a program: directions → subfields → reference indicators; and the audited phase changes.
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ReviewCriterion } from '../../../shared/schemas/catalogue.js';
import type { ProgramQuotas } from '../../../shared/schemas/system.js';
import { programs } from './programs.js';

export const DIRECTION_GROUPS = ['智能产品', '核心基础', '智能制造', '支撑体系'] as const;
export const INDICATOR_KINDS = ['number', 'boolean', 'text'] as const;

const entry = {
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  /** Whether a public source confirms the entry; unconfirmed ones are shown as examples (示例). */
  confirmed: boolean('confirmed').notNull().default(false),
  source: text('source').notNull().default(''),
  note: text('note').notNull().default(''),
  position: integer('position').notNull().default(0),
  /** Retired entries stay for the applications that use them but take no new ones. */
  retired: boolean('retired').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const directions = pgTable(
  'directions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    group: text('group').notNull(),
    planSummary: text('plan_summary').notNull().default(''),
    ...entry,
  },
  (t) => [unique('directions_program_code').on(t.programId, t.code), check('directions_code_format', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`)],
);

export const subfields = pgTable(
  'subfields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    directionId: uuid('direction_id')
      .notNull()
      .references(() => directions.id, { onDelete: 'cascade' }),
    /** Overrides of the program's quotas for this subfield; null uses the program's. */
    finalistsQuota: integer('finalists_quota'),
    winnersQuota: integer('winners_quota'),
    ...entry,
  },
  (t) => [
    unique('subfields_program_code').on(t.programId, t.code),
    index('subfields_direction').on(t.directionId),
    check('subfields_quotas_positive', sql`coalesce(${t.finalistsQuota}, 1) > 0 AND coalesce(${t.winnersQuota}, 1) > 0`),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    subfieldId: uuid('subfield_id')
      .notNull()
      .references(() => subfields.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: INDICATOR_KINDS }).notNull(),
    unit: text('unit').notNull().default(''),
    better: text('better', { enum: ['higher', 'lower'] }),
    planTargetText: text('plan_target_text'),
    planComparator: text('plan_comparator', { enum: ['<', '<=', '>', '>='] }),
    planValue: doublePrecision('plan_value'),
    ...entry,
  },
  (t) => [
    unique('indicators_program_code').on(t.programId, t.code),
    index('indicators_subfield').on(t.subfieldId),
    check('indicators_kind', sql`${t.kind} IN ('number', 'boolean', 'text')`),
    check('indicators_number_has_better', sql`(${t.kind} = 'number') = (${t.better} IS NOT NULL)`),
    check('indicators_better', sql`${t.better} IS NULL OR ${t.better} IN ('higher', 'lower')`),
    check('indicators_comparator', sql`${t.planComparator} IS NULL OR ${t.planComparator} IN ('<', '<=', '>', '>=')`),
    check('indicators_plan_value_with_comparator', sql`(${t.planComparator} IS NULL) = (${t.planValue} IS NULL)`),
  ],
);

/** Review rounds of a program (网络初评, 会评答辩, 现场评估, final evaluation) with their scoring criteria. */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** The phase the round runs in: expert review, or the final evaluation after the attack period. */
    phase: text('phase', { enum: ['review', 'evaluation'] }).notNull().default('review'),
    position: integer('position').notNull().default(0),
    criteria: jsonb('criteria').$type<ReviewCriterion[]>().notNull().default([]),
    /** How the round is run (set by its admins, not part of the program document): experts per application, the
     * most applications per expert, when reviews are due, and whether an expert who has submitted sees the other
     * reviews of the same application (names and scores). */
    reviewersPerApplication: integer('reviewers_per_application').notNull().default(3),
    maxPerExpert: integer('max_per_expert').notNull().default(10),
    dueAt: timestamp('due_at', { withTimezone: true }),
    peerVisibility: boolean('peer_visibility').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('review_rounds_program_key').on(t.programId, t.key),
    check('review_rounds_reviewers', sql`${t.reviewersPerApplication} BETWEEN 1 AND 20`),
    check('review_rounds_max_per_expert', sql`${t.maxPerExpert} BETWEEN 1 AND 500`),
    check('review_rounds_key_format', sql`${t.key} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('review_rounds_phase', sql`${t.phase} IN ('review', 'evaluation')`),
  ],
);

/** Every change of a phase's dates; those made after the phase opened are shown on the public timeline. */
export const phaseChanges = pgTable(
  'phase_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    oldOpensAt: timestamp('old_opens_at', { withTimezone: true }),
    oldClosesAt: timestamp('old_closes_at', { withTimezone: true }),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** The phase had already opened when it was changed. */
    afterOpening: boolean('after_opening').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    changedBy: uuid('changed_by'),
  },
  (t) => [index('phase_changes_program').on(t.programId)],
);

/** Every change of a program's quotas; those made once the program had opened are shown on the public timeline. */
export const quotaChanges = pgTable(
  'quota_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    before: jsonb('before').$type<ProgramQuotas>().notNull(),
    after: jsonb('after').$type<ProgramQuotas>().notNull(),
    /** The application phase had already opened when the quotas changed. */
    afterOpening: boolean('after_opening').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    changedBy: uuid('changed_by'),
  },
  (t) => [index('quota_changes_program').on(t.programId)],
);
