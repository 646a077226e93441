// Reviewing: the expert's view of an assignment (the application only after declaring no conflict), the review
// saved as typed and submitted, a declared conflict that gives the place back to be refilled; the ranking per
// subfield and round with its reasons; advancing applications to the next round; staff edits with a reason.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ReviewCriterion } from '../../../shared/schemas/catalogue.js';
import type { DbOrTx } from '../../db/client.js';
import { applications, assignmentBans, organizations, reviewAssignments, reviewRounds, reviews, roundEntries, subfields, users } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import type { JobQueue } from '../../jobs/queue.js';
import { hasRole } from '../accounts/actor.js';
import { phaseWindow } from '../applications/applications.repository.js';
import { queueRefill } from '../assignment/assignment-jobs.service.js';
import { adminProgram, adminProgramOfHidden, roundApplications } from '../assignment/assignment.service.js';
import { automaticCriteria, automaticScores, mergeScores } from './automatic-scores.js';
import { rank, scoreProblems, weightedTotal, zScores, type SubmittedReview } from './scoring.js';

type RoundRow = typeof reviewRounds.$inferSelect;
type AssignmentRow = typeof reviewAssignments.$inferSelect;
type ReviewRow = typeof reviews.$inferSelect;

const MAX_COMMENT = 20_000;

/** The caller's own released assignment with its round and application; anything else does not exist for them. */
async function ownAssignment(ctx: ServiceContext, db: DbOrTx, id: string, lock = false) {
  if (!hasRole(ctx.actor, 'expert')) throw new AppError('FORBIDDEN');
  const query = db
    .select({ a: reviewAssignments, round: reviewRounds, title: applications.title, applicant: organizations.name, subfield: subfields.name, subfieldEn: subfields.nameEn })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, and(eq(reviewRounds.programId, reviewAssignments.programId), eq(reviewRounds.key, reviewAssignments.round)))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .where(and(eq(reviewAssignments.id, id), eq(reviewAssignments.expertId, ctx.actor!.id), eq(reviewAssignments.status, 'released')));
  const [row] = lock ? await query.for('update', { of: reviewAssignments }) : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const reviewView = (r: ReviewRow | undefined) =>
  r ? { scores: r.scores, comment: r.comment, state: r.state, total: r.total, submittedAt: r.submittedAt?.toISOString() ?? null } : null;

/** The other submitted reviews of the same application and round, for an expert who has submitted, where the round
 * lets experts see each other's. */
async function peerReviews(db: DbOrTx, a: AssignmentRow) {
  const rows = await db
    .select({ expertName: users.name, review: reviews })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(users, eq(users.id, reviewAssignments.expertId))
    .where(
      and(
        eq(reviewAssignments.programId, a.programId),
        eq(reviewAssignments.round, a.round),
        eq(reviewAssignments.applicationId, a.applicationId),
        eq(reviews.state, 'submitted'),
      ),
    )
    .orderBy(asc(reviews.submittedAt));
  return rows.filter((r) => r.review.assignmentId !== a.id).map((r) => ({ expertName: r.expertName, total: r.review.total!, scores: r.review.scores, comment: r.review.comment }));
}

/** One assignment as its expert sees it: before declaring no conflict, the title, subfield and applicant only. */
export async function getReviewAssignment(ctx: ServiceContext, id: string) {
  const row = await ownAssignment(ctx, ctx.db, id);
  const [review] = await ctx.db.select().from(reviews).where(eq(reviews.assignmentId, id));
  const submitted = review?.state === 'submitted';
  return {
    id: row.a.id,
    applicationId: row.a.applicationId,
    round: {
      key: row.round.key,
      name: row.round.name,
      nameEn: row.round.nameEn,
      phase: row.round.phase,
      dueAt: row.round.dueAt?.toISOString() ?? null,
      criteria: row.round.criteria,
      // Criteria the platform fills in (metShare from the measured attainment): shown, never typed.
      automatic: automaticCriteria(row.round).map((c) => c.key),
    },
    declared: row.a.noConflictAt !== null,
    application: { id: row.a.applicationId, title: row.title, subfield: ctx.lang === 'en' && row.subfieldEn ? row.subfieldEn : row.subfield, applicant: row.applicant },
    review: reviewView(review),
    peers: submitted && row.round.peerVisibility ? await peerReviews(ctx.db, row.a) : null,
  };
}

/** Reviews are written while the round's phase is open and before the round's due date. */
async function requireReviewWindow(ctx: ServiceContext, db: DbOrTx, round: RoundRow): Promise<void> {
  const phase = await phaseWindow(db, round.programId, round.phase);
  if (!phase || ctx.now < phase.opensAt) {
    throw new AppError('DEADLINE_PASSED', { zh: '评审尚未开始', en: 'The review has not opened yet' });
  }
  const closes = round.dueAt && round.dueAt < phase.closesAt ? round.dueAt : phase.closesAt;
  if (ctx.now >= closes) {
    throw new AppError('DEADLINE_PASSED', { zh: '已过评审截止时间（北京时间）', en: 'The review deadline (Beijing time) has passed' });
  }
}

export interface ReviewInput {
  conflict: boolean;
  conflictReason?: string;
  scores?: Record<string, number>;
  comment?: string;
  submit: boolean;
}

const PROBLEM_MESSAGES: Record<'missing' | 'range' | 'unknown', (c: ReviewCriterion | undefined) => Localized> = {
  missing: (c) => ({ zh: `请为“${c?.label}”打分`, en: `Score “${c?.labelEn || c?.label}”` }),
  range: (c) => ({ zh: `分数须在 0 到 ${c?.maxScore} 之间`, en: `The score must be between 0 and ${c?.maxScore}` }),
  unknown: () => ({ zh: '本轮没有这项评审标准', en: 'The round has no such criterion' }),
};

const AUTOMATIC_MESSAGES: Record<'typed' | 'unmeasured', (c: ReviewCriterion) => Localized> = {
  typed: (c) => ({ zh: `“${c.label}”由评测机构的实测结果自动计算，不能填写`, en: `“${c.labelEn || c.label}” is computed from the lab’s measurements and cannot be typed` }),
  unmeasured: (c) => ({
    zh: `评测机构尚未录入可判定的实测值，“${c.label}”无法计算，暂不能提交`,
    en: `The lab has not measured any committed target yet, so “${c.labelEn || c.label}” cannot be computed; the review cannot be submitted yet`,
  }),
};

/**
 * The expert's one action on an assignment (API.md `PUT /api/assignments/:id/review`): declare a conflict (the place
 * goes back and is refilled), or declare none and save the review as typed, or submit it (every criterion scored,
 * a comment written). A submitted review is final for the expert.
 */
export async function putReview(ctx: ServiceContext, jobs: JobQueue, id: string, input: ReviewInput) {
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await ownAssignment(ctx, tx, id, true);
    await requireReviewWindow(ctx, tx, row.round);
    const [existing] = await tx.select().from(reviews).where(eq(reviews.assignmentId, id));
    if (existing?.state === 'submitted') {
      throw new AppError('INVALID_TRANSITION', { zh: '评审意见已提交，不能再修改', en: 'The review has been submitted and cannot be changed' });
    }
    if (input.conflict) {
      const reason = input.conflictReason?.trim() ?? '';
      if (reason.length === 0 || reason.length > 500) {
        throw invalidFields([{ path: 'conflictReason', message: { zh: '请说明利益冲突的情况（500 字以内）', en: 'Describe the conflict (at most 500 characters)' } }]);
      }
      await tx.update(reviewAssignments).set({ status: 'declined', declinedAt: ctx.now, conflictReason: reason }).where(eq(reviewAssignments.id, id));
      // The pair is never made again in this round.
      await tx
        .insert(assignmentBans)
        .values({ programId: row.a.programId, round: row.a.round, applicationId: row.a.applicationId, expertId: row.a.expertId })
        .onConflictDoNothing();
      await audit(ctx, tx, { action: 'review.conflict_declared', objectType: 'application', objectId: row.a.applicationId, details: { assignmentId: id, round: row.a.round, reason } });
      return { declined: true as const, programId: row.a.programId, round: row.a.round };
    }

    // The scores sent replace the saved ones (a cleared score is left out); without scores, the saved ones stay.
    // Automatic criteria are never sent: the platform fills them in from what was measured.
    const automatic = automaticCriteria(row.round);
    const typedAutomatic = automatic.filter((c) => input.scores?.[c.key] !== undefined);
    const scores = mergeScores(row.round, input.scores ?? existing?.scores ?? {}, await automaticScores(tx, row.round, row.a.applicationId));
    const comment = input.comment ?? existing?.comment ?? '';
    const problems = scoreProblems(row.round.criteria, scores, input.submit)
      .filter((p) => !automatic.some((c) => c.key === p.key))
      .map((p) => ({ path: `scores.${p.key}`, message: PROBLEM_MESSAGES[p.problem](row.round.criteria.find((c) => c.key === p.key)) }));
    for (const c of typedAutomatic) problems.push({ path: `scores.${c.key}`, message: AUTOMATIC_MESSAGES.typed(c) });
    if (input.submit) for (const c of automatic.filter((c) => scores[c.key] === undefined)) problems.push({ path: `scores.${c.key}`, message: AUTOMATIC_MESSAGES.unmeasured(c) });
    if (comment.length > MAX_COMMENT) problems.push({ path: 'comment', message: { zh: `评审意见不超过 ${MAX_COMMENT} 字`, en: `At most ${MAX_COMMENT} characters` } });
    if (input.submit && comment.trim().length === 0) problems.push({ path: 'comment', message: { zh: '请填写评审意见', en: 'Write your comments' } });
    if (problems.length > 0) throw invalidFields(problems);

    const firstDeclaration = row.a.noConflictAt === null;
    if (firstDeclaration) await tx.update(reviewAssignments).set({ noConflictAt: ctx.now }).where(eq(reviewAssignments.id, id));
    const values = input.submit
      ? { scores, comment, state: 'submitted' as const, total: weightedTotal(row.round.criteria, scores), submittedAt: ctx.now, updatedAt: ctx.now }
      : { scores, comment, updatedAt: ctx.now };
    const [saved] = await tx
      .insert(reviews)
      .values({ assignmentId: id, ...values })
      .onConflictDoUpdate({ target: reviews.assignmentId, set: values })
      .returning();
    // Drafts saved as the expert types are not audited; declaring no conflict and submitting are.
    if (input.submit) {
      await audit(ctx, tx, { action: 'review.submitted', objectType: 'application', objectId: row.a.applicationId, details: { assignmentId: id, round: row.a.round, scores, total: saved!.total, declaredNoConflict: firstDeclaration } });
    } else if (firstDeclaration) {
      await audit(ctx, tx, { action: 'review.no_conflict_declared', objectType: 'application', objectId: row.a.applicationId, details: { assignmentId: id, round: row.a.round } });
    }
    return { declined: false as const, review: saved! };
  });
  if (outcome.declined) {
    await queueRefill(ctx, jobs, outcome.programId, outcome.round);
    return { status: 'declined' as const, declared: false, review: null };
  }
  return { status: 'released' as const, declared: true, review: reviewView(outcome.review) };
}

/** A program admin corrects a submitted review, with a reason; the audit keeps before and after. */
export async function staffEditReview(ctx: ServiceContext, id: string, input: { scores: Record<string, number>; comment: string; reason: string }) {
  const [found] = await ctx.db.select({ programId: reviewAssignments.programId }).from(reviewAssignments).where(eq(reviewAssignments.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  await adminProgramOfHidden(ctx, found.programId);
  const reason = input.reason.trim();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ review: reviews, a: reviewAssignments, round: reviewRounds })
      .from(reviews)
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
      .innerJoin(reviewRounds, and(eq(reviewRounds.programId, reviewAssignments.programId), eq(reviewRounds.key, reviewAssignments.round)))
      .where(eq(reviews.assignmentId, id))
      .for('update', { of: reviews });
    if (!row || row.review.state !== 'submitted') {
      throw new AppError('INVALID_TRANSITION', { zh: '只能修改已提交的评审意见', en: 'Only a submitted review can be corrected' });
    }
    // Automatic criteria keep the computed score: a correction may leave them out or repeat them, not change them.
    const automatic = automaticCriteria(row.round);
    const computed = await automaticScores(tx, row.round, row.a.applicationId);
    const scores = mergeScores(row.round, input.scores, automatic.some((c) => computed[c.key] === undefined) ? { ...pick(row.review.scores, automatic), ...computed } : computed);
    const problems = scoreProblems(row.round.criteria, scores, true).map((p) => ({
      path: `scores.${p.key}`,
      message: PROBLEM_MESSAGES[p.problem](row.round.criteria.find((c) => c.key === p.key)),
    }));
    for (const c of automatic.filter((c) => input.scores[c.key] !== undefined && input.scores[c.key] !== scores[c.key])) {
      problems.push({ path: `scores.${c.key}`, message: AUTOMATIC_MESSAGES.typed(c) });
    }
    if (reason.length === 0) problems.push({ path: 'reason', message: { zh: '请说明修改原因', en: 'Give the reason for the change' } });
    if (input.comment.length > MAX_COMMENT) problems.push({ path: 'comment', message: { zh: `评审意见不超过 ${MAX_COMMENT} 字`, en: `At most ${MAX_COMMENT} characters` } });
    if (problems.length > 0) throw invalidFields(problems);
    const total = weightedTotal(row.round.criteria, scores);
    const [saved] = await tx.update(reviews).set({ scores, comment: input.comment, total, updatedAt: ctx.now }).where(eq(reviews.assignmentId, id)).returning();
    await audit(ctx, tx, {
      action: 'review.staff_edit',
      objectType: 'application',
      objectId: row.a.applicationId,
      details: { assignmentId: id, reason, before: { scores: row.review.scores, comment: row.review.comment, total: row.review.total }, after: { scores, comment: input.comment, total } },
    });
    return reviewView(saved)!;
  });
}

const pick = (scores: Record<string, number>, criteria: ReviewCriterion[]) =>
  Object.fromEntries(criteria.filter((c) => scores[c.key] !== undefined).map((c) => [c.key, scores[c.key]!]));

/** The round's rows of rounds of the program, in order, and the one asked for. */
/** A round of the program; one named in the address that does not exist is not found, one in a filter is invalid. */
async function roundOf(db: DbOrTx, programId: string, key: string, named: 'path' | 'query' = 'query') {
  const rounds = await db.select().from(reviewRounds).where(eq(reviewRounds.programId, programId)).orderBy(asc(reviewRounds.position));
  const round = rounds.find((r) => r.key === key);
  if (!round && named === 'path') throw new AppError('NOT_FOUND');
  if (!round) throw invalidFields([{ path: 'round', message: { zh: '本项目没有这个评审轮次', en: 'The program has no such review round' } }]);
  const next = rounds.filter((r) => r.phase === round.phase && r.position > round.position)[0] ?? null;
  return { round, next };
}

/**
 * The ranking of a round (API.md `GET …/ranking`): per subfield, by the mean weighted total or by the normalised
 * score (each expert's z-scores over the whole round), with every review, the spread and the disagreement flag as
 * the reasons; whether each application has been advanced to the next round.
 */
export async function ranking(ctx: ServiceContext, programIdOrCode: string, query: { round: string; subfieldId?: string; normalized?: boolean }) {
  const program = await adminProgram(ctx, programIdOrCode);
  const { round, next } = await roundOf(ctx.db, program.id, query.round);
  const pool = await roundApplications(ctx.db, program.id, round.key);
  const rows = await ctx.db
    .select({ a: reviewAssignments, review: reviews, expertName: users.name })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(users, eq(users.id, reviewAssignments.expertId))
    .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, round.key), eq(reviews.state, 'submitted')));
  const submitted: SubmittedReview[] = rows.map((r) => ({ applicationId: r.a.applicationId, expertId: r.a.expertId, total: r.review.total! }));
  const z = zScores(submitted);
  const detailsOf = new Map<string, Array<{ expertName: string; total: number; z: number; scores: Record<string, number>; comment: string; assignmentId: string }>>();
  rows.forEach((x, i) => {
    const list = detailsOf.get(x.a.applicationId) ?? [];
    list.push({ expertName: x.expertName, total: x.review.total!, z: Math.round(z.get(submitted[i]!)! * 10_000) / 10_000, scores: x.review.scores, comment: x.review.comment, assignmentId: x.a.id });
    detailsOf.set(x.a.applicationId, list);
  });
  const apps = new Map(pool.map((a, i) => [a.id, { ...a, order: i }]));
  const advanced = next
    ? new Set(
        (await ctx.db.select({ id: roundEntries.applicationId }).from(roundEntries).where(and(eq(roundEntries.programId, program.id), eq(roundEntries.round, next.key)))).map(
          (e) => e.id,
        ),
      )
    : new Set<string>();
  const subfieldIds = [...new Set(pool.map((a) => a.subfieldId))].filter((s) => !query.subfieldId || s === query.subfieldId);
  const items = subfieldIds.flatMap((subfieldId) => {
    const inSubfield = submitted.filter((r) => apps.get(r.applicationId)?.subfieldId === subfieldId);
    const ranked = rank(inSubfield, query.normalized ? 'normalized' : 'mean', (x, y) => apps.get(x)!.order - apps.get(y)!.order, z);
    return ranked.map((r) => {
      const app = apps.get(r.applicationId)!;
      return {
        ...r,
        subfieldId,
        subfield: app.subfieldName,
        title: app.title,
        applicant: app.organizationName,
        advanced: advanced.has(r.applicationId),
        expected: round.reviewersPerApplication,
        details: detailsOf.get(r.applicationId) ?? [],
      };
    });
  });
  const unreviewed = pool.filter((a) => (!query.subfieldId || a.subfieldId === query.subfieldId) && !submitted.some((r) => r.applicationId === a.id));
  return {
    round: { key: round.key, name: round.name, nameEn: round.nameEn, criteria: round.criteria, next: next ? { key: next.key, name: next.name, nameEn: next.nameEn } : null },
    items,
    unreviewed: unreviewed.map((a) => ({ applicationId: a.id, title: a.title, applicant: a.organizationName, subfieldId: a.subfieldId, subfield: a.subfieldName })),
  };
}

/** Advances applications of a round into the next round of the same phase (e.g. online review → defence). */
export async function advance(ctx: ServiceContext, programIdOrCode: string, input: { round: string; applicationIds: string[] }) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    const { round, next } = await roundOf(tx, program.id, input.round);
    if (!next) throw new AppError('INVALID_TRANSITION', { zh: '这是本阶段的最后一轮评审，没有下一轮', en: 'This is the last round of its phase; there is no next round' });
    const pool = new Set((await roundApplications(tx, program.id, round.key)).map((a) => a.id));
    const outside = input.applicationIds.map((id, i) => ({ id, i })).filter(({ id }) => !pool.has(id));
    if (outside.length > 0) {
      throw invalidFields(outside.map(({ i }) => ({ path: `applicationIds.${i}`, message: { zh: '该申报不在本轮评审中', en: 'This application is not in the round' } })));
    }
    const inserted = await tx
      .insert(roundEntries)
      .values(input.applicationIds.map((applicationId) => ({ programId: program.id, round: next.key, applicationId, advancedBy: ctx.actor!.id, advancedAt: ctx.now })))
      .onConflictDoNothing()
      .returning({ id: roundEntries.applicationId });
    await audit(ctx, tx, { action: 'review.advanced', objectType: 'program', objectId: program.id, details: { from: round.key, to: next.key, applicationIds: inserted.map((r) => r.id) } });
    return { round: next.key, advanced: inserted.length };
  });
}

/** Takes an application back out of a round it was advanced into, while no expert has it there yet. */
export async function withdrawAdvance(ctx: ServiceContext, programIdOrCode: string, input: { round: string; applicationId: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    const assigned = await tx
      .select({ id: reviewAssignments.id })
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, input.round), eq(reviewAssignments.applicationId, input.applicationId), inArray(reviewAssignments.status, ['released', 'declined'])));
    if (assigned.length > 0) throw new AppError('INVALID_TRANSITION', { zh: '该申报在这一轮已有专家评审，不能撤回', en: 'Experts already have this application in that round' });
    const deleted = await tx
      .delete(roundEntries)
      .where(and(eq(roundEntries.programId, program.id), eq(roundEntries.round, input.round), eq(roundEntries.applicationId, input.applicationId)))
      .returning();
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await tx
      .delete(reviewAssignments)
      .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, input.round), eq(reviewAssignments.applicationId, input.applicationId)));
    await audit(ctx, tx, { action: 'review.advance_withdrawn', objectType: 'application', objectId: input.applicationId, details: { round: input.round } });
  });
}

export interface RoundSettings {
  reviewersPerApplication: number;
  maxPerExpert: number;
  dueAt: string | null;
  peerVisibility: boolean;
}

const settingsOf = (r: RoundRow): RoundSettings => ({
  reviewersPerApplication: r.reviewersPerApplication,
  maxPerExpert: r.maxPerExpert,
  dueAt: r.dueAt?.toISOString() ?? null,
  peerVisibility: r.peerVisibility,
});

export async function getRoundSettings(ctx: ServiceContext, programIdOrCode: string, key: string): Promise<RoundSettings> {
  const program = await adminProgram(ctx, programIdOrCode);
  return settingsOf((await roundOf(ctx.db, program.id, key, 'path')).round);
}

/** How a round is run: experts per application, the load limit, the due date, whether experts see each other's
 * reviews after submitting. */
export async function setRoundSettings(ctx: ServiceContext, programIdOrCode: string, key: string, input: RoundSettings): Promise<RoundSettings> {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    const { round } = await roundOf(tx, program.id, key, 'path');
    const values = { reviewersPerApplication: input.reviewersPerApplication, maxPerExpert: input.maxPerExpert, dueAt: input.dueAt ? new Date(input.dueAt) : null, peerVisibility: input.peerVisibility };
    const [saved] = await tx.update(reviewRounds).set({ ...values, updatedAt: ctx.now }).where(eq(reviewRounds.id, round.id)).returning();
    await audit(ctx, tx, { action: 'program.review_round.settings', objectType: 'program', objectId: program.id, details: { key, before: settingsOf(round), after: settingsOf(saved!) } });
    return settingsOf(saved!);
  });
}
