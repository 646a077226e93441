// Program use cases: the public list, and loading the built-in program at start.
import { PHASE_KEYS, type ProgramSummary } from '../../../shared/schemas/system.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../http/request-context.js';
import * as repo from './programs.repository.js';

export const BUILT_IN_PROGRAM_CODE = 'ai-2018';

export async function listProgramSummaries(ctx: Pick<ServiceContext, 'db'>): Promise<ProgramSummary[]> {
  const rows = await repo.listPrograms(ctx.db);
  const phases = await repo.listPhases(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    title: p.title,
    titleEn: p.titleEn,
    phases: phases
      .filter((ph) => ph.programId === p.id)
      .sort((a, b) => PHASE_KEYS.indexOf(a.key) - PHASE_KEYS.indexOf(b.key))
      .map((ph) => ({ key: ph.key, opensAt: ph.opensAt.toISOString(), closesAt: ph.closesAt.toISOString() })),
    quotas: {
      finalistsPerSubfield: p.finalistsPerSubfield,
      winnersPerSubfield: p.winnersPerSubfield,
      applicationsPerApplicant: p.applicationsPerApplicant,
    },
    sections: p.sections,
  }));
}

/** Creates the built-in 2018 AI program when it is missing; idempotent, run at every start. */
export async function ensureBuiltInProgram(db: DbOrTx): Promise<{ created: boolean }> {
  if (await repo.findProgramByCode(db, BUILT_IN_PROGRAM_CODE)) return { created: false };
  await repo.insertProgram(db, {
    code: BUILT_IN_PROGRAM_CODE,
    title: '新一代人工智能产业创新重点任务揭榜',
    titleEn: 'New-Generation AI Industry Innovation Key Tasks (2018)',
    description: '工业和信息化部依据《促进新一代人工智能产业发展三年行动计划（2018-2020年）》组织的揭榜挂帅工作。',
    descriptionEn:
      "MIIT's 2018 open call (揭榜挂帅) under the Three-Year Action Plan for Promoting the Development of the New-Generation AI Industry (2018–2020).",
    builtIn: true,
  });
  return { created: true };
}
