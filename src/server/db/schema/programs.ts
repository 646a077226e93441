// Programs (榜单) and their phases; the catalogue tables join them in the catalogue issue.
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PHASE_KEYS, type ProgramSection } from '../../../shared/schemas/system.js';
import { sqlWordList } from '../sql-text.js';

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull(),
    description: text('description').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    builtIn: boolean('built_in').notNull().default(false),
    finalistsPerSubfield: integer('finalists_per_subfield').notNull().default(5),
    winnersPerSubfield: integer('winners_per_subfield').notNull().default(3),
    applicationsPerApplicant: integer('applications_per_applicant').notNull().default(3),
    /** Optional: how many applications one recommending unit may recommend per direction. */
    recommendationsPerDirection: integer('recommendations_per_direction'),
    /** Conflict rule of the program: experts do not review applicants of their own province. */
    conflictSameProvince: boolean('conflict_same_province').notNull().default(false),
    /** How many working days a public notice lasts at least (公示期, 5 by default). */
    noticeWorkingDays: integer('notice_working_days').notNull().default(5),
    /** Application sections (key, title, required, maxLength), defined with the program. */
    sections: jsonb('sections').$type<ProgramSection[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('programs_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{1,39}$'`),
    check('programs_quotas_positive', sql`${t.finalistsPerSubfield} > 0 AND ${t.winnersPerSubfield} > 0 AND ${t.applicationsPerApplicant} > 0`),
    check('programs_winners_within_finalists', sql`${t.winnersPerSubfield} <= ${t.finalistsPerSubfield}`),
  ],
);

export const programPhases = pgTable(
  'program_phases',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    key: text('key', { enum: PHASE_KEYS }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.key] }),
    check('program_phases_key', sql`${t.key} IN (${sqlWordList(PHASE_KEYS)})`),
    check('program_phases_order', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);
