// Selection (入围 and 优胜) per subfield under its quota, the public notice (公示) counted in working days, real-name
// objections and their resolution, and publication of the confirmed list.
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  applications,
  directions,
  notices,
  objections,
  organizations,
  programPhases,
  recommenders,
  reviewAssignments,
  reviewRounds,
  reviews,
  selections,
  subfields,
  type Stage,
} from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { hitRateLimit } from '../../http/rate-limit.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { regionByCode } from '../../../shared/regions.js';
import { EMAIL_PATTERN, PHONE_PATTERN } from '../../../shared/schemas/applications.js';
import { adminProgram, adminProgramOfHidden } from '../assignment/assignment.service.js';
import { findProgram } from '../programs/catalogue.service.js';
import { ranking } from '../reviews/reviews.service.js';
import { closeAfterWorkingDays, loadCalendar, workingDaysBetween } from './calendar.js';

/** What a stage selects from, and what selection, revocation and publication make of an application. */
const STAGE_STATUS = {
  finalist: { from: 'eligible', selected: 'finalist', confirmed: 'finalist_confirmed', revoked: 'finalist_revoked', phase: 'finalist_notice', rounds: 'review' },
  winner: { from: 'finalist_confirmed', selected: 'winner', confirmed: 'winner_confirmed', revoked: 'winner_revoked', phase: 'winner_notice', rounds: 'evaluation' },
} as const;

const STAGE_NAME: Record<Stage, Localized> = { finalist: { zh: '入围', en: 'finalist' }, winner: { zh: '优胜', en: 'winner' } };

async function quotaOf(db: DbOrTx, program: { finalistsPerSubfield: number; winnersPerSubfield: number }, subfieldId: string, stage: Stage, lock: boolean) {
  const query = db.select().from(subfields).where(eq(subfields.id, subfieldId));
  // The subfield's row lock serialises selections of the subfield, so its quota holds under concurrent requests.
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  return { subfield: row, quota: stage === 'finalist' ? (row.finalistsQuota ?? program.finalistsPerSubfield) : (row.winnersQuota ?? program.winnersPerSubfield) };
}

async function activeSelections(db: DbOrTx, programId: string, subfieldId: string, stage: Stage) {
  return db
    .select()
    .from(selections)
    .where(and(eq(selections.programId, programId), eq(selections.subfieldId, subfieldId), eq(selections.stage, stage), isNull(selections.revokedAt)));
}

/** The round a stage's selection follows: the last round of its phase that has submitted reviews (the first round of
 * the phase while none has), e.g. on-site evaluation once it has been held, online review before. */
export async function stageRound(db: DbOrTx, programId: string, stage: Stage) {
  const rounds = await db
    .select({ key: reviewRounds.key, name: reviewRounds.name, nameEn: reviewRounds.nameEn })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.programId, programId), eq(reviewRounds.phase, STAGE_STATUS[stage].rounds)))
    .orderBy(asc(reviewRounds.position));
  const reviewed = await db
    .selectDistinct({ round: reviewAssignments.round })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(and(eq(reviewAssignments.programId, programId), eq(reviews.state, 'submitted')));
  const withReviews = new Set(reviewed.map((r) => r.round));
  return [...rounds].reverse().find((r) => withReviews.has(r.key)) ?? rounds[0] ?? null;
}

async function stageRanking(ctx: ServiceContext, programId: string, subfieldId: string, stage: Stage) {
  const round = await stageRound(ctx.db, programId, stage);
  if (!round) return [];
  return (await ranking(ctx, programId, { round: round.key, subfieldId })).items;
}

/**
 * Adds applications to a subfield's selection for a stage (API.md `POST …/selections`): never past the quota, also
 * under concurrent requests; a departure from the ranking needs a written justification, kept with the selection.
 */
export async function addSelections(ctx: ServiceContext, programIdOrCode: string, input: { subfieldId: string; stage: Stage; applicationIds: string[]; justification?: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  const flow = STAGE_STATUS[input.stage];
  const ranked = await stageRanking(ctx, program.id, input.subfieldId, input.stage);
  const justification = input.justification?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const found = await quotaOf(tx, program, input.subfieldId, input.stage, true);
    if (!found) throw invalidFields([{ path: 'subfieldId', message: { zh: '本项目没有这个细分领域', en: 'The program has no such subfield' } }]);
    const [direction] = await tx.select().from(directions).where(eq(directions.id, found.subfield.directionId));
    if (direction?.programId !== program.id) throw invalidFields([{ path: 'subfieldId', message: { zh: '本项目没有这个细分领域', en: 'The program has no such subfield' } }]);
    const current = await activeSelections(tx, program.id, input.subfieldId, input.stage);
    const already = new Set(current.map((s) => s.applicationId));
    const adding = [...new Set(input.applicationIds)].filter((id) => !already.has(id));
    const apps = adding.length > 0 ? await tx.select().from(applications).where(inArray(applications.id, adding)).for('update') : [];
    const problems = adding
      .map((id) => ({ id, app: apps.find((a) => a.id === id) }))
      .filter(({ app }) => !app || app.programId !== program.id || app.subfieldId !== input.subfieldId || app.status !== flow.from)
      .map(({ id, app }) => ({
        path: `applicationIds.${input.applicationIds.indexOf(id)}`,
        message:
          !app || app.programId !== program.id || app.subfieldId !== input.subfieldId
            ? { zh: '该申报不属于这个细分领域', en: 'The application is not in this subfield' }
            : input.stage === 'winner'
              ? { zh: '只能从已公布的入围单位中选择优胜单位', en: 'Winners are chosen among published finalists only' }
              : { zh: '只能选择通过形式审查的申报', en: 'Only applications that passed the formal check can be selected' },
      }));
    if (problems.length > 0) throw new AppError(input.stage === 'winner' ? 'INVALID_TRANSITION' : 'VALIDATION_FAILED', undefined, { details: problems });
    if (current.length + adding.length > found.quota) {
      throw new AppError('QUOTA_EXCEEDED', {
        zh: `每个细分领域至多 ${found.quota} 家${STAGE_NAME[input.stage].zh}单位，已选 ${current.length} 家`,
        en: `At most ${found.quota} ${STAGE_NAME[input.stage].en}s per subfield; ${current.length} already selected`,
      });
    }
    // A departure: an application left out ranks above one selected (unranked selections rank last).
    const chosen = new Set([...already, ...adding]);
    const scoreOf = new Map(ranked.map((r) => [r.applicationId, r.score]));
    const lowestChosen = Math.min(...[...chosen].map((id) => scoreOf.get(id) ?? -Infinity));
    const passedOver = ranked.filter((r) => !chosen.has(r.applicationId) && r.score > lowestChosen);
    if (passedOver.length > 0 && !justification && adding.length > 0) {
      throw invalidFields([
        {
          path: 'justification',
          message: {
            zh: `未按评审排名选择（${passedOver.map((r) => `第 ${r.rank} 名“${r.title}”`).join('、')}排名更靠前），请写明理由`,
            en: `The selection departs from the ranking (${passedOver.map((r) => `#${r.rank} “${r.title}”`).join(', ')} ranks higher); write the justification`,
          },
        },
      ]);
    }
    if (adding.length > 0) {
      await tx.insert(selections).values(
        adding.map((applicationId) => ({
          programId: program.id,
          subfieldId: input.subfieldId,
          applicationId,
          stage: input.stage,
          justification: passedOver.length > 0 ? justification : null,
          selectedBy: ctx.actor!.id,
          selectedAt: ctx.now,
        })),
      );
      await tx.update(applications).set({ status: flow.selected, updatedAt: ctx.now }).where(inArray(applications.id, adding));
      await audit(ctx, tx, {
        action: `selection.${input.stage}.added`,
        objectType: 'program',
        objectId: program.id,
        details: { subfieldId: input.subfieldId, applicationIds: adding, departure: passedOver.map((r) => r.applicationId), justification: passedOver.length > 0 ? justification : null },
      });
    }
    return { selected: [...chosen], quota: found.quota };
  });
}

/** Undoes a selection before its notice opens (API.md `DELETE …/selections/:applicationId`). */
export async function removeSelection(ctx: ServiceContext, programIdOrCode: string, applicationId: string, stage: Stage) {
  const program = await adminProgram(ctx, programIdOrCode);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ s: selections, notice: notices })
      .from(selections)
      .leftJoin(notices, eq(notices.id, selections.noticeId))
      .where(and(eq(selections.programId, program.id), eq(selections.applicationId, applicationId), eq(selections.stage, stage), isNull(selections.revokedAt)))
      .for('update', { of: selections });
    if (!row) throw new AppError('NOT_FOUND');
    if (row.notice && row.notice.opensAt <= ctx.now) {
      throw new AppError('INVALID_TRANSITION', { zh: '公示已开始，不能撤销选择；如有异议请按异议处理', en: 'The notice has opened; the selection can only be revoked through an objection' });
    }
    await tx.delete(selections).where(eq(selections.id, row.s.id));
    await tx.update(applications).set({ status: STAGE_STATUS[stage].from, updatedAt: ctx.now }).where(eq(applications.id, applicationId));
    await audit(ctx, tx, { action: `selection.${stage}.removed`, objectType: 'application', objectId: applicationId, details: { subfieldId: row.s.subfieldId } });
  });
}

/** The selections of a stage with their notice and justification, for admins and auditors. */
export async function listSelections(ctx: ServiceContext, programIdOrCode: string, stage: Stage) {
  const program = await adminProgram(ctx, programIdOrCode);
  const rows = await ctx.db
    .select({ s: selections, title: applications.title, status: applications.status, applicant: organizations.name, subfield: subfields.name, subfieldCode: subfields.code })
    .from(selections)
    .innerJoin(applications, eq(applications.id, selections.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, selections.subfieldId))
    .where(and(eq(selections.programId, program.id), eq(selections.stage, stage)))
    .orderBy(asc(subfields.code), asc(selections.selectedAt));
  return {
    round: await stageRound(ctx.db, program.id, stage),
    items: rows.map((r) => ({
      applicationId: r.s.applicationId,
      subfieldId: r.s.subfieldId,
      subfield: `${r.subfieldCode} ${r.subfield}`,
      title: r.title,
      applicant: r.applicant,
      status: r.status,
      justification: r.s.justification,
      noticeId: r.s.noticeId,
      selectedAt: r.s.selectedAt.toISOString(),
      revokedAt: r.s.revokedAt?.toISOString() ?? null,
      revokedReason: r.s.revokedReason,
    })),
  };
}

/**
 * Opens the public notice of a stage's selections not yet noticed (API.md `POST …/notices`): by default from now for
 * the program's working days; never in the past, never shorter than that (test mode excepted). The stage's notice
 * phase takes the notice's dates.
 */
export async function openNotice(ctx: ServiceContext, programIdOrCode: string, input: { stage: Stage; opensAt?: string; closesAt?: string }, testMode: boolean) {
  const program = await adminProgram(ctx, programIdOrCode);
  const calendar = await loadCalendar(ctx.db);
  const opensAt = input.opensAt ? new Date(input.opensAt) : ctx.now;
  const closesAt = input.closesAt ? new Date(input.closesAt) : closeAfterWorkingDays(opensAt, program.noticeWorkingDays, calendar);
  const problems: Array<{ path: string; message: Localized }> = [];
  if (opensAt.getTime() < ctx.now.getTime() - 60_000) problems.push({ path: 'opensAt', message: { zh: '公示不能从过去开始', en: 'A notice cannot open in the past' } });
  if (closesAt <= opensAt) problems.push({ path: 'closesAt', message: { zh: '结束时间须晚于开始时间', en: 'It must close after it opens' } });
  else if (!testMode && workingDaysBetween(opensAt, closesAt, calendar) < program.noticeWorkingDays) {
    problems.push({ path: 'closesAt', message: { zh: `公示期不少于 ${program.noticeWorkingDays} 个工作日`, en: `A notice lasts at least ${program.noticeWorkingDays} working days` } });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`notice:${program.id}:${input.stage}`}))`);
    const pending = await tx
      .select({ id: selections.id })
      .from(selections)
      .where(and(eq(selections.programId, program.id), eq(selections.stage, input.stage), isNull(selections.revokedAt), isNull(selections.noticeId)));
    if (pending.length === 0) throw new AppError('INVALID_TRANSITION', { zh: '没有待公示的选择', en: 'There are no selections to notice' });
    const [notice] = await tx.insert(notices).values({ programId: program.id, stage: input.stage, opensAt, closesAt, createdBy: ctx.actor!.id }).returning();
    await tx.update(selections).set({ noticeId: notice!.id }).where(inArray(selections.id, pending.map((p) => p.id)));
    const phase = STAGE_STATUS[input.stage].phase;
    await tx
      .insert(programPhases)
      .values({ programId: program.id, key: phase, opensAt, closesAt })
      .onConflictDoUpdate({ target: [programPhases.programId, programPhases.key], set: { opensAt, closesAt } });
    await audit(ctx, tx, { action: `notice.${input.stage}.opened`, objectType: 'program', objectId: program.id, details: { noticeId: notice!.id, opensAt, closesAt, entries: pending.length } });
    return { id: notice!.id, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
  });
}

/** The public entry of a selection: organizations and titles, never a natural person's name, phone or e-mail. */
async function publicEntries(db: DbOrTx, where: ReturnType<typeof and>) {
  const rows = await db
    .select({
      s: selections,
      title: applications.title,
      responsibleUnit: applications.responsibleUnit,
      applicant: organizations.name,
      regionCode: organizations.regionCode,
      recommender: recommenders.name,
      subfield: subfields.name,
      subfieldCode: subfields.code,
      direction: directions.name,
    })
    .from(selections)
    .innerJoin(applications, eq(applications.id, selections.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, selections.subfieldId))
    .innerJoin(directions, eq(directions.id, subfields.directionId))
    .leftJoin(recommenders, eq(recommenders.id, applications.recommenderId))
    .where(where)
    .orderBy(asc(subfields.code), asc(organizations.name));
  return rows.map((r) => ({
    applicationId: r.s.applicationId,
    noticeId: r.s.noticeId,
    direction: r.direction,
    subfield: `${r.subfieldCode} ${r.subfield}`,
    subfieldCode: r.subfieldCode,
    title: r.title,
    applicant: r.applicant,
    responsibleUnit: r.responsibleUnit,
    recommender: r.recommender ?? '',
    region: regionByCode(r.regionCode)?.name ?? '',
    revoked: r.s.revokedAt !== null,
  }));
}

/** The program's notices that have opened, with their entries (API.md `GET /api/public/programs/:id/notices`). */
export async function publicNotices(ctx: ServiceContext, programIdOrCode: string) {
  const program = await findProgram(ctx, programIdOrCode);
  const rows = await ctx.db
    .select()
    .from(notices)
    .where(and(eq(notices.programId, program.id), lt(notices.opensAt, new Date(ctx.now.getTime() + 1))))
    .orderBy(desc(notices.opensAt));
  const entries = rows.length > 0 ? await publicEntries(ctx.db, and(inArray(selections.noticeId, rows.map((n) => n.id)))) : [];
  return {
    items: rows.map((n) => ({
      id: n.id,
      stage: n.stage,
      opensAt: n.opensAt.toISOString(),
      closesAt: n.closesAt.toISOString(),
      open: ctx.now < n.closesAt,
      published: n.publishedAt !== null,
      entries: entries
        .filter((e) => e.noticeId === n.id)
        .map(({ noticeId: _notice, ...e }) => e),
    })),
  };
}

/** A real-name objection to an entry of an open notice (API.md `POST /api/notices/:noticeId/objections`). */
export async function fileObjection(ctx: ServiceContext, noticeId: string, input: { applicationId: string; name: string; contact: string; reason: string }) {
  const [notice] = await ctx.db.select().from(notices).where(eq(notices.id, noticeId));
  if (!notice || notice.opensAt > ctx.now) throw new AppError('NOT_FOUND');
  if (ctx.now >= notice.closesAt) {
    throw new AppError('DEADLINE_PASSED', { zh: '公示期已结束，不再受理异议', en: 'The notice period is over; objections are no longer accepted' });
  }
  const name = input.name.trim();
  const contact = input.contact.trim();
  const reason = input.reason.trim();
  const problems: Array<{ path: string; message: Localized }> = [];
  if (name.length === 0) problems.push({ path: 'name', message: { zh: '异议须实名提出，请填写姓名', en: 'Objections are made in one’s own name: give your name' } });
  if (!PHONE_PATTERN.test(contact) && !EMAIL_PATTERN.test(contact)) {
    problems.push({ path: 'contact', message: { zh: '请填写可以联系到您的电话或电子邮箱', en: 'Give a phone number or an e-mail address where you can be reached' } });
  }
  if (reason.length < 10) problems.push({ path: 'reason', message: { zh: '请写明异议的事实和理由（至少 10 个字）', en: 'State the facts and reasons (at least 10 characters)' } });
  const [entry] = await ctx.db
    .select({ id: selections.id })
    .from(selections)
    .where(and(eq(selections.noticeId, noticeId), eq(selections.applicationId, input.applicationId), isNull(selections.revokedAt)));
  if (!entry) problems.push({ path: 'applicationId', message: { zh: '该项目不在本次公示名单中', en: 'This entry is not on the notice' } });
  if (problems.length > 0) throw invalidFields(problems);
  await hitRateLimit(ctx.db, { key: `objection:ip:${ctx.ip ?? 'unknown'}`, max: 5, windowMs: 3_600_000 }, ctx.now);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(objections).values({ noticeId, applicationId: input.applicationId, name, contact, reason, createdAt: ctx.now }).returning({ id: objections.id });
    // The objector's identity stays in the objection, visible to the program admin only; the audit names the record.
    await audit(ctx, tx, { action: 'objection.filed', objectType: 'application', objectId: input.applicationId, details: { objectionId: row!.id, noticeId } });
    return { id: row!.id };
  });
}

/** The objections of a program's notices, with the objector's identity (program admins only). */
export async function listObjections(ctx: ServiceContext, programIdOrCode: string) {
  const program = await adminProgram(ctx, programIdOrCode);
  const rows = await ctx.db
    .select({ o: objections, stage: notices.stage, title: applications.title, applicant: organizations.name })
    .from(objections)
    .innerJoin(notices, eq(notices.id, objections.noticeId))
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(notices.programId, program.id))
    .orderBy(desc(objections.createdAt));
  return {
    items: rows.map((r) => ({
      id: r.o.id,
      noticeId: r.o.noticeId,
      stage: r.stage,
      applicationId: r.o.applicationId,
      title: r.title,
      applicant: r.applicant,
      name: r.o.name,
      contact: r.o.contact,
      reason: r.o.reason,
      createdAt: r.o.createdAt.toISOString(),
      status: r.o.status,
      resolution: r.o.resolution,
      resolvedAt: r.o.resolvedAt?.toISOString() ?? null,
    })),
  };
}

/** Resolves an objection: upheld revokes the selection (its place may be refilled through a new notice). */
export async function resolveObjection(ctx: ServiceContext, objectionId: string, input: { decision: 'upheld' | 'dismissed'; reason: string }) {
  const [found] = await ctx.db.select({ o: objections, programId: notices.programId, stage: notices.stage }).from(objections).innerJoin(notices, eq(notices.id, objections.noticeId)).where(eq(objections.id, objectionId));
  if (!found) throw new AppError('NOT_FOUND');
  await adminProgramOfHidden(ctx, found.programId);
  const reason = input.reason.trim();
  if (reason.length === 0) throw invalidFields([{ path: 'reason', message: { zh: '请写明处理理由', en: 'Give the reason for the decision' } }]);
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(objections).where(eq(objections.id, objectionId)).for('update');
    if (locked!.status !== 'open') throw new AppError('INVALID_TRANSITION', { zh: '该异议已处理', en: 'The objection has been resolved' });
    await tx.update(objections).set({ status: input.decision, resolution: reason, resolvedBy: ctx.actor!.id, resolvedAt: ctx.now }).where(eq(objections.id, objectionId));
    if (input.decision === 'upheld') {
      const stage = found.stage;
      await tx
        .update(selections)
        .set({ revokedAt: ctx.now, revokedReason: reason })
        .where(and(eq(selections.applicationId, found.o.applicationId), eq(selections.stage, stage), eq(selections.noticeId, found.o.noticeId), isNull(selections.revokedAt)));
      await tx.update(applications).set({ status: STAGE_STATUS[stage].revoked, updatedAt: ctx.now }).where(eq(applications.id, found.o.applicationId));
    }
    await audit(ctx, tx, { action: `objection.${input.decision}`, objectType: 'application', objectId: found.o.applicationId, details: { objectionId, reason } });
    return { status: input.decision };
  });
}

/**
 * Publishes a stage (API.md `POST …/publish`): every notice of the stage not yet published must have closed with
 * every objection resolved; its entries become confirmed.
 */
export async function publish(ctx: ServiceContext, programIdOrCode: string, stage: Stage) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`notice:${program.id}:${stage}`}))`);
    const pending = await tx
      .select()
      .from(notices)
      .where(and(eq(notices.programId, program.id), eq(notices.stage, stage), isNull(notices.publishedAt)));
    if (pending.length === 0) throw new AppError('INVALID_TRANSITION', { zh: '没有待公布的公示', en: 'There is no notice to publish' });
    if (pending.some((n) => ctx.now < n.closesAt)) {
      throw new AppError('INVALID_TRANSITION', { zh: '公示期尚未结束，不能公布', en: 'The notice period has not ended yet' });
    }
    const open = await tx
      .select({ id: objections.id })
      .from(objections)
      .where(and(inArray(objections.noticeId, pending.map((n) => n.id)), eq(objections.status, 'open')));
    if (open.length > 0) {
      throw new AppError('INVALID_TRANSITION', { zh: `还有 ${open.length} 条异议未处理，不能公布`, en: `${open.length} objections are unresolved` });
    }
    const confirmed = await tx
      .select({ applicationId: selections.applicationId })
      .from(selections)
      .where(and(inArray(selections.noticeId, pending.map((n) => n.id)), isNull(selections.revokedAt)));
    if (confirmed.length > 0) {
      await tx
        .update(applications)
        .set({ status: STAGE_STATUS[stage].confirmed, updatedAt: ctx.now })
        .where(inArray(applications.id, confirmed.map((c) => c.applicationId)));
    }
    await tx.update(notices).set({ publishedAt: ctx.now }).where(inArray(notices.id, pending.map((n) => n.id)));
    await audit(ctx, tx, { action: `notice.${stage}.published`, objectType: 'program', objectId: program.id, details: { notices: pending.map((n) => n.id), confirmed: confirmed.length } });
    return { published: confirmed.length };
  });
}

/** The published finalists and winners (API.md `GET /api/public/programs/:id/results`). */
export async function publicResults(ctx: ServiceContext, programIdOrCode: string) {
  const program = await findProgram(ctx, programIdOrCode);
  const entries = await publicEntries(
    ctx.db,
    and(eq(selections.programId, program.id), isNull(selections.revokedAt), sql`${selections.noticeId} IN (SELECT ${notices.id} FROM ${notices} WHERE ${notices.publishedAt} IS NOT NULL)`),
  );
  const strip = ({ noticeId: _n, revoked: _r, applicationId: _a, ...e }: (typeof entries)[number]) => e;
  const noticeStage = new Map((await ctx.db.select({ id: notices.id, stage: notices.stage }).from(notices).where(eq(notices.programId, program.id))).map((n) => [n.id, n.stage]));
  return {
    finalists: entries.filter((e) => noticeStage.get(e.noticeId!) === 'finalist').map(strip),
    winners: entries.filter((e) => noticeStage.get(e.noticeId!) === 'winner').map(strip),
  };
}
