// Queries on programs and their phases.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { phaseChanges, programPhases, programs, quotaChanges } from '../../db/schema/index.js';

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
