// A whole program in and out as one JSON document: export, and an import that is checked as a whole and applied
// completely or not at all, every problem located by its path in the document.
import { eq } from 'drizzle-orm';
import type { ProgramDocument } from '../../../shared/schemas/program-document.js';
import { PHASE_KEYS } from '../../../shared/schemas/system.js';
import { directions, indicators, programPhases, programs, subfields } from '../../db/schema/index.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { hasRole } from '../accounts/actor.js';
import { findProgram, requireProgramAdmin } from './catalogue.service.js';
import { indicatorProblems, type Problem, repeatedKeys, reviewRoundProblems, sectionsProblems, winnersProblems } from './catalogue-rules.js';
import { insertReviewRounds } from './builtin-program.js';
import { readProgramWorkbook, writeProgramWorkbook } from './program-workbook.js';
import { listCatalogueRows, listPhases, listReviewRounds, planTargetOf, reviewRoundOf } from './programs.repository.js';

export async function exportProgram(ctx: ServiceContext, idOrCode: string): Promise<ProgramDocument> {
  const program = await findProgram(ctx, idOrCode);
  requireProgramAdmin(ctx, program);
  const [phases, rounds, { directionRows: ds, subfieldRows: ss, indicatorRows: is }] = await Promise.all([
    listPhases(ctx.db, [program.id]),
    listReviewRounds(ctx.db, [program.id]),
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
        recommendationsPerDirection: program.recommendationsPerDirection,
      },
      sections: program.sections,
      reviewRounds: rounds.map(reviewRoundOf),
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

/** The rules no single field can check: unique codes, indicator typing, quotas, phase order, criteria. */
export function documentProblems(doc: ProgramDocument): Problem[] {
  const problems: Problem[] = [];
  // Codes are unique across the whole program (directions, subfields and indicators share one namespace).
  const seen = new Set<string>();
  const unique = (code: string, path: string) => {
    if (seen.has(code)) problems.push({ path, message: { zh: `编号 ${code} 重复`, en: `The code ${code} is used twice` } });
    seen.add(code);
  };
  const q = doc.program.quotas;
  problems.push(...winnersProblems(q.finalistsPerSubfield, q.winnersPerSubfield, 'program.quotas.winnersPerSubfield'));
  problems.push(
    ...repeatedKeys(
      doc.program.phases.map((p) => p.key),
      (i) => `program.phases.${i}.key`,
      { zh: '阶段', en: 'phase' },
    ),
  );
  doc.program.phases.forEach((p, i) => {
    if (!(Date.parse(p.opensAt) < Date.parse(p.closesAt))) {
      problems.push({ path: `program.phases.${i}.closesAt`, message: { zh: '截止时间必须晚于开始时间', en: 'The closing time must be after the opening time' } });
    }
  });
  problems.push(...sectionsProblems(doc.program.sections, 'program.sections'));
  problems.push(
    ...repeatedKeys(
      doc.program.reviewRounds.map((r) => r.key),
      (i) => `program.reviewRounds.${i}.key`,
      { zh: '评审轮次键', en: 'review round key' },
    ),
  );
  doc.program.reviewRounds.forEach((r, i) => problems.push(...reviewRoundProblems(r, `program.reviewRounds.${i}`)));
  doc.directions.forEach((d, di) => {
    unique(d.code, `directions.${di}.code`);
    d.subfields.forEach((s, si) => {
      const sPath = `directions.${di}.subfields.${si}`;
      unique(s.code, `${sPath}.code`);
      problems.push(...winnersProblems(s.finalistsQuota ?? q.finalistsPerSubfield, s.winnersQuota ?? q.winnersPerSubfield, `${sPath}.winnersQuota`));
      s.indicators.forEach((ind, ii) => {
        const iPath = `${sPath}.indicators.${ii}`;
        unique(ind.code, `${iPath}.code`);
        problems.push(...indicatorProblems(ind, iPath));
      });
    });
  });
  return problems;
}

/** New programs are created by program admins of all programs only. */
export function requireProgramCreator(ctx: ServiceContext): void {
  if (!hasRole(ctx.actor, 'program_admin') || ctx.actor!.programIds !== null) {
    throw new AppError('FORBIDDEN', { zh: '只有负责全部项目的主管部门管理员可以新建项目', en: 'Only a program admin of all programs creates programs' });
  }
}

/** The program as an Excel workbook, one sheet per level. */
export async function exportProgramWorkbook(ctx: ServiceContext, idOrCode: string): Promise<{ code: string; content: Buffer }> {
  const doc = await exportProgram(ctx, idOrCode);
  return { code: doc.program.code, content: await writeProgramWorkbook(doc) };
}

/** Creates a program from an Excel workbook: every problem located by sheet, row and column, and nothing written
 * unless the whole workbook is valid. */
export async function importProgramWorkbook(ctx: ServiceContext, file: { filename: string; content: Buffer }): Promise<{ id: string }> {
  requireProgramCreator(ctx);
  if (!/\.xlsx$/i.test(file.filename)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '只接受 Excel 工作簿（.xlsx）', en: 'Only Excel workbooks (.xlsx) are accepted' }, {
      details: [{ path: 'file', message: { zh: '文件须为 .xlsx 格式', en: 'The file must be an .xlsx workbook' } }],
    });
  }
  const result = await readProgramWorkbook(file.content, documentProblems);
  if (!result.ok) throw invalidFields(result.problems.slice(0, 200));
  return importProgram(ctx, result.document);
}

/** Creates a new program from a document: all of it, or nothing. Program admins of all programs only. */
export async function importProgram(ctx: ServiceContext, doc: ProgramDocument): Promise<{ id: string }> {
  requireProgramCreator(ctx);
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
    await insertReviewRounds(tx, programId, p.reviewRounds);
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
