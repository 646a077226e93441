// A whole program in and out as one JSON document: export, and an import that is checked as a whole and applied
// completely or not at all, every problem located by its path in the document.
import { eq } from 'drizzle-orm';
import type { ProgramDocument } from '../../../shared/schemas/program-document.js';
import { PHASE_KEYS } from '../../../shared/schemas/system.js';
import { directions, indicators, programPhases, programs, subfields } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { hasRole } from '../accounts/actor.js';
import { findProgram, requireProgramAdmin } from './catalogue.service.js';
import { listCatalogueRows, listPhases, planTargetOf } from './programs.repository.js';

export async function exportProgram(ctx: ServiceContext, idOrCode: string): Promise<ProgramDocument> {
  const program = await findProgram(ctx, idOrCode);
  requireProgramAdmin(ctx, program);
  const [phases, { directionRows: ds, subfieldRows: ss, indicatorRows: is }] = await Promise.all([
    listPhases(ctx.db, [program.id]),
    listCatalogueRows(ctx.db, program.id),
  ]);
  const common = (e: { code: string; name: string; nameEn: string; confirmed: boolean; source: string; note: string; retired: boolean }) => ({
    code: e.code,
    name: e.name,
    nameEn: e.nameEn,
    confirmed: e.confirmed,
    source: e.source,
    note: e.note,
    retired: e.retired,
  });
  return {
    format: 'jiebang-program',
    version: 1,
    program: {
      code: program.code,
      title: program.title,
      titleEn: program.titleEn,
      description: program.description,
      descriptionEn: program.descriptionEn,
      quotas: {
        finalistsPerSubfield: program.finalistsPerSubfield,
        winnersPerSubfield: program.winnersPerSubfield,
        applicationsPerApplicant: program.applicationsPerApplicant,
      },
      sections: program.sections,
      phases: phases
        .sort((a, b) => PHASE_KEYS.indexOf(a.key) - PHASE_KEYS.indexOf(b.key))
        .map((p) => ({ key: p.key, opensAt: p.opensAt.toISOString(), closesAt: p.closesAt.toISOString() })),
    },
    directions: ds.map((d) => ({
      ...common(d),
      group: d.group as ProgramDocument['directions'][number]['group'],
      planSummary: d.planSummary,
      subfields: ss
        .filter((s) => s.directionId === d.id)
        .map((s) => ({
          ...common(s),
          finalistsQuota: s.finalistsQuota,
          winnersQuota: s.winnersQuota,
          indicators: is
            .filter((i) => i.subfieldId === s.id)
            .map((i) => ({
              ...common(i),
              kind: i.kind,
              unit: i.unit,
              better: i.better,
              planTarget: planTargetOf(i),
            })),
        })),
    })),
  };
}

type Problem = { path: string; message: Localized };

/** The rules no single field can check: unique codes, indicator typing, quotas, phase order. */
export function documentProblems(doc: ProgramDocument): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const unique = (code: string, path: string) => {
    const first = seen.get(code);
    if (first) problems.push({ path, message: { zh: `编号 ${code} 重复（与 ${first} 相同）`, en: `The code ${code} repeats ${first}` } });
    else seen.set(code, path);
  };
  const winnersWithin = (finalists: number, winners: number, path: string) => {
    if (winners > finalists) problems.push({ path, message: { zh: '优胜名额不能多于入围名额', en: 'There cannot be more winners than finalists' } });
  };
  const q = doc.program.quotas;
  winnersWithin(q.finalistsPerSubfield, q.winnersPerSubfield, 'program.quotas.winnersPerSubfield');
  const phaseKeys = new Set<string>();
  doc.program.phases.forEach((p, i) => {
    if (phaseKeys.has(p.key)) problems.push({ path: `program.phases.${i}.key`, message: { zh: '阶段重复', en: 'This phase repeats' } });
    phaseKeys.add(p.key);
    if (!(Date.parse(p.opensAt) < Date.parse(p.closesAt))) {
      problems.push({ path: `program.phases.${i}.closesAt`, message: { zh: '截止时间必须晚于开始时间', en: 'The closing time must be after the opening time' } });
    }
  });
  const sectionKeys = new Set<string>();
  doc.program.sections.forEach((s, i) => {
    if (sectionKeys.has(s.key)) problems.push({ path: `program.sections.${i}.key`, message: { zh: '章节键重复', en: 'This section key repeats' } });
    sectionKeys.add(s.key);
  });
  doc.directions.forEach((d, di) => {
    unique(d.code, `directions.${di}.code`);
    d.subfields.forEach((s, si) => {
      const sPath = `directions.${di}.subfields.${si}`;
      unique(s.code, `${sPath}.code`);
      winnersWithin(s.finalistsQuota ?? q.finalistsPerSubfield, s.winnersQuota ?? q.winnersPerSubfield, `${sPath}.winnersQuota`);
      s.indicators.forEach((ind, ii) => {
        const iPath = `${sPath}.indicators.${ii}`;
        unique(ind.code, `${iPath}.code`);
        if (ind.kind === 'number') {
          if (!ind.unit) problems.push({ path: `${iPath}.unit`, message: { zh: '数值指标须有单位', en: 'A number indicator needs a unit' } });
          if (!ind.better) problems.push({ path: `${iPath}.better`, message: { zh: '数值指标须说明越高越好还是越低越好', en: 'A number indicator needs higher or lower is better' } });
        } else if (ind.better) {
          problems.push({ path: `${iPath}.better`, message: { zh: '只有数值指标有方向', en: 'Only number indicators have a better direction' } });
        }
        const target = ind.planTarget;
        if (target && (target.comparator === undefined) !== (target.value === undefined)) {
          problems.push({ path: `${iPath}.planTarget`, message: { zh: '比较符和数值须同时给出', en: 'A comparator and a value go together' } });
        }
        if (target?.comparator !== undefined && ind.kind !== 'number') {
          problems.push({ path: `${iPath}.planTarget.comparator`, message: { zh: '只有数值指标可以有比较符', en: 'Only number indicators take a comparator' } });
        }
      });
    });
  });
  return problems;
}

/** Creates a new program from a document: all of it, or nothing. Program admins of all programs only. */
export async function importProgram(ctx: ServiceContext, doc: ProgramDocument): Promise<{ id: string }> {
  if (!hasRole(ctx.actor, 'program_admin') || ctx.actor!.programIds !== null) {
    throw new AppError('FORBIDDEN', { zh: '只有负责全部项目的主管部门管理员可以新建项目', en: 'Only a program admin of all programs creates programs' });
  }
  const problems = documentProblems(doc);
  if (problems.length > 0) throw invalidFields(problems.slice(0, 200));
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select({ id: programs.id }).from(programs).where(eq(programs.code, doc.program.code));
    if (existing.length > 0) {
      throw new AppError('CONFLICT', { zh: `项目编号 ${doc.program.code} 已存在`, en: `The program code ${doc.program.code} already exists` }, {
        details: [{ path: 'program.code', message: { zh: '已存在', en: 'Already exists' } }],
      });
    }
    const p = doc.program;
    const [program] = await tx
      .insert(programs)
      .values({ code: p.code, title: p.title, titleEn: p.titleEn, description: p.description, descriptionEn: p.descriptionEn, ...p.quotas, sections: p.sections })
      .returning({ id: programs.id });
    const programId = program!.id;
    if (p.phases.length > 0) {
      await tx.insert(programPhases).values(p.phases.map((ph) => ({ programId, key: ph.key, opensAt: new Date(ph.opensAt), closesAt: new Date(ph.closesAt) })));
    }
    for (const [di, d] of doc.directions.entries()) {
      const { subfields: subs, ...direction } = d;
      const [dRow] = await tx.insert(directions).values({ programId, ...direction, position: di }).returning({ id: directions.id });
      for (const [si, s] of subs.entries()) {
        const { indicators: inds, ...subfield } = s;
        const [sRow] = await tx.insert(subfields).values({ programId, directionId: dRow!.id, ...subfield, position: si }).returning({ id: subfields.id });
        if (inds.length === 0) continue;
        await tx.insert(indicators).values(
          inds.map(({ planTarget, ...i }, ii) => ({
            programId,
            subfieldId: sRow!.id,
            ...i,
            planTargetText: planTarget?.text ?? null,
            planComparator: planTarget?.comparator ?? null,
            planValue: planTarget?.value ?? null,
            position: ii,
          })),
        );
      }
    }
    await audit(ctx, tx, {
      action: 'program.import',
      objectType: 'program',
      objectId: programId,
      details: { code: p.code, directions: doc.directions.length },
    });
    return { id: programId };
  });
}
