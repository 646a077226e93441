// Assignment runs in the background: queued by a program admin, run by whichever app process takes the job, with
// its progress (phase, done of total) in `background_jobs` for the page to show, and its result or failure kept.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { backgroundJobs, users } from '../../db/schema/index.js';
import { AppError, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { AuditConfig } from '../audit/audit.service.js';
import { actorFromUser } from '../accounts/sessions.js';
import { adminProgram, autoAssign, checkDraftable, refillRound, type AssignmentPhase } from './assignment.service.js';

export const ASSIGNMENT_QUEUE = 'assignment';

export interface AssignmentRunInput {
  round: string;
  reviewersPerApplication: number;
  maxPerExpert: number;
}

type JobRow = typeof backgroundJobs.$inferSelect;

function view(row: JobRow, lang: 'zh' | 'en') {
  return {
    id: row.id,
    state: row.state,
    params: row.params as unknown as AssignmentRunInput,
    progress: { phase: (row.phase ?? null) as AssignmentPhase | null, done: row.done, total: row.total },
    result: (row.result ?? null) as Awaited<ReturnType<typeof autoAssign>> | null,
    error: row.error ? row.error[lang] : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Queues an assignment run of a round; refused as the synchronous run would be (role, round, released). */
export async function queueAssignment(ctx: ServiceContext, jobs: JobQueue, programIdOrCode: string, input: AssignmentRunInput) {
  const program = await adminProgram(ctx, programIdOrCode);
  const row = await ctx.db.transaction(async (tx) => {
    await checkDraftable(tx, program.id, input.round);
    const [running] = await tx
      .select({ id: backgroundJobs.id })
      .from(backgroundJobs)
      .where(
        and(
          eq(backgroundJobs.programId, program.id),
          eq(backgroundJobs.kind, ASSIGNMENT_QUEUE),
          sql`${backgroundJobs.state} IN ('queued', 'running')`,
          sql`${backgroundJobs.params}->>'round' = ${input.round}`,
        ),
      );
    if (running) throw new AppError('CONFLICT', { zh: '该轮次已有一次分配正在进行', en: 'An assignment run of this round is already under way' });
    const [created] = await tx
      .insert(backgroundJobs)
      .values({ kind: ASSIGNMENT_QUEUE, programId: program.id, requestedBy: ctx.actor!.id, params: { ...input, lang: ctx.lang } })
      .returning();
    await audit(ctx, tx, { action: 'assignment.queued', objectType: 'program', objectId: program.id, details: { jobId: created!.id, ...input } });
    return created!;
  });
  try {
    await jobs.send(ASSIGNMENT_QUEUE, row.id);
  } catch (error) {
    await finish(ctx.db, row.id, 'failed', { error: { zh: '无法加入后台队列，请重试', en: 'The job could not be queued; try again' } });
    throw error;
  }
  return view(row, ctx.lang);
}

/** The program's assignment runs matching a condition, newest first. */
async function programRuns(ctx: ServiceContext, programIdOrCode: string, where: SQL) {
  const program = await adminProgram(ctx, programIdOrCode);
  return ctx.db
    .select()
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.programId, program.id), eq(backgroundJobs.kind, ASSIGNMENT_QUEUE), where))
    .orderBy(desc(backgroundJobs.createdAt))
    .limit(1);
}

/** One run of the program, as its admins see it. */
export async function getAssignmentJob(ctx: ServiceContext, programIdOrCode: string, jobId: string) {
  const [row] = await programRuns(ctx, programIdOrCode, eq(backgroundJobs.id, jobId));
  if (!row) throw new AppError('NOT_FOUND');
  return view(row, ctx.lang);
}

/** The latest run of a round (null when there has been none), so a reopened page finds a run under way. */
export async function latestAssignmentJob(ctx: ServiceContext, programIdOrCode: string, round: string) {
  const [row] = await programRuns(ctx, programIdOrCode, sql`${backgroundJobs.params}->>'round' = ${round}`);
  return { job: row ? view(row, ctx.lang) : null };
}

async function finish(db: Db, jobId: string, state: 'done' | 'failed', values: { result?: Record<string, unknown>; error?: Localized }) {
  await db
    .update(backgroundJobs)
    .set({ state, ...values, finishedAt: new Date() })
    .where(eq(backgroundJobs.id, jobId));
}

function requireActor(ctx: ServiceContext): ServiceContext {
  if (!ctx.actor) throw new AppError('FORBIDDEN', { zh: '发起分配的账号已停用', en: 'The account that started the run is disabled' });
  return ctx;
}

/** Queues the refill of a released round after an expert declared a conflict (run in the background). */
export async function queueRefill(ctx: ServiceContext, jobs: JobQueue, programId: string, round: string): Promise<void> {
  const [row] = await ctx.db
    .insert(backgroundJobs)
    .values({ kind: ASSIGNMENT_QUEUE, programId, requestedBy: ctx.actor!.id, params: { round, mode: 'refill', lang: ctx.lang } })
    .returning({ id: backgroundJobs.id });
  await jobs.send(ASSIGNMENT_QUEUE, row!.id);
}

/** Runs a queued assignment as the admin who asked for it, checked again now (the account may have changed). */
export async function runAssignmentJob(deps: { db: Db; clock: Clock; auditConfig: AuditConfig }, jobId: string): Promise<void> {
  const [row] = await deps.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, jobId));
  if (!row || row.state === 'done' || row.state === 'failed') return;
  const [user] = await deps.db.select().from(users).where(eq(users.id, row.requestedBy));
  const params = row.params as unknown as AssignmentRunInput & { lang?: 'zh' | 'en'; mode?: 'refill' };
  const ctx: ServiceContext = {
    db: deps.db,
    actor: user && !user.disabled ? actorFromUser(user) : null,
    now: await deps.clock.now(),
    lang: params.lang === 'en' ? 'en' : 'zh',
    requestId: `job:${jobId}`,
    ip: null,
    userAgent: null,
    auditConfig: deps.auditConfig,
  };
  await deps.db.update(backgroundJobs).set({ state: 'running', startedAt: ctx.now, phase: null, done: 0, total: 0 }).where(eq(backgroundJobs.id, jobId));
  // Progress is written outside the run's transaction, so the page sees it at once; at most a few times a second.
  let last = 0;
  const progress = async (phase: AssignmentPhase, done: number, total: number) => {
    const now = Date.now();
    if (now - last < 200 && done !== 0) return;
    last = now;
    await deps.db.update(backgroundJobs).set({ phase, done, total }).where(eq(backgroundJobs.id, jobId));
  };
  try {
    const result =
      params.mode === 'refill'
        ? // Queued by an expert's declared conflict: fills the place as the platform, whoever declared it.
          await refillRound(ctx, row.programId, params.round, progress, 'declared-conflict')
        : await autoAssign(requireActor(ctx), row.programId, { round: params.round, reviewersPerApplication: params.reviewersPerApplication, maxPerExpert: params.maxPerExpert }, progress);
    await finish(deps.db, jobId, 'done', { result });
  } catch (error) {
    if (!(error instanceof AppError)) {
      process.stderr.write(`[jiebang] assignment job ${jobId} failed: ${(error as Error)?.stack ?? String(error)}\n`);
      await finish(deps.db, jobId, 'failed', { error: { zh: '分配时发生意外错误，请重试', en: 'An unexpected error stopped the run; try again' } });
      return;
    }
    const details = error.details?.map((d) => d.message) ?? [];
    await finish(deps.db, jobId, 'failed', {
      error: {
        zh: [error.localized.zh, ...details.map((d) => d.zh)].join('：'),
        en: [error.localized.en, ...details.map((d) => d.en)].join(': '),
      },
    });
  }
}
