// Program admins edit a program: its description, sections, review rounds, directions, subfields and indicators.
// Each change checks the caller, writes the row and one audit record in one transaction. Entries that applications
// use cannot be deleted (the database refuses); they can be retired instead.
import { and, eq, max, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type {
  DirectionFields,
  IndicatorFields,
  ProgramInfoFields,
  ReviewRoundFields,
  SectionFields,
  SubfieldFields,
} from '../../../shared/schemas/program-document.js';
import type { ProgramQuotas } from '../../../shared/schemas/system.js';
import type { DbOrTx } from '../../db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { directions, indicators, programs, reviewRounds, subfields } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { BUILT_IN_REVIEW_ROUNDS, BUILT_IN_SECTIONS, insertReviewRounds } from './builtin-program.js';
import { indicatorProblems, type Problem, reviewRoundProblems, sectionsProblems, winnersProblems } from './catalogue-rules.js';
import { findProgram, requireProgramAdmin } from './catalogue.service.js';
import { requireProgramCreator } from './program-document.service.js';
import { roundReleased } from '../assignment/assignment.service.js';
import { canonicalJson } from '../audit/canonical.js';
import type { ProgramRow } from './programs.repository.js';

const CODE_TAKEN: Localized = { zh: '该编号已在本项目中使用', en: 'This code is already used in this program' };

function refuse(problems: Problem[]): void {
  if (problems.length > 0) throw invalidFields(problems);
}

/** Runs a change, turning a taken code into a field error and a still-used entry into a clear refusal. */
async function guarded<T>(work: () => Promise<T>, inUse?: Localized): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidFields([{ path: 'code', message: CODE_TAKEN }]);
    // A delete refused because the entry is used; on a create or update, the parent went away meanwhile.
    if (isForeignKeyViolation(error)) throw inUse ? new AppError('CONFLICT', inUse) : new AppError('NOT_FOUND');
    throw error;
  }
}

/** A new, empty program; it starts with the default sections and review rounds, which its admins then adapt. */
export async function createProgram(ctx: ServiceContext, input: ProgramInfoFields & { code: string; quotas: ProgramQuotas }) {
  requireProgramCreator(ctx);
  refuse(winnersProblems(input.quotas.finalistsPerSubfield, input.quotas.winnersPerSubfield, 'quotas.winnersPerSubfield'));
  try {
    return await ctx.db.transaction(async (tx) => {
      const { quotas, ...info } = input;
      const [row] = await tx
        .insert(programs)
        .values({ ...info, ...quotas, sections: BUILT_IN_SECTIONS })
        .returning({ id: programs.id, code: programs.code });
      await insertReviewRounds(tx, row!.id, BUILT_IN_REVIEW_ROUNDS);
      await audit(ctx, tx, { action: 'program.create', objectType: 'program', objectId: row!.id, details: { ...input } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidFields([{ path: 'code', message: { zh: '该项目编号已存在', en: 'This program code already exists' } }]);
    throw error;
  }
}

async function adminOf(ctx: ServiceContext, idOrCode: string): Promise<ProgramRow> {
  const program = await findProgram(ctx, idOrCode);
  requireProgramAdmin(ctx, program);
  return program;
}

export async function updateProgramInfo(ctx: ServiceContext, idOrCode: string, info: ProgramInfoFields) {
  const program = await adminOf(ctx, idOrCode);
  return ctx.db.transaction(async (tx) => {
    await tx.update(programs).set({ ...info, updatedAt: ctx.now }).where(eq(programs.id, program.id));
    const before = { title: program.title, titleEn: program.titleEn, description: program.description, descriptionEn: program.descriptionEn };
    await audit(ctx, tx, { action: 'program.info.set', objectType: 'program', objectId: program.id, details: { before, after: info } });
    return info;
  });
}

export async function setSections(ctx: ServiceContext, idOrCode: string, sections: SectionFields[]) {
  const program = await adminOf(ctx, idOrCode);
  refuse(sectionsProblems(sections));
  return ctx.db.transaction(async (tx) => {
    await tx.update(programs).set({ sections, updatedAt: ctx.now }).where(eq(programs.id, program.id));
    await audit(ctx, tx, { action: 'program.sections.set', objectType: 'program', objectId: program.id, details: { before: program.sections, after: sections } });
    return { sections };
  });
}

/** Creates or replaces one review round with its criteria. */
export async function putReviewRound(ctx: ServiceContext, idOrCode: string, key: string, fields: ReviewRoundFields) {
  const program = await adminOf(ctx, idOrCode);
  refuse(reviewRoundProblems(fields));
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(reviewRounds.programId, program.id), eq(reviewRounds.key, key));
    const [old] = await tx.select().from(reviewRounds).where(where).for('update');
    // Once experts have the round's assignments, its criteria are what they score against.
    if (old && canonicalJson(old.criteria) !== canonicalJson(fields.criteria) && (await roundReleased(tx, program.id, key))) {
      throw new AppError('INVALID_TRANSITION', { zh: '该轮评审安排已发布，评审标准已冻结', en: 'The round’s assignments are released; its criteria are frozen' });
    }
    if (old) {
      await tx.update(reviewRounds).set({ ...fields, updatedAt: ctx.now }).where(where);
    } else {
      const position = await nextPosition(tx, reviewRounds, reviewRounds.position, reviewRounds.programId, program.id);
      await tx.insert(reviewRounds).values({ programId: program.id, key, ...fields, position });
    }
    const before = old ? { name: old.name, nameEn: old.nameEn, phase: old.phase, criteria: old.criteria } : null;
    await audit(ctx, tx, { action: 'program.review_round.set', objectType: 'program', objectId: program.id, details: { key, before, after: fields } });
    return { key, ...fields };
  });
}

export async function deleteReviewRound(ctx: ServiceContext, idOrCode: string, key: string): Promise<void> {
  const program = await adminOf(ctx, idOrCode);
  await guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        // Assignments, round entries and events name their round by key (no foreign key): look before deleting.
        await tx.select({ id: reviewRounds.id }).from(reviewRounds).where(and(eq(reviewRounds.programId, program.id), eq(reviewRounds.key, key))).for('update');
        if (await roundInUse(tx, program.id, key)) {
          throw new AppError('CONFLICT', { zh: '该评审轮次已有评审安排，不能删除', en: 'This review round has assignments and cannot be deleted' });
        }
        const deleted = await tx
          .delete(reviewRounds)
          .where(and(eq(reviewRounds.programId, program.id), eq(reviewRounds.key, key)))
          .returning();
        if (deleted.length === 0) throw new AppError('NOT_FOUND');
        await audit(ctx, tx, { action: 'program.review_round.delete', objectType: 'program', objectId: program.id, details: { key, before: deleted[0] } });
      }),
    { zh: '该评审轮次已有评审安排，不能删除', en: 'This review round has assignments and cannot be deleted' },
  );
}

async function roundInUse(tx: DbOrTx, programId: string, key: string): Promise<boolean> {
  const { rows } = await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM review_assignments WHERE program_id = ${programId} AND round = ${key})
    OR EXISTS (SELECT 1 FROM round_entries WHERE program_id = ${programId} AND round = ${key})
    OR EXISTS (SELECT 1 FROM review_events WHERE program_id = ${programId} AND round = ${key}) AS used`);
  return (rows[0] as { used: boolean }).used;
}

/** The position after the last sibling, so a new entry comes last. */
async function nextPosition(tx: DbOrTx, table: PgTable, position: PgColumn, parent: PgColumn, parentId: string): Promise<number> {
  const [row] = await tx.select({ last: max(position) }).from(table).where(eq(parent, parentId));
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

// ── Directions ────────────────────────────────────────────────────────────────────────────────────────────────

async function directionOf(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(directions).where(eq(directions.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const program = await adminOf(ctx, row.programId);
  return { row, program };
}

export async function createDirection(ctx: ServiceContext, idOrCode: string, fields: DirectionFields) {
  const program = await adminOf(ctx, idOrCode);
  return guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        const position = await nextPosition(tx, directions, directions.position, directions.programId, program.id);
        const [row] = await tx.insert(directions).values({ programId: program.id, ...fields, position }).returning({ id: directions.id });
        await audit(ctx, tx, { action: 'catalogue.direction.create', objectType: 'direction', objectId: row!.id, details: { programId: program.id, after: fields } });
        return { id: row!.id };
      })
  );
}

export async function updateDirection(ctx: ServiceContext, id: string, fields: DirectionFields) {
  const { row } = await directionOf(ctx, id);
  return guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx.update(directions).set({ ...fields, updatedAt: ctx.now }).where(eq(directions.id, id));
        await audit(ctx, tx, { action: 'catalogue.direction.update', objectType: 'direction', objectId: id, details: { before: editable(row), after: fields } });
        return { id };
      })
  );
}

export async function deleteDirection(ctx: ServiceContext, id: string): Promise<void> {
  const { row } = await directionOf(ctx, id);
  await guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx.delete(directions).where(eq(directions.id, id));
        await audit(ctx, tx, { action: 'catalogue.direction.delete', objectType: 'direction', objectId: id, details: { before: editable(row) } });
      }),
    {
      zh: '该方向下已有申报使用的细分领域或指标，不能删除；可以将其停用',
      en: 'Applications use subfields or indicators of this direction, so it cannot be deleted; retire it instead',
    },
  );
}

// ── Subfields ─────────────────────────────────────────────────────────────────────────────────────────────────

async function subfieldOf(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(subfields).where(eq(subfields.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const program = await adminOf(ctx, row.programId);
  return { row, program };
}

function subfieldQuotaProblems(program: ProgramRow, fields: SubfieldFields): Problem[] {
  return winnersProblems(fields.finalistsQuota ?? program.finalistsPerSubfield, fields.winnersQuota ?? program.winnersPerSubfield, 'winnersQuota');
}

export async function createSubfield(ctx: ServiceContext, directionId: string, fields: SubfieldFields) {
  const { program } = await directionOf(ctx, directionId);
  refuse(subfieldQuotaProblems(program, fields));
  return guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        const position = await nextPosition(tx, subfields, subfields.position, subfields.directionId, directionId);
        const [row] = await tx.insert(subfields).values({ programId: program.id, directionId, ...fields, position }).returning({ id: subfields.id });
        await audit(ctx, tx, { action: 'catalogue.subfield.create', objectType: 'subfield', objectId: row!.id, details: { directionId, after: fields } });
        return { id: row!.id };
      })
  );
}

export async function updateSubfield(ctx: ServiceContext, id: string, fields: SubfieldFields) {
  const { row, program } = await subfieldOf(ctx, id);
  refuse(subfieldQuotaProblems(program, fields));
  return guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx.update(subfields).set({ ...fields, updatedAt: ctx.now }).where(eq(subfields.id, id));
        await audit(ctx, tx, { action: 'catalogue.subfield.update', objectType: 'subfield', objectId: id, details: { before: editable(row), after: fields } });
        return { id };
      })
  );
}

export async function deleteSubfield(ctx: ServiceContext, id: string): Promise<void> {
  const { row } = await subfieldOf(ctx, id);
  await guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx.delete(subfields).where(eq(subfields.id, id));
        await audit(ctx, tx, { action: 'catalogue.subfield.delete', objectType: 'subfield', objectId: id, details: { before: editable(row) } });
      }),
    { zh: '已有申报使用该细分领域或其指标，不能删除；可以将其停用', en: 'Applications use this subfield or its indicators, so it cannot be deleted; retire it instead' },
  );
}

// ── Indicators ────────────────────────────────────────────────────────────────────────────────────────────────

async function indicatorOf(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  await adminOf(ctx, row.programId);
  return row;
}

function indicatorColumns(fields: IndicatorFields) {
  const { planTarget, ...rest } = fields;
  return { ...rest, planTargetText: planTarget?.text ?? null, planComparator: planTarget?.comparator ?? null, planValue: planTarget?.value ?? null };
}

export async function createIndicator(ctx: ServiceContext, subfieldId: string, fields: IndicatorFields) {
  const { program } = await subfieldOf(ctx, subfieldId);
  refuse(indicatorProblems(fields));
  return guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        const position = await nextPosition(tx, indicators, indicators.position, indicators.subfieldId, subfieldId);
        const [row] = await tx
          .insert(indicators)
          .values({ programId: program.id, subfieldId, ...indicatorColumns(fields), position })
          .returning({ id: indicators.id });
        await audit(ctx, tx, { action: 'catalogue.indicator.create', objectType: 'indicator', objectId: row!.id, details: { subfieldId, after: fields } });
        return { id: row!.id };
      })
  );
}

export async function updateIndicator(ctx: ServiceContext, id: string, fields: IndicatorFields) {
  const row = await indicatorOf(ctx, id);
  refuse(indicatorProblems(fields));
  return guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx.update(indicators).set({ ...indicatorColumns(fields), updatedAt: ctx.now }).where(eq(indicators.id, id));
        await audit(ctx, tx, { action: 'catalogue.indicator.update', objectType: 'indicator', objectId: id, details: { before: editable(row), after: fields } });
        return { id };
      })
  );
}

export async function deleteIndicator(ctx: ServiceContext, id: string): Promise<void> {
  const row = await indicatorOf(ctx, id);
  await guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx.delete(indicators).where(eq(indicators.id, id));
        await audit(ctx, tx, { action: 'catalogue.indicator.delete', objectType: 'indicator', objectId: id, details: { before: editable(row) } });
      }),
    { zh: '已有申报填报了该指标，不能删除；可以将其停用', en: 'Applications report on this indicator, so it cannot be deleted; retire it instead' },
  );
}

/** A row without its bookkeeping columns, for the audit record's before/after. */
function editable<T extends { id: string; programId: string; createdAt: Date; updatedAt: Date }>(row: T) {
  const { id: _id, programId: _p, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
