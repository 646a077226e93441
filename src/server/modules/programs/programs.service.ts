// Program use cases: the public list, and loading the built-in program at start.
import { PHASE_KEYS, type PhaseKey, type ProgramSummary } from '../../../shared/schemas/system.js';
import type { Db } from '../../db/client.js';
import { BUILT_IN_REVIEW_ROUNDS, BUILT_IN_SECTIONS, insertDefaultPhases, insertReviewRounds, loadBuiltInCatalogue } from './builtin-program.js';
import type { ServiceContext } from '../../http/request-context.js';
import * as repo from './programs.repository.js';

export const BUILT_IN_PROGRAM_CODE = 'ai-2018';

export async function listProgramSummaries(ctx: Pick<ServiceContext, 'db'>): Promise<ProgramSummary[]> {
  const rows = await repo.listPrograms(ctx.db);
  const ids = rows.map((r) => r.id);
  const [phases, changes, quotaChanges, rounds] = await Promise.all([
    repo.listPhases(ctx.db, ids),
    repo.listLatePhaseChanges(ctx.db, ids),
    repo.listLateQuotaChanges(ctx.db, ids),
    repo.listReviewRounds(ctx.db, ids),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    title: p.title,
    titleEn: p.titleEn,
    description: p.description,
    descriptionEn: p.descriptionEn,
    builtIn: p.builtIn,
    phases: phases
      .filter((ph) => ph.programId === p.id)
      .sort((a, b) => PHASE_KEYS.indexOf(a.key) - PHASE_KEYS.indexOf(b.key))
      .map((ph) => ({ key: ph.key, opensAt: ph.opensAt.toISOString(), closesAt: ph.closesAt.toISOString() })),
    quotas: {
      finalistsPerSubfield: p.finalistsPerSubfield,
      winnersPerSubfield: p.winnersPerSubfield,
      applicationsPerApplicant: p.applicationsPerApplicant,
      recommendationsPerDirection: p.recommendationsPerDirection,
    },
    sections: p.sections,
    reviewRounds: rounds.filter((r) => r.programId === p.id).map(repo.reviewRoundOf),
    phaseChanges: changes
      .filter((c) => c.programId === p.id)
      .map((c) => ({
        key: c.key as PhaseKey,
        changedAt: c.changedAt.toISOString(),
        oldOpensAt: iso(c.oldOpensAt),
        oldClosesAt: iso(c.oldClosesAt),
        opensAt: c.opensAt.toISOString(),
        closesAt: c.closesAt.toISOString(),
      })),
    quotaChanges: quotaChanges
      .filter((c) => c.programId === p.id)
      .map((c) => ({ changedAt: c.changedAt.toISOString(), before: c.before, after: c.after })),
  }));
}

/** Creates the built-in 2018 AI program with its catalogue, sections and timeline when it is missing; idempotent. */
export async function ensureBuiltInProgram(db: Db, now = new Date()): Promise<{ created: boolean }> {
  if (await repo.findProgramByCode(db, BUILT_IN_PROGRAM_CODE)) return { created: false };
  return db.transaction(async (tx) => {
    const program = await repo.insertProgram(tx, {
      code: BUILT_IN_PROGRAM_CODE,
      title: '新一代人工智能产业创新重点任务揭榜',
      titleEn: 'New-Generation AI Industry Innovation Key Tasks (2018)',
      description: '工业和信息化部依据《促进新一代人工智能产业发展三年行动计划（2018-2020年）》组织的揭榜挂帅工作。',
      descriptionEn:
        "MIIT's 2018 open call (揭榜挂帅) under the Three-Year Action Plan for Promoting the Development of the New-Generation AI Industry (2018–2020).",
      builtIn: true,
      sections: BUILT_IN_SECTIONS,
    });
    await loadBuiltInCatalogue(tx, program.id);
    await insertDefaultPhases(tx, program.id, now);
    await insertReviewRounds(tx, program.id, BUILT_IN_REVIEW_ROUNDS);
    return { created: true };
  });
}
