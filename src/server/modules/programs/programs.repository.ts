// Queries on programs and their phases.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { PlanTarget, ReviewRound } from '../../../shared/schemas/catalogue.js';
import { directions, indicators, phaseChanges, programPhases, programs, quotaChanges, reviewRounds, subfields } from '../../db/schema/index.js';

export type ProgramRow = typeof programs.$inferSelect;
export type PhaseRow = typeof programPhases.$inferSelect;

export async function listPrograms(db: DbOrTx): Promise<ProgramRow[]> {
  // Built-in program first, then by creation.
  return db.select().from(programs).orderBy(desc(programs.builtIn), asc(programs.createdAt));
}

export async function listPhases(db: DbOrTx, programIds: string[]): Promise<PhaseRow[]> {
  if (programIds.length === 0) return [];
  return db.select().from(programPhases).where(inArray(programPhases.programId, programIds));
}

export async function findProgramByCode(db: DbOrTx, code: string): Promise<ProgramRow | undefined> {
  const rows = await db.select().from(programs).where(eq(programs.code, code));
  return rows[0];
}

export async function insertProgram(db: DbOrTx, values: typeof programs.$inferInsert): Promise<ProgramRow> {
  const rows = await db.insert(programs).values(values).returning();
  return rows[0]!;
}

export async function listLatePhaseChanges(db: DbOrTx, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select()
    .from(phaseChanges)
    .where(and(inArray(phaseChanges.programId, programIds), eq(phaseChanges.afterOpening, true)))
    .orderBy(asc(phaseChanges.changedAt));
}

export async function listLateQuotaChanges(db: DbOrTx, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select()
    .from(quotaChanges)
    .where(and(inArray(quotaChanges.programId, programIds), eq(quotaChanges.afterOpening, true)))
    .orderBy(asc(quotaChanges.changedAt));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A program by its id or its code (codes make readable addresses such as /programs/ai-2018). */
export async function findProgramByIdOrCode(db: DbOrTx, idOrCode: string): Promise<ProgramRow | undefined> {
  const rows = await db.select().from(programs).where(UUID.test(idOrCode) ? eq(programs.id, idOrCode) : eq(programs.code, idOrCode));
  return rows[0];
}

export type IndicatorRow = typeof indicators.$inferSelect;

/** A program's directions, subfields and indicators, each in catalogue order. */
export async function listCatalogueRows(db: DbOrTx, programId: string) {
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const directionRows = await db.select().from(directions).where(eq(directions.programId, programId)).orderBy(asc(directions.position), asc(directions.code));
  const subfieldRows = await db.select().from(subfields).where(eq(subfields.programId, programId)).orderBy(asc(subfields.position), asc(subfields.code));
  const indicatorRows = await db.select().from(indicators).where(eq(indicators.programId, programId)).orderBy(asc(indicators.position), asc(indicators.code));
  return { directionRows, subfieldRows, indicatorRows };
}

/** The plan target an indicator row stores in three columns, as the API shows it. */
export function planTargetOf(row: Pick<IndicatorRow, 'planTargetText' | 'planComparator' | 'planValue'>): PlanTarget | null {
  if (row.planTargetText === null) return null;
  return {
    text: row.planTargetText,
    ...(row.planComparator ? { comparator: row.planComparator } : {}),
    ...(row.planValue !== null ? { value: row.planValue } : {}),
  };
}

export type ReviewRoundRow = typeof reviewRounds.$inferSelect;

export async function listReviewRounds(db: DbOrTx, programIds: string[]): Promise<ReviewRoundRow[]> {
  if (programIds.length === 0) return [];
  return db.select().from(reviewRounds).where(inArray(reviewRounds.programId, programIds)).orderBy(asc(reviewRounds.position), asc(reviewRounds.key));
}

export function reviewRoundOf(row: ReviewRoundRow): ReviewRound {
  return { key: row.key, name: row.name, nameEn: row.nameEn, phase: row.phase, criteria: row.criteria };
}
