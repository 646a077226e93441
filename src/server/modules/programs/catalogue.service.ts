// The catalogue of a program, and phase changes by program admins (audited; late ones shown on the public timeline).
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CatalogueResponse, Direction } from '../../../shared/schemas/catalogue.js';
import type { PhaseKey, ProgramQuotas } from '../../../shared/schemas/system.js';
import { phaseChanges, programPhases, programs, quotaChanges, subfields } from '../../db/schema/index.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { administersProgram } from '../accounts/actor.js';
import * as repo from './programs.repository.js';

/** A program by its id or code, or NOT_FOUND. */
export async function findProgram(ctx: Pick<ServiceContext, 'db'>, idOrCode: string): Promise<repo.ProgramRow> {
  const program = await repo.findProgramByIdOrCode(ctx.db, idOrCode);
  if (!program) throw new AppError('NOT_FOUND');
  return program;
}

/** Program admins of this program only (the program itself is public, so others get 403, not 404). */
export function requireProgramAdmin(ctx: ServiceContext, program: repo.ProgramRow): void {
  if (!administersProgram(ctx.actor, program.id)) {
    throw new AppError('FORBIDDEN', { zh: '您不是该项目的主管部门管理员', en: 'You are not a program admin of this program' });
  }
}

export async function getCatalogue(ctx: Pick<ServiceContext, 'db'>, idOrCode: string): Promise<{ body: CatalogueResponse; etag: string }> {
  const program = await findProgram(ctx, idOrCode);
  const { directionRows: ds, subfieldRows: ss, indicatorRows: is } = await repo.listCatalogueRows(ctx.db, program.id);
  const body: CatalogueResponse = {
    programId: program.id,
    directions: ds.map(
      (d): Direction => ({
        id: d.id,
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        group: d.group as Direction['group'],
        planSummary: d.planSummary,
        confirmed: d.confirmed,
        source: d.source,
        retired: d.retired,
        subfields: ss
          .filter((s) => s.directionId === d.id)
          .map((s) => ({
            id: s.id,
            code: s.code,
            name: s.name,
            nameEn: s.nameEn,
            confirmed: s.confirmed,
            source: s.source,
            note: s.note,
            retired: s.retired,
            quotas: { finalists: s.finalistsQuota ?? program.finalistsPerSubfield, winners: s.winnersQuota ?? program.winnersPerSubfield },
            indicators: is
              .filter((i) => i.subfieldId === s.id)
              .map((i) => ({
                id: i.id,
                code: i.code,
                name: i.name,
                nameEn: i.nameEn,
                kind: i.kind,
                unit: i.unit,
                better: i.better,
                planTarget: repo.planTargetOf(i),
                confirmed: i.confirmed,
                source: i.source,
                note: i.note,
                retired: i.retired,
              })),
          })),
      }),
    ),
  };
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  return { body, etag };
}

/** A program admin sets a phase's dates. Program admins are not gated by phases; the change is audited and,
 * when the phase had already opened, shown on the public timeline. */
export async function setPhase(ctx: ServiceContext, idOrCode: string, key: PhaseKey, input: { opensAt: string; closesAt: string }) {
  const program = await findProgram(ctx, idOrCode);
  requireProgramAdmin(ctx, program);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (!(opensAt < closesAt)) {
    throw invalidFields([{ path: 'closesAt', message: { zh: '截止时间必须晚于开始时间', en: 'The closing time must be after the opening time' } }]);
  }
  return ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(programPhases).where(and(eq(programPhases.programId, program.id), eq(programPhases.key, key)));
    const afterOpening = old !== undefined && old.opensAt <= ctx.now;
    await tx
      .insert(programPhases)
      .values({ programId: program.id, key, opensAt, closesAt })
      .onConflictDoUpdate({ target: [programPhases.programId, programPhases.key], set: { opensAt, closesAt, updatedAt: ctx.now } });
    await tx.insert(phaseChanges).values({
      programId: program.id,
      key,
      oldOpensAt: old?.opensAt ?? null,
      oldClosesAt: old?.closesAt ?? null,
      opensAt,
      closesAt,
      afterOpening,
      changedAt: ctx.now,
      changedBy: ctx.actor!.id,
    });
    await audit(ctx, tx, {
      action: 'program.phase.set',
      objectType: 'program',
      objectId: program.id,
      details: { key, before: old ? { opensAt: old.opensAt, closesAt: old.closesAt } : null, after: { opensAt, closesAt }, afterOpening },
    });
    return { key, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
  });
}

/** A program admin changes the program's quotas: audited with before and after; once the application phase has
 * opened, the change is also listed on the public timeline (QUALITY S13). */
export async function setQuotas(ctx: ServiceContext, idOrCode: string, quotas: ProgramQuotas) {
  const program = await findProgram(ctx, idOrCode);
  requireProgramAdmin(ctx, program);
  if (quotas.winnersPerSubfield > quotas.finalistsPerSubfield) {
    throw invalidFields([
      { path: 'winnersPerSubfield', message: { zh: '优胜名额不能多于入围名额', en: 'There cannot be more winners than finalists' } },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    // A subfield's own quota must still fit: its winners within its finalists once the program's defaults change.
    const clashing = await tx
      .select({ code: subfields.code })
      .from(subfields)
      .where(
        and(
          eq(subfields.programId, program.id),
          sql`coalesce(${subfields.winnersQuota}, ${quotas.winnersPerSubfield}) > coalesce(${subfields.finalistsQuota}, ${quotas.finalistsPerSubfield})`,
        ),
      );
    if (clashing.length > 0) {
      const codes = clashing.map((c) => c.code).join(', ');
      throw invalidFields([
        {
          path: 'winnersPerSubfield',
          message: { zh: `细分领域 ${codes} 的优胜名额会多于入围名额，请先调整其名额`, en: `Subfields ${codes} would have more winners than finalists; change their own quotas first` },
        },
      ]);
    }
    const before: ProgramQuotas = {
      finalistsPerSubfield: program.finalistsPerSubfield,
      winnersPerSubfield: program.winnersPerSubfield,
      applicationsPerApplicant: program.applicationsPerApplicant,
      recommendationsPerDirection: program.recommendationsPerDirection,
    };
    const [application] = await tx
      .select()
      .from(programPhases)
      .where(and(eq(programPhases.programId, program.id), eq(programPhases.key, 'application')));
    const afterOpening = application !== undefined && application.opensAt <= ctx.now;
    await tx.update(programs).set({ ...quotas, updatedAt: ctx.now }).where(eq(programs.id, program.id));
    await tx.insert(quotaChanges).values({ programId: program.id, before, after: quotas, afterOpening, changedAt: ctx.now, changedBy: ctx.actor!.id });
    await audit(ctx, tx, { action: 'program.quotas.set', objectType: 'program', objectId: program.id, details: { before, after: quotas, afterOpening } });
    return quotas;
  });
}
