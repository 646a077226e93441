// The recommending tier: a unit decides on the applications that chose it (recommend with a rank per direction,
// return for revision, decline), within its optional quota per direction, during the recommendation phase; submits
// its batch (推荐汇总表, hashed), which locks its decisions until a program admin reopens it with a reason. The ministry
// follows every unit's progress and makes the formal check (形式审查).
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications, directions, organizations, recommendationBatches, recommenders, subfields } from '../../db/schema/index.js';
import { sm3Hex } from '../../crypto/sm3.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { administersProgram, hasRole } from '../accounts/actor.js';
import { requirePhase, requireStatus, visibleApplication } from '../applications/applications.service.js';
import { canonicalJson } from '../audit/canonical.js';
import { findProgram, requireProgramAdmin } from '../programs/catalogue.service.js';
import { RECOMMENDED_OR_LATER } from '../../../shared/vocabulary.js';

export type Decision = 'recommend' | 'return' | 'decline';
const STATUS_OF: Record<Decision, 'recommended' | 'returned' | 'not_recommended'> = {
  recommend: 'recommended',
  return: 'returned',
  decline: 'not_recommended',
};
/** API.md: a unit decides on submitted applications and may revise between recommended and not recommended. */
const DECIDABLE: Record<Decision, string[]> = {
  recommend: ['submitted', 'recommended', 'not_recommended'],
  decline: ['submitted', 'recommended', 'not_recommended'],
  return: ['submitted'],
};

export async function openBatch(db: DbOrTx, programId: string, recommenderId: string) {
  const rows = await db
    .select()
    .from(recommendationBatches)
    .where(and(eq(recommendationBatches.programId, programId), eq(recommendationBatches.recommenderId, recommenderId), isNull(recommendationBatches.reopenedAt)));
  return rows[0];
}

async function directionOf(db: DbOrTx, subfieldId: string): Promise<string> {
  const [row] = await db.select({ directionId: subfields.directionId }).from(subfields).where(eq(subfields.id, subfieldId));
  return row!.directionId;
}

/** The recommended applications of a unit in a direction, in rank order. */
async function rankedInDirection(db: DbOrTx, programId: string, recommenderId: string, directionId: string) {
  return db
    .select({ id: applications.id, rank: applications.recommenderRank })
    .from(applications)
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .where(
      and(
        eq(applications.programId, programId),
        eq(applications.recommenderId, recommenderId),
        eq(applications.status, 'recommended'),
        eq(subfields.directionId, directionId),
      ),
    )
    .orderBy(sql`${applications.recommenderRank} NULLS LAST`, asc(applications.decidedAt));
}

/** Writes ranks 1..n in the given order. */
async function renumber(db: DbOrTx, ids: string[]): Promise<void> {
  for (const [index, id] of ids.entries()) await db.update(applications).set({ recommenderRank: index + 1 }).where(eq(applications.id, id));
}

export async function decide(ctx: ServiceContext, id: string, input: { decision: Decision; comment: string; rank?: number }): Promise<{ status: string }> {
  return ctx.db.transaction(async (tx) => {
    const app = await visibleApplication(ctx, tx, id, true);
    if (!(hasRole(ctx.actor, 'recommender') && ctx.actor!.recommenderId === app.recommenderId)) {
      throw new AppError('FORBIDDEN', { zh: '只有申报单位选择的推荐单位可以作出推荐意见', en: 'Only the recommending unit the applicant chose decides' });
    }
    const comment = input.comment.trim();
    if (input.decision !== 'recommend' && comment === '') {
      throw invalidFields([{ path: 'comment', message: { zh: '退回或不推荐时须写明理由', en: 'Give the reason when returning or declining' } }]);
    }
    requireStatus(app, DECIDABLE[input.decision], {
      zh: input.decision === 'return' ? '只能退回已提交、尚未处理的申报' : '该申报当前不能作出推荐意见',
      en: input.decision === 'return' ? 'Only a submitted, undecided application can be returned' : 'No decision can be made on this application now',
    });
    // Decisions of one unit queue here: its quota and its ranks stay right under concurrent clicks.
    await tx.select({ id: recommenders.id }).from(recommenders).where(eq(recommenders.id, app.recommenderId!)).for('update');
    if (await openBatch(tx, app.programId, app.recommenderId!)) {
      throw new AppError('INVALID_TRANSITION', { zh: '推荐批次已报送，推荐意见已锁定', en: 'The batch has been submitted; decisions are locked' });
    }
    await requirePhase(ctx, tx, app.programId, 'recommendation');
    const program = await findProgram({ db: tx }, app.programId);
    const directionId = await directionOf(tx, app.subfieldId);
    const ranked = (await rankedInDirection(tx, app.programId, app.recommenderId!, directionId)).filter((r) => r.id !== app.id);
    if (input.decision === 'recommend' && program.recommendationsPerDirection !== null && ranked.length >= program.recommendationsPerDirection) {
      throw new AppError('QUOTA_EXCEEDED', {
        zh: `每个推荐单位在每个方向至多推荐 ${program.recommendationsPerDirection} 项`,
        en: `A recommending unit recommends at most ${program.recommendationsPerDirection} applications per direction`,
      });
    }
    const status = STATUS_OF[input.decision];
    await tx
      .update(applications)
      .set({
        status,
        decisionComment: comment || null,
        returnReason: input.decision === 'return' ? comment : null,
        recommenderRank: null,
        decidedAt: ctx.now,
        version: app.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(applications.id, app.id));
    const order = ranked.map((r) => r.id);
    if (input.decision === 'recommend') {
      const at = input.rank === undefined ? order.length : Math.min(Math.max(input.rank, 1), order.length + 1) - 1;
      order.splice(at, 0, app.id);
    }
    await renumber(tx, order);
    await audit(ctx, tx, {
      action: 'application.recommendation',
      objectType: 'application',
      objectId: app.id,
      details: { decision: input.decision, from: app.status, to: status, rank: input.decision === 'recommend' ? order.indexOf(app.id) + 1 : null },
    });
    return { status };
  });
}

/** One row of the 推荐汇总表 per recommended application, by direction and rank. */
export async function summaryRows(db: DbOrTx, programId: string, recommenderId: string) {
  const rows = await db
    .select({
      applicationId: applications.id,
      direction: sql<string>`${directions.code} || ' ' || ${directions.name}`,
      subfield: sql<string>`${subfields.code} || ' ' || ${subfields.name}`,
      title: applications.title,
      organization: organizations.name,
      uscc: organizations.uscc,
      regionCode: organizations.regionCode,
      person: sql<string>`${applications.responsiblePerson}->>'name'`,
      phone: sql<string>`${applications.responsiblePerson}->>'phone'`,
      rank: applications.recommenderRank,
      comment: applications.decisionComment,
      receiptNumber: applications.receiptNumber,
    })
    .from(applications)
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .innerJoin(directions, eq(directions.id, subfields.directionId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.programId, programId), eq(applications.recommenderId, recommenderId), eq(applications.status, 'recommended')))
    .orderBy(asc(directions.position), asc(applications.recommenderRank));
  return rows.map((r, i) => ({ ...r, index: i + 1, comment: r.comment ?? '' }));
}
export type SummaryRow = Awaited<ReturnType<typeof summaryRows>>[number];

/** A unit that does not exist is not found; another unit (they are public) is refused. */
async function requireUnit(db: DbOrTx, recommenderId: string): Promise<void> {
  const [unit] = await db.select({ id: recommenders.id }).from(recommenders).where(eq(recommenders.id, recommenderId));
  if (!unit) throw new AppError('NOT_FOUND');
}

async function requireOwnUnit(ctx: ServiceContext, recommenderId: string): Promise<void> {
  await requireUnit(ctx.db, recommenderId);
  if (!(hasRole(ctx.actor, 'recommender') && ctx.actor!.recommenderId === recommenderId)) {
    throw new AppError('FORBIDDEN', { zh: '只能报送本推荐单位的批次', en: 'You submit only your own unit’s batch' });
  }
}

export async function submitBatch(ctx: ServiceContext, recommenderId: string, programIdOrCode: string) {
  await requireOwnUnit(ctx, recommenderId);
  const program = await findProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    await tx.select({ id: recommenders.id }).from(recommenders).where(eq(recommenders.id, recommenderId)).for('update');
    if (await openBatch(tx, program.id, recommenderId)) {
      throw new AppError('INVALID_TRANSITION', { zh: '推荐批次已报送', en: 'The batch has already been submitted' });
    }
    const undecided = await tx
      .select({ id: applications.id, title: applications.title, receipt: applications.receiptNumber })
      .from(applications)
      .where(and(eq(applications.programId, program.id), eq(applications.recommenderId, recommenderId), eq(applications.status, 'submitted')));
    if (undecided.length > 0) {
      throw new AppError('INVALID_TRANSITION', { zh: '还有申报尚未作出推荐意见', en: 'Some applications have no decision yet' }, {
        details: undecided.map((u) => ({
          path: `applications.${u.id}`,
          message: { zh: `${u.receipt ?? ''} ${u.title}：尚未处理`, en: `${u.receipt ?? ''} ${u.title}: no decision yet` },
        })),
      });
    }
    await requirePhase(ctx, tx, program.id, 'recommendation');
    const rows = await summaryRows(tx, program.id, recommenderId);
    const content = { program: program.code, recommenderId, submittedAt: ctx.now.toISOString(), rows };
    const canonical = canonicalJson(content);
    const [batch] = await tx
      .insert(recommendationBatches)
      .values({
        programId: program.id,
        recommenderId,
        submittedAt: ctx.now,
        submittedBy: ctx.actor!.id,
        content,
        sha256: createHash('sha256').update(canonical, 'utf8').digest('hex'),
        sm3: sm3Hex(canonical),
      })
      .returning();
    await audit(ctx, tx, {
      action: 'recommendation.batch.submit',
      objectType: 'recommender',
      objectId: recommenderId,
      details: { programId: program.id, batchId: batch!.id, recommended: rows.length, sha256: batch!.sha256 },
    });
    return batchView(batch!);
  });
}

export function batchView(batch: typeof recommendationBatches.$inferSelect) {
  return { id: batch.id, submittedAt: batch.submittedAt.toISOString(), sha256: batch.sha256, sm3: batch.sm3, rows: (batch.content as { rows: SummaryRow[] }).rows.length };
}

export async function reopenBatch(ctx: ServiceContext, recommenderId: string, input: { programId: string; reason: string }) {
  const program = await findProgram(ctx, input.programId);
  requireProgramAdmin(ctx, program);
  await requireUnit(ctx.db, recommenderId);
  if (input.reason.trim() === '') throw invalidFields([{ path: 'reason', message: { zh: '须写明重新打开的理由', en: 'Give the reason for reopening' } }]);
  return ctx.db.transaction(async (tx) => {
    const batch = await openBatch(tx, program.id, recommenderId);
    if (!batch) throw new AppError('INVALID_TRANSITION', { zh: '该推荐单位没有已报送的批次', en: 'This unit has no submitted batch' });
    // Before the deadline only: afterwards the unit could not act on it anyway.
    await requirePhase(ctx, tx, program.id, 'recommendation');
    await tx
      .update(recommendationBatches)
      .set({ reopenedAt: ctx.now, reopenedBy: ctx.actor!.id, reopenReason: input.reason.trim() })
      .where(eq(recommendationBatches.id, batch.id));
    await audit(ctx, tx, {
      action: 'recommendation.batch.reopen',
      objectType: 'recommender',
      objectId: recommenderId,
      details: { programId: program.id, batchId: batch.id, reason: input.reason.trim() },
    });
    return { reopened: true };
  });
}

/** The unit's own view of its batch, or a program admin's. */
export async function batchStatus(ctx: ServiceContext, recommenderId: string, programIdOrCode: string) {
  const program = await findProgram(ctx, programIdOrCode);
  if (!administersProgram(ctx.actor, program.id)) await requireOwnUnit(ctx, recommenderId);
  const [batch, rows, unit] = await Promise.all([
    openBatch(ctx.db, program.id, recommenderId),
    summaryRows(ctx.db, program.id, recommenderId),
    ctx.db.select().from(recommenders).where(eq(recommenders.id, recommenderId)),
  ]);
  if (!unit[0]) throw new AppError('NOT_FOUND');
  const lastReopen = await ctx.db
    .select()
    .from(recommendationBatches)
    .where(and(eq(recommendationBatches.programId, program.id), eq(recommendationBatches.recommenderId, recommenderId)))
    .orderBy(sql`${recommendationBatches.reopenedAt} DESC NULLS LAST`)
    .limit(1);
  return {
    program,
    unit: unit[0],
    batch: batch ? batchView(batch) : null,
    // What the ministry holds once submitted; what would be sent before that.
    rows: batch ? (batch.content as { rows: SummaryRow[] }).rows : rows,
    reopenReason: !batch && lastReopen[0]?.reopenedAt ? lastReopen[0].reopenReason : null,
  };
}

/** The formal check (形式审查) of a recommended application, by the program's admins, once its unit's batch is in. */
export async function formalCheck(ctx: ServiceContext, id: string, input: { eligible: boolean; reason?: string }) {
  return ctx.db.transaction(async (tx) => {
    const app = await visibleApplication(ctx, tx, id, true);
    if (!administersProgram(ctx.actor, app.programId)) throw new AppError('FORBIDDEN');
    const reason = input.reason?.trim() ?? '';
    if (!input.eligible && reason === '') {
      throw invalidFields([{ path: 'reason', message: { zh: '不通过形式审查时须写明理由（申报单位可见）', en: 'Give the reason (the applicant sees it)' } }]);
    }
    requireStatus(app, ['recommended'], { zh: '只能对已推荐的申报进行形式审查', en: 'Only recommended applications are checked' });
    if (!(await openBatch(tx, app.programId, app.recommenderId!))) {
      throw new AppError('INVALID_TRANSITION', { zh: '推荐单位尚未报送批次，推荐意见可能还会改变', en: 'The recommending unit has not submitted its batch yet' });
    }
    const status = input.eligible ? 'eligible' : 'ineligible';
    await tx
      .update(applications)
      .set({ status, eligibilityReason: input.eligible ? null : reason, version: app.version + 1, updatedAt: ctx.now })
      .where(eq(applications.id, app.id));
    await audit(ctx, tx, { action: 'application.eligibility', objectType: 'application', objectId: app.id, details: { from: app.status, to: status, reason: reason || null } });
    return { status };
  });
}

/** Applications their unit recommended, whatever happened to them since (formal check, selection). */
const countRecommended = sql<number>`count(*) FILTER (WHERE ${applications.status} IN (${sql.join(
  RECOMMENDED_OR_LATER.map((s) => sql`${s}`),
  sql`, `,
)}))::int`;

/** Every recommending unit's progress in a program, for the ministry. */
export async function progress(ctx: ServiceContext, programIdOrCode: string) {
  const program = await findProgram(ctx, programIdOrCode);
  requireProgramAdmin(ctx, program);
  const counts = await ctx.db
    .select({
      recommenderId: applications.recommenderId,
      received: sql<number>`count(*) FILTER (WHERE ${applications.status} NOT IN ('draft', 'withdrawn'))::int`,
      undecided: sql<number>`count(*) FILTER (WHERE ${applications.status} = 'submitted')::int`,
      returned: sql<number>`count(*) FILTER (WHERE ${applications.status} = 'returned')::int`,
      recommended: countRecommended,
      declined: sql<number>`count(*) FILTER (WHERE ${applications.status} = 'not_recommended')::int`,
    })
    .from(applications)
    .where(and(eq(applications.programId, program.id), sql`${applications.recommenderId} IS NOT NULL`))
    .groupBy(applications.recommenderId);
  const units = await ctx.db.select().from(recommenders).orderBy(asc(recommenders.kind), asc(recommenders.regionCode), asc(recommenders.name));
  const batches = await ctx.db
    .select()
    .from(recommendationBatches)
    .where(and(eq(recommendationBatches.programId, program.id), isNull(recommendationBatches.reopenedAt)));
  const byUnit = new Map(counts.map((c) => [c.recommenderId, c]));
  const batchOf = new Map(batches.map((b) => [b.recommenderId, b]));
  const items = units.map((u) => {
    const c = byUnit.get(u.id);
    const received = c?.received ?? 0;
    return {
      recommenderId: u.id,
      name: u.name,
      kind: u.kind,
      regionCode: u.regionCode,
      received,
      decided: received - (c?.undecided ?? 0) - (c?.returned ?? 0),
      recommended: c?.recommended ?? 0,
      returned: c?.returned ?? 0,
      declined: c?.declined ?? 0,
      batchSubmittedAt: batchOf.get(u.id)?.submittedAt.toISOString() ?? null,
    };
  });
  // By the applicant organizations' province: how many applied, and how many were recommended.
  const provinces = await ctx.db
    .select({
      regionCode: organizations.regionCode,
      applications: sql<number>`count(*) FILTER (WHERE ${applications.status} NOT IN ('draft', 'withdrawn'))::int`,
      recommended: countRecommended,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.programId, program.id))
    .groupBy(organizations.regionCode)
    .orderBy(asc(organizations.regionCode));
  return { items, provinces: provinces.filter((p) => p.applications > 0) };
}
