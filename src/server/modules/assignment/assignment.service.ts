// Assigning experts to a review round's applications: conflicts with reasons, affinities with shared terms, the exact
// optimum under the needs and loads, pins and bans by admins, drafts until released. Experts keep their own profile
// (keywords, group, declared ties).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  applications,
  assignmentBans,
  expertProfiles,
  expertTies,
  organizations,
  recommenders,
  reviewAssignments,
  reviewRounds,
  reviews,
  roundEntries,
  subfields,
  users,
} from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { administersProgram, hasRole } from '../accounts/actor.js';
import { findProgram, requireProgramAdmin } from '../programs/catalogue.service.js';
import { AffinityModel, type Affinity } from './affinity.js';
import { assign, type Candidate } from './assign.js';
import { conflictsOf, type Conflict, type ConflictApplication, type ConflictExpert, type TieKind } from './conflicts.js';
import { CONFIRMED_FINALIST_OR_LATER, ELIGIBLE_OR_LATER } from '../../../shared/vocabulary.js';

/** Per application, at most this many candidates by affinity go into the optimisation (the best ones). */
const TOP_CANDIDATES = 200;

interface PoolExpert extends ConflictExpert {
  id: string;
  name: string;
  subfieldIds: string[];
  keywords: string[];
}

async function expertPool(db: DbOrTx): Promise<PoolExpert[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, profile: expertProfiles })
    .from(users)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .where(and(sql`'expert' = ANY(${users.roles})`, eq(users.disabled, false)))
    .orderBy(asc(users.name));
  const ids = rows.map((r) => r.id);
  const ties = ids.length > 0 ? await db.select().from(expertTies).where(inArray(expertTies.expertId, ids)) : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organizationName: r.profile.organizationName,
    organizationUscc: r.profile.organizationUscc,
    organizationParentUscc: r.profile.organizationParentUscc,
    regionCode: r.profile.regionCode,
    subfieldIds: r.profile.subfieldIds,
    keywords: r.profile.keywords,
    ties: ties.filter((t) => t.expertId === r.id).map((t) => ({ organizationName: t.organizationName, uscc: t.uscc, kind: t.kind as TieKind, endedOn: t.endedOn })),
  }));
}

interface RoundApplication extends ConflictApplication {
  id: string;
  title: string;
  subfieldId: string;
  subfieldName: string;
  text: string;
}


/**
 * The applications a round reviews: the first round of a phase takes every eligible application (the confirmed
 * finalists for the final evaluation); a later round takes those advanced into it. Without a round: the first
 * review round's pool.
 */
export async function roundApplications(db: DbOrTx, programId: string, round?: string): Promise<RoundApplication[]> {
  const rounds = await db.select().from(reviewRounds).where(eq(reviewRounds.programId, programId)).orderBy(asc(reviewRounds.position));
  const target = round === undefined ? rounds.find((r) => r.phase === 'review') : rounds.find((r) => r.key === round);
  const first = target && rounds.find((r) => r.phase === target.phase) === target;
  const pool =
    !target || first
      ? // Review rounds take the applications that passed the formal check; the final evaluation the confirmed finalists.
      inArray(applications.status, target?.phase === 'evaluation' ? [...CONFIRMED_FINALIST_OR_LATER] : [...ELIGIBLE_OR_LATER])
      : inArray(
          applications.id,
          db
            .select({ id: roundEntries.applicationId })
            .from(roundEntries)
            .where(and(eq(roundEntries.programId, programId), eq(roundEntries.round, target.key))),
        );
  const rows = await db
    .select({ app: applications, org: organizations, rec: recommenders, subfieldName: subfields.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .leftJoin(recommenders, eq(recommenders.id, applications.recommenderId))
    .where(and(eq(applications.programId, programId), pool))
    .orderBy(asc(applications.receiptNumber));
  return rows.map(({ app, org, rec, subfieldName }) => ({
    id: app.id,
    title: app.title,
    subfieldId: app.subfieldId,
    subfieldName,
    text: [app.title, subfieldName, ...Object.values(app.sections)].join('\n'),
    organizationName: org.name,
    organizationUscc: org.uscc,
    organizationParentUscc: org.parentUscc,
    regionCode: org.regionCode,
    recommenderUscc: rec?.uscc ?? null,
    recommenderName: rec?.name ?? null,
  }));
}

export async function adminProgram(ctx: ServiceContext, idOrCode: string) {
  const program = await findProgram(ctx, idOrCode);
  requireProgramAdmin(ctx, program);
  return program;
}

/** The program of an object that is not public (an assignment, an event, an objection): for an admin of another
 * program the object does not exist (404), unlike the program itself, which anyone may see (403). */
export async function adminProgramOfHidden(ctx: ServiceContext, programId: string) {
  if (!administersProgram(ctx.actor, programId)) throw new AppError('NOT_FOUND');
  return adminProgram(ctx, programId);
}

async function requireRound(db: DbOrTx, programId: string, round: string) {
  const [row] = await db.select().from(reviewRounds).where(and(eq(reviewRounds.programId, programId), eq(reviewRounds.key, round)));
  if (!row) throw invalidFields([{ path: 'round', message: { zh: '本项目没有这个评审轮次', en: 'The program has no such review round' } }]);
  return row;
}

async function releasedCount(db: DbOrTx, programId: string, round: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.programId, programId), eq(reviewAssignments.round, round), eq(reviewAssignments.status, 'released')));
  return row?.n ?? 0;
}

/** A round can be drafted while it exists and its assignments are not released. */
export async function checkDraftable(db: DbOrTx, programId: string, round: string): Promise<void> {
  await requireRound(db, programId, round);
  if (await roundReleased(db, programId, round)) {
    throw new AppError('INVALID_TRANSITION', { zh: '该轮评审安排已发布', en: 'This round’s assignments have been released' });
  }
}

/** Whether a round's assignments have been released (its criteria are then frozen). */
export async function roundReleased(db: DbOrTx, programId: string, round: string): Promise<boolean> {
  return (await releasedCount(db, programId, round)) > 0;
}

/** "Check this expert against these applications": every conflict with its reason, before anyone is invited. */
export async function checkExpert(ctx: ServiceContext, programIdOrCode: string, expertId: string) {
  const program = await adminProgram(ctx, programIdOrCode);
  const expert = (await expertPool(ctx.db)).find((e) => e.id === expertId);
  if (!expert) throw new AppError('NOT_FOUND');
  const today = ctx.now.toISOString().slice(0, 10);
  const apps = await roundApplications(ctx.db, program.id);
  return {
    items: apps.map((a) => ({
      applicationId: a.id,
      title: a.title,
      organization: a.organizationName,
      conflicts: conflictsOf(expert, a, { sameProvince: program.conflictSameProvince, today }).map((c) => ({ code: c.code, reason: c.reason[ctx.lang] })),
    })),
  };
}

const UNFILLED: Record<'too_few_candidates' | 'experts_full', (n: number) => Localized> = {
  too_few_candidates: (n) => ({ zh: `只有 ${n} 位专家与之无利益冲突`, en: `Only ${n} experts have no conflict with it` }),
  experts_full: () => ({ zh: '无冲突的专家工作量均已排满', en: 'The experts without a conflict are fully loaded' }),
};

/** Drafts the optimal assignment of the round (pinned pairs kept, banned and conflicted pairs never made). */
export type AssignmentPhase = 'affinity' | 'conflicts' | 'solving' | 'saving';
/** Told how far a run has got; awaited, so a run in the background can record it. */
export type AssignmentProgress = (phase: AssignmentPhase, done: number, total: number) => Promise<void>;

/** Lets the event loop run (other requests, progress writes) during a long computation. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function autoAssign(
  ctx: ServiceContext,
  programIdOrCode: string,
  input: { round: string; reviewersPerApplication: number; maxPerExpert: number },
  progress: AssignmentProgress = async () => undefined,
) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    // One optimisation of a program at a time.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`assign:${program.id}`}))`);
    await checkDraftable(tx, program.id, input.round);
    // The round remembers how it was drafted: a refill after a declared conflict uses the same need and load.
    await tx
      .update(reviewRounds)
      .set({ reviewersPerApplication: input.reviewersPerApplication, maxPerExpert: input.maxPerExpert })
      .where(and(eq(reviewRounds.programId, program.id), eq(reviewRounds.key, input.round)));
    const fixed = await tx
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, input.round), eq(reviewAssignments.pinned, true)));
    await tx
      .delete(reviewAssignments)
      .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, input.round), eq(reviewAssignments.pinned, false)));
    const result = await optimise(ctx, tx, program, input.round, { need: input.reviewersPerApplication, load: input.maxPerExpert, fixed, release: false }, progress);
    await audit(ctx, tx, { action: 'assignment.auto', objectType: 'program', objectId: program.id, details: { ...input, ...auditSummary(result) } });
    return result;
  });
}

/**
 * Fills the places of a released round left open (an expert declared a conflict): every assignment in force is
 * kept, the new ones are released at once. By a program admin, or by the job an expert's declaration queues.
 */
export async function refillRound(
  ctx: ServiceContext,
  programIdOrCode: string,
  round: string,
  progress: AssignmentProgress = async () => undefined,
  cause: 'admin' | 'declared-conflict' = 'admin',
) {
  const program = cause === 'admin' ? await adminProgram(ctx, programIdOrCode) : await findProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`assign:${program.id}`}))`);
    const settings = await requireRound(tx, program.id, round);
    if (!(await roundReleased(tx, program.id, round))) {
      throw new AppError('INVALID_TRANSITION', { zh: '该轮评审安排尚未发布，请直接计算分配', en: 'The round is not released yet; run the assignment instead' });
    }
    const fixed = await tx
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, round), inArray(reviewAssignments.status, ['draft', 'released'])));
    const result = await optimise(ctx, tx, program, round, { need: settings.reviewersPerApplication, load: settings.maxPerExpert, fixed, release: true }, progress);
    await audit(ctx, tx, { action: 'assignment.refill', objectType: 'program', objectId: program.id, details: { round, cause, ...auditSummary(result) } });
    return result;
  });
}

const auditSummary = (r: { assigned: number; totalAffinity: number; unassigned: unknown[] }) => ({ assigned: r.assigned, totalAffinity: r.totalAffinity, unassigned: r.unassigned.length });

/** The optimum around the fixed pairs; inserts the new ones (released at once when `release`). */
async function optimise(
  ctx: ServiceContext,
  tx: DbOrTx,
  program: { id: string; conflictSameProvince: boolean },
  round: string,
  plan: { need: number; load: number; fixed: Array<typeof reviewAssignments.$inferSelect>; release: boolean },
  progress: AssignmentProgress,
) {
  // One after the other: a transaction's connection runs one query at a time.
  const apps = await roundApplications(tx, program.id, round);
  const experts = await expertPool(tx);
  const bans = await tx.select().from(assignmentBans).where(and(eq(assignmentBans.programId, program.id), eq(assignmentBans.round, round)));
  const banned = new Set(bans.map((b) => `${b.applicationId}:${b.expertId}`));
  const today = ctx.now.toISOString().slice(0, 10);
  const model = new AffinityModel(apps.map((a) => ({ subfieldId: a.subfieldId, text: a.text })));
  const subfieldNames = new Map(apps.map((a) => [a.subfieldId, a.subfieldName]));
  const affinities: Affinity[][] = [];
  for (const e of experts) {
    if (affinities.length % 25 === 0) {
      await progress('affinity', affinities.length, experts.length);
      await breathe();
    }
    affinities.push(model.expertAffinities({ subfieldIds: e.subfieldIds, keywords: e.keywords, subfieldNames: e.subfieldIds.map((id) => subfieldNames.get(id) ?? '') }));
  }
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
  const appIndex = new Map(apps.map((a, i) => [a.id, i]));
  const candidates: Candidate[][] = [];
  for (const [ai, a] of apps.entries()) {
    if (ai % 100 === 0) {
      await progress('conflicts', ai, apps.length);
      await breathe();
    }
    const list: Candidate[] = [];
    experts.forEach((e, ei) => {
      if (banned.has(`${a.id}:${e.id}`)) return;
      if (conflictsOf(e, a, { sameProvince: program.conflictSameProvince, today }).length > 0) return;
      list.push({ expert: ei, affinity: affinities[ei]![ai]!.score });
    });
    candidates.push(list.sort((x, y) => y.affinity - x.affinity).slice(0, TOP_CANDIDATES));
  }
  await progress('solving', 0, 0);
  await breathe();
  const pinned = plan.fixed
    .map((p) => [appIndex.get(p.applicationId), expertIndex.get(p.expertId)] as const)
    .filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined)
    .map(([a, e]) => [a, e] as [number, number]);
  const result = assign({ need: apps.map(() => plan.need), load: experts.map(() => plan.load), candidates, pinned });
  const fresh = result.pairs.filter((p) => !p.pinned);
  // In chunks: one statement has at most 65,535 parameters.
  for (let from = 0; from < fresh.length; from += 2000) {
    await progress('saving', from, fresh.length);
    await tx.insert(reviewAssignments).values(
      fresh.slice(from, from + 2000).map((p) => {
        const affinity = affinities[p.expert]![p.application]!;
        return {
          programId: program.id,
          round,
          applicationId: apps[p.application]!.id,
          expertId: experts[p.expert]!.id,
          affinity: affinity.score,
          subfieldMatch: affinity.subfieldMatch,
          sharedTerms: affinity.sharedTerms,
          ...(plan.release ? { status: 'released' as const, releasedAt: ctx.now } : {}),
        };
      }),
    );
  }
  const unassigned = result.unfilled.map((u) => ({ applicationId: apps[u.application]!.id, missing: u.missing, reason: UNFILLED[u.reason](u.candidates)[ctx.lang] }));
  return { assigned: result.pairs.length, totalAffinity: result.totalAffinity, unassigned };
}

/** Pins a pair (kept by every re-optimisation), or lets it go again. A conflicted pair cannot be pinned. */
export async function setPin(ctx: ServiceContext, programIdOrCode: string, input: { round: string; applicationId: string; expertId: string; pinned: boolean }) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    await checkDraftable(tx, program.id, input.round);
    const where = and(
      eq(reviewAssignments.programId, program.id),
      eq(reviewAssignments.round, input.round),
      eq(reviewAssignments.applicationId, input.applicationId),
      eq(reviewAssignments.expertId, input.expertId),
    );
    const [existing] = await tx.select().from(reviewAssignments).where(where);
    if (input.pinned && !existing) {
      const app = (await roundApplications(tx, program.id, input.round)).find((a) => a.id === input.applicationId);
      const expert = (await expertPool(tx)).find((e) => e.id === input.expertId);
      if (!app || !expert) throw new AppError('NOT_FOUND');
      const conflicts = conflictsOf(expert, app, { sameProvince: program.conflictSameProvince, today: ctx.now.toISOString().slice(0, 10) });
      if (conflicts.length > 0) throw conflictError(conflicts);
      await tx.insert(reviewAssignments).values({ programId: program.id, round: input.round, applicationId: app.id, expertId: expert.id, affinity: 0, pinned: true });
    } else if (existing) {
      await tx.update(reviewAssignments).set({ pinned: input.pinned }).where(where);
    } else {
      throw new AppError('NOT_FOUND');
    }
    await audit(ctx, tx, { action: input.pinned ? 'assignment.pin' : 'assignment.unpin', objectType: 'application', objectId: input.applicationId, details: { round: input.round, expertId: input.expertId } });
    return { pinned: input.pinned };
  });
}

function conflictError(conflicts: Conflict[]): AppError {
  return new AppError('CONFLICT', { zh: `存在利益冲突：${conflicts.map((c) => c.reason.zh).join('；')}`, en: `Conflict of interest: ${conflicts.map((c) => c.reason.en).join('; ')}` });
}

/** Forbids a pair for the round (removing it if drafted), or allows it again. */
export async function setBan(ctx: ServiceContext, programIdOrCode: string, input: { round: string; applicationId: string; expertId: string; banned: boolean }) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    await requireRound(tx, program.id, input.round);
    const key = and(eq(assignmentBans.programId, program.id), eq(assignmentBans.round, input.round), eq(assignmentBans.applicationId, input.applicationId), eq(assignmentBans.expertId, input.expertId));
    if (input.banned) {
      await tx.insert(assignmentBans).values({ programId: program.id, round: input.round, applicationId: input.applicationId, expertId: input.expertId }).onConflictDoNothing();
      await tx
        .delete(reviewAssignments)
        .where(
          and(
            eq(reviewAssignments.programId, program.id),
            eq(reviewAssignments.round, input.round),
            eq(reviewAssignments.applicationId, input.applicationId),
            eq(reviewAssignments.expertId, input.expertId),
            eq(reviewAssignments.status, 'draft'),
          ),
        );
    } else {
      await tx.delete(assignmentBans).where(key);
    }
    await audit(ctx, tx, { action: input.banned ? 'assignment.ban' : 'assignment.unban', objectType: 'application', objectId: input.applicationId, details: { round: input.round, expertId: input.expertId } });
    return { banned: input.banned };
  });
}

export async function releaseRound(ctx: ServiceContext, programIdOrCode: string, input: { round: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db.transaction(async (tx) => {
    await requireRound(tx, program.id, input.round);
    const released = await tx
      .update(reviewAssignments)
      .set({ status: 'released', releasedAt: ctx.now })
      .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, input.round), eq(reviewAssignments.status, 'draft')))
      .returning({ id: reviewAssignments.id });
    await audit(ctx, tx, { action: 'assignment.release', objectType: 'program', objectId: program.id, details: { round: input.round, released: released.length } });
    return { released: released.length };
  });
}

export async function listAssignments(ctx: ServiceContext, programIdOrCode: string, round: string) {
  const program = await adminProgram(ctx, programIdOrCode);
  const rows = await ctx.db
    .select({ a: reviewAssignments, expertName: users.name, title: applications.title, organization: organizations.name, expertOrganization: expertProfiles.organizationName })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.expertId))
    .innerJoin(expertProfiles, eq(expertProfiles.userId, reviewAssignments.expertId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.round, round)))
    .orderBy(asc(applications.receiptNumber), sql`${reviewAssignments.affinity} DESC`);
  const bans = await ctx.db.select().from(assignmentBans).where(and(eq(assignmentBans.programId, program.id), eq(assignmentBans.round, round)));
  return {
    items: rows.map((r) => ({
      id: r.a.id,
      applicationId: r.a.applicationId,
      title: r.title,
      organization: r.organization,
      expertId: r.a.expertId,
      expertName: r.expertName,
      expertOrganization: r.expertOrganization,
      affinity: r.a.affinity,
      subfieldMatch: r.a.subfieldMatch,
      sharedTerms: r.a.sharedTerms,
      pinned: r.a.pinned,
      status: r.a.status,
      conflictReason: r.a.conflictReason,
    })),
    bans: bans.map((b) => ({ applicationId: b.applicationId, expertId: b.expertId })),
  };
}

/** An expert's released assignments, with the round's criteria. Before declaring no conflict, the title, subfield
 * and applicant are all the expert sees. */
export async function myAssignments(ctx: ServiceContext) {
  if (!hasRole(ctx.actor, 'expert')) throw new AppError('FORBIDDEN');
  const rows = await ctx.db
    .select({
      a: reviewAssignments,
      title: applications.title,
      organization: organizations.name,
      subfield: subfields.name,
      criteria: reviewRounds.criteria,
      roundName: reviewRounds.name,
      roundNameEn: reviewRounds.nameEn,
      dueAt: reviewRounds.dueAt,
      reviewState: reviews.state,
    })
    .from(reviewAssignments)
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .innerJoin(reviewRounds, and(eq(reviewRounds.programId, reviewAssignments.programId), eq(reviewRounds.key, reviewAssignments.round)))
    .where(and(eq(reviewAssignments.expertId, ctx.actor!.id), eq(reviewAssignments.status, 'released')))
    .orderBy(asc(reviewAssignments.releasedAt));
  return {
    items: rows.map((r) => ({
      id: r.a.id,
      applicationId: r.a.applicationId,
      round: r.a.round,
      status: r.a.status,
      title: r.title,
      subfield: r.subfield,
      applicant: r.organization,
      criteria: r.criteria,
      roundName: ctx.lang === 'en' && r.roundNameEn ? r.roundNameEn : r.roundName,
      dueAt: r.dueAt?.toISOString() ?? null,
      declared: r.a.noConflictAt !== null,
      reviewState: r.reviewState ?? ('not_started' as const),
    })),
  };
}

export interface ExpertProfileInput {
  keywords: string[];
  organizationParentUscc: string | null;
  ties: Array<{ organizationName: string; uscc: string | null; kind: TieKind; endedOn: string | null }>;
}

export async function getMyProfile(ctx: ServiceContext) {
  if (!hasRole(ctx.actor, 'expert')) throw new AppError('FORBIDDEN');
  const [profile] = await ctx.db.select().from(expertProfiles).where(eq(expertProfiles.userId, ctx.actor!.id));
  if (!profile) throw new AppError('NOT_FOUND');
  const ties = await ctx.db.select().from(expertTies).where(eq(expertTies.expertId, ctx.actor!.id)).orderBy(asc(expertTies.createdAt));
  return {
    organizationName: profile.organizationName,
    organizationUscc: profile.organizationUscc,
    organizationParentUscc: profile.organizationParentUscc,
    regionCode: profile.regionCode,
    subfieldIds: profile.subfieldIds,
    keywords: profile.keywords,
    ties: ties.map((t) => ({ organizationName: t.organizationName, uscc: t.uscc, kind: t.kind as TieKind, endedOn: t.endedOn })),
  };
}

/** The expert keeps its keywords, its group and its declared ties up to date itself. */
export async function updateMyProfile(ctx: ServiceContext, input: ExpertProfileInput) {
  if (!hasRole(ctx.actor, 'expert')) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(expertProfiles)
      .set({ keywords: input.keywords, organizationParentUscc: input.organizationParentUscc, updatedAt: ctx.now })
      .where(eq(expertProfiles.userId, ctx.actor!.id))
      .returning({ id: expertProfiles.userId });
    if (updated.length === 0) throw new AppError('NOT_FOUND');
    await tx.delete(expertTies).where(eq(expertTies.expertId, ctx.actor!.id));
    if (input.ties.length > 0) await tx.insert(expertTies).values(input.ties.map((t) => ({ expertId: ctx.actor!.id, ...t })));
    await audit(ctx, tx, { action: 'expert.profile.update', objectType: 'user', objectId: ctx.actor!.id, details: { keywords: input.keywords.length, ties: input.ties.length } });
  });
  return getMyProfile(ctx);
}
