// The applicant's side of an application: create it in the application phase, read it, save it (autosave, with
// optimistic concurrency on `version`), withdraw it; and who may see it. Submission is in submission.service.ts.
import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { beatsPlanTarget } from '../../../shared/ambition.js';
import {
  EMAIL_PATTERN,
  PHONE_PATTERN,
  type ApplicationListItem,
  type ApplicationPatch,
  type ApplicationResponse,
  type CustomIndicatorInput,
} from '../../../shared/schemas/applications.js';
import type { PhaseKey } from '../../../shared/schemas/system.js';
import type { DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { applicationIndicators, applications, organizations, type StoredCustomIndicator } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { administersProgram, hasRole, type Actor } from '../accounts/actor.js';
import type { Problem } from '../programs/catalogue-rules.js';
import { findProgram } from '../programs/catalogue.service.js';
import { planTargetOf } from '../programs/programs.repository.js';
import * as repo from './applications.repository.js';
import { eligibleRecommenders, isEligibleRecommender } from './eligibility.js';
import { valueProblem } from './indicator-values.js';

export const EDITABLE_STATUSES = ['draft', 'returned'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isApplicant = (actor: Actor | null) => hasRole(actor, 'applicant', 'org_admin') && actor!.organizationId !== null;

/** Whether the caller may see this application at all (otherwise it does not exist for them: 404). */
export function canSee(actor: Actor | null, app: repo.ApplicationRow): boolean {
  if (!actor) return false;
  if (isApplicant(actor) && actor.organizationId === app.organizationId) return true;
  // Drafts belong to their organization only.
  if (app.status === 'draft') return false;
  if (administersProgram(actor, app.programId)) return true;
  if (hasRole(actor, 'recommender') && actor.recommenderId !== null && actor.recommenderId === app.recommenderId) return true;
  return false;
}

/** The application if the caller may see it, else NOT_FOUND; `lock` takes a row lock for a change. */
export async function visibleApplication(ctx: ServiceContext, db: DbOrTx, id: string, lock = false): Promise<repo.ApplicationRow> {
  const app = await repo.findApplication(db, id, lock);
  if (!app) throw new AppError('NOT_FOUND');
  if (canSee(ctx.actor, app)) return app;
  // An expert opens an application assigned to them once they have declared having no conflict with it.
  if (hasRole(ctx.actor, 'expert')) {
    const access = await repo.expertAccess(db, ctx.actor!.id, app.id);
    if (access === 'open') return app;
    if (access === 'undeclared') {
      throw new AppError('FORBIDDEN', { zh: '请先声明与该申报无利益冲突，再查看申报书', en: 'Declare that you have no conflict with this application before reading it' });
    }
  }
  throw new AppError('NOT_FOUND');
}

/** Only the applicant organization's own users change its application. */
export function requireOwner(ctx: ServiceContext, app: repo.ApplicationRow): void {
  if (!(isApplicant(ctx.actor) && ctx.actor!.organizationId === app.organizationId)) {
    throw new AppError('FORBIDDEN', { zh: '只有申报单位本身可以修改申报书', en: 'Only the applicant organization changes its application' });
  }
}

export function requireStatus(app: repo.ApplicationRow, allowed: readonly string[], what: Localized): void {
  if (!allowed.includes(app.status)) throw new AppError('INVALID_TRANSITION', what);
}

/** Refuses outside [opensAt, closesAt) of the phase, in the server's clock. */
export async function requirePhase(ctx: ServiceContext, db: DbOrTx, programId: string, key: PhaseKey, until?: PhaseKey): Promise<void> {
  const phase = await repo.phaseWindow(db, programId, key);
  const end = until ? await repo.phaseWindow(db, programId, until) : phase;
  if (!phase || !end || ctx.now < phase.opensAt || ctx.now >= end.closesAt) {
    throw new AppError('DEADLINE_PASSED', {
      zh: ctx.now < (phase?.opensAt ?? ctx.now) ? '申报尚未开始' : '已过截止时间（北京时间），不能再操作',
      en: ctx.now < (phase?.opensAt ?? ctx.now) ? 'Applications have not opened yet' : 'The deadline (Beijing time) has passed',
    });
  }
}

/** Drafts are edited in the application phase; a returned application until the recommendation phase closes. */
export async function requireEditWindow(ctx: ServiceContext, db: DbOrTx, app: repo.ApplicationRow): Promise<void> {
  if (app.status === 'returned') await requirePhase(ctx, db, app.programId, 'application', 'recommendation');
  else await requirePhase(ctx, db, app.programId, 'application');
}

export async function createApplication(ctx: ServiceContext, input: { programId: string; subfieldId: string }): Promise<{ id: string; status: 'draft'; version: number }> {
  if (!isApplicant(ctx.actor)) {
    throw new AppError('FORBIDDEN', { zh: '只有申报单位的用户可以申报', en: 'Only users of an applicant organization apply' });
  }
  const program = await findProgram(ctx, input.programId).catch(() => {
    throw invalidFields([{ path: 'programId', message: { zh: '没有这个项目', en: 'No such program' } }]);
  });
  const subfield = await repo.findSubfieldInProgram(ctx.db, program.id, input.subfieldId).catch(() => undefined);
  if (!subfield) throw invalidFields([{ path: 'subfieldId', message: { zh: '该项目没有这个细分领域', en: 'The program has no such subfield' } }]);
  if (subfield.retired) throw invalidFields([{ path: 'subfieldId', message: { zh: '该细分领域已停用，不再接受申报', en: 'This subfield is retired and takes no applications' } }]);
  await requirePhase(ctx, ctx.db, program.id, 'application');
  const organizationId = ctx.actor!.organizationId!;
  try {
    return await ctx.db.transaction(async (tx) => {
      // One organization's creations run one at a time, so the per-applicant limit holds under concurrent clicks.
      const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for('update');
      const taken = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.organizationId, organizationId), eq(applications.subfieldId, subfield.id), ne(applications.status, 'withdrawn')));
      if (taken.length > 0) {
        throw new AppError('CONFLICT', { zh: '本单位已在该细分领域申报', en: 'Your organization already has an application in this subfield' });
      }
      if ((await repo.countLiveApplications(tx, organizationId, program.id)) >= program.applicationsPerApplicant) {
        throw new AppError('QUOTA_EXCEEDED', {
          zh: `每家单位在本项目至多申报 ${program.applicationsPerApplicant} 项`,
          en: `An organization makes at most ${program.applicationsPerApplicant} applications in this program`,
        });
      }
      const [row] = await tx
        .insert(applications)
        .values({
          programId: program.id,
          subfieldId: subfield.id,
          organizationId,
          createdBy: ctx.actor!.id,
          responsibleUnit: org!.name,
          responsiblePerson: { name: ctx.actor!.name, title: '', phone: '', email: ctx.actor!.email },
          sections: Object.fromEntries(program.sections.map((s) => [s.key, ''])),
        })
        .returning({ id: applications.id, version: applications.version });
      const refs = await repo.listSubfieldIndicators(tx, subfield.id);
      if (refs.length > 0) await tx.insert(applicationIndicators).values(refs.map((r) => ({ applicationId: row!.id, indicatorId: r.id })));
      await audit(ctx, tx, { action: 'application.create', objectType: 'application', objectId: row!.id, details: { programId: program.id, subfieldId: subfield.id } });
      return { id: row!.id, status: 'draft' as const, version: row!.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { zh: '本单位已在该细分领域申报', en: 'Your organization already has an application in this subfield' });
    throw error;
  }
}

export async function getApplication(ctx: ServiceContext, id: string): Promise<ApplicationResponse> {
  const app = await visibleApplication(ctx, ctx.db, id);
  // Where targets sit among the other applicants' is for the program's staff; applicants never see others' data.
  return applicationView(ctx.db, app, { peers: administersProgram(ctx.actor, app.programId) });
}

export async function applicationView(db: DbOrTx, app: repo.ApplicationRow, options: { peers?: boolean } = {}): Promise<ApplicationResponse> {
  const [rows, files, latest, org, peers] = await Promise.all([
    repo.listIndicatorRows(db, app.id),
    repo.listAttachments(db, app.id),
    app.receiptNumber ? repo.latestSubmission(db, app.id) : Promise.resolve(undefined),
    repo.organizationOf(db, app.organizationId),
    options.peers ? repo.peerTargetCounts(db, app.id) : Promise.resolve([]),
  ]);
  const peerOf = new Map(peers.map((p) => [p.indicator_id, p]));
  const percentile = (indicatorId: string, better: 'higher' | 'lower' | null): number | null => {
    const p = peerOf.get(indicatorId);
    if (!options.peers || !p || p.n === 0 || !better) return null;
    const beaten = better === 'higher' ? p.below : p.n - p.below - p.equal;
    return Math.round(((beaten + p.equal / 2) / p.n) * 1000) / 10;
  };
  return {
    id: app.id,
    programId: app.programId,
    subfieldId: app.subfieldId,
    organizationId: app.organizationId,
    organizationName: org?.name ?? '',
    status: app.status,
    version: app.version,
    title: app.title,
    responsibleUnit: app.responsibleUnit,
    responsiblePerson: app.responsiblePerson,
    recommenderId: app.recommenderId,
    sections: app.sections,
    indicators: rows.map((r) => ({
      indicatorId: r.indicatorId,
      current: r.current ?? null,
      target: r.target ?? null,
      note: r.note,
      beatsPlanTarget: beatsPlanTarget({ kind: r.kind, better: r.better, planTarget: planTargetOf(r) }, r.target ?? null),
      peerPercentile: percentile(r.indicatorId, r.better),
    })),
    customIndicators: app.customIndicators,
    attachments: files.map((f) => ({ id: f.id, name: f.name, size: f.size, sha256: f.sha256, sm3: f.sm3 })),
    receipt: latest ? { number: latest.number, submittedAt: latest.submittedAt.toISOString(), sha256: latest.sha256, sm3: latest.sm3 } : null,
    returnReason: app.status === 'returned' ? app.returnReason : null,
    decisionComment: app.decisionComment,
    recommenderRank: app.status === 'recommended' ? app.recommenderRank : null,
    eligibilityReason: app.status === 'ineligible' ? app.eligibilityReason : null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}


/** Saves what the applicant typed (autosave). Checks types and limits now; completeness waits for submission. */
export async function patchApplication(ctx: ServiceContext, id: string, patch: ApplicationPatch): Promise<{ version: number }> {
  return ctx.db.transaction(async (tx) => {
    const app = await visibleApplication(ctx, tx, id, true);
    requireOwner(ctx, app);
    const problems = await patchProblems(tx, app, patch);
    if (problems.length > 0) throw invalidFields(problems);
    requireStatus(app, EDITABLE_STATUSES, { zh: '申报书已提交，不能修改', en: 'The application has been submitted and cannot be changed' });
    await requireEditWindow(ctx, tx, app);
    if (patch.version !== app.version) {
      throw new AppError('CONFLICT', {
        zh: `申报书已在别处保存（当前版本 ${app.version}），请刷新后再修改，您的输入不会丢失`,
        en: `The application was saved elsewhere (now version ${app.version}); reload before changing it, nothing you typed is lost`,
      });
    }
    const changes: Partial<typeof applications.$inferInsert> = {};
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.responsibleUnit !== undefined) changes.responsibleUnit = patch.responsibleUnit;
    if (patch.responsiblePerson !== undefined) changes.responsiblePerson = patch.responsiblePerson;
    if (patch.recommenderId !== undefined) changes.recommenderId = patch.recommenderId;
    if (patch.sections !== undefined) changes.sections = { ...app.sections, ...patch.sections };
    if (patch.customIndicators !== undefined) changes.customIndicators = withIds(patch.customIndicators);
    for (const item of patch.indicators ?? []) {
      const set: Partial<typeof applicationIndicators.$inferInsert> = {};
      if (item.current !== undefined) set.current = item.current;
      if (item.target !== undefined) set.target = item.target;
      if (item.note !== undefined) set.note = item.note;
      if (Object.keys(set).length === 0) continue;
      await tx
        .update(applicationIndicators)
        .set(set)
        .where(and(eq(applicationIndicators.applicationId, app.id), eq(applicationIndicators.indicatorId, item.indicatorId)));
    }
    const version = app.version + 1;
    await tx
      .update(applications)
      .set({ ...changes, version, updatedAt: ctx.now })
      .where(eq(applications.id, app.id));
    const fields = Object.keys(patch).filter((k) => k !== 'version');
    await audit(ctx, tx, { action: 'application.update', objectType: 'application', objectId: app.id, details: { version, fields } });
    return { version };
  });
}

/** Custom indicators keep their server-assigned ids; new ones get one. */
function withIds(items: CustomIndicatorInput[]): StoredCustomIndicator[] {
  return items.map((c) => ({
    id: c.id ?? randomUUID(),
    name: c.name,
    kind: c.kind,
    unit: c.kind === 'number' ? c.unit : '',
    better: c.kind === 'number' ? c.better : null,
    current: c.current,
    target: c.target,
  }));
}

async function patchProblems(db: DbOrTx, app: repo.ApplicationRow, patch: ApplicationPatch): Promise<Problem[]> {
  const problems: Problem[] = [];
  const program = await findProgram({ db }, app.programId);
  if (patch.sections) {
    for (const [key, text] of Object.entries(patch.sections)) {
      const section = program.sections.find((s) => s.key === key);
      if (!section) problems.push({ path: `sections.${key}`, message: { zh: '本项目没有这一章节', en: 'The program has no such section' } });
      else if (text.length > section.maxLength) {
        problems.push({ path: `sections.${key}`, message: { zh: `不能超过 ${section.maxLength} 字（现为 ${text.length} 字）`, en: `At most ${section.maxLength} characters (now ${text.length})` } });
      }
    }
  }
  const person = patch.responsiblePerson;
  if (person?.email && !EMAIL_PATTERN.test(person.email)) problems.push({ path: 'responsiblePerson.email', message: { zh: '电子邮箱格式不正确', en: 'Not an e-mail address' } });
  if (person?.phone && !PHONE_PATTERN.test(person.phone)) problems.push({ path: 'responsiblePerson.phone', message: { zh: '电话号码格式不正确', en: 'Not a phone number' } });
  if (patch.recommenderId) {
    const org = await repo.organizationOf(db, app.organizationId);
    // Not a uuid: no such unit. (Asking the database would fail the statement and with it the whole transaction.)
    const rec = UUID.test(patch.recommenderId) ? await repo.recommenderById(db, patch.recommenderId) : undefined;
    if (!rec || !org || !isEligibleRecommender(rec, org)) {
      problems.push({ path: 'recommenderId', message: { zh: '本单位不能选择该推荐单位', en: 'Your organization cannot choose this recommending unit' } });
    }
  }
  if (patch.indicators) {
    const rows = new Map((await repo.listIndicatorRows(db, app.id)).map((r) => [r.indicatorId, r]));
    patch.indicators.forEach((item, i) => {
      const row = rows.get(item.indicatorId);
      if (!row) {
        problems.push({ path: `indicators.${i}.indicatorId`, message: { zh: '该细分领域没有这个指标', en: 'The subfield has no such indicator' } });
        return;
      }
      for (const field of ['current', 'target'] as const) {
        const problem = valueProblem(row, item[field], `indicators.${i}.${field}`);
        if (problem) problems.push(problem);
      }
    });
  }
  if (patch.customIndicators) {
    const known = new Set(app.customIndicators.map((c) => c.id));
    const seen = new Set<string>();
    patch.customIndicators.forEach((c, i) => {
      const at = `customIndicators.${i}`;
      if (c.id !== undefined && (!known.has(c.id) || seen.has(c.id))) {
        problems.push({ path: `${at}.id`, message: { zh: '没有这个自定义指标（新指标不要带 id）', en: 'No such custom indicator (leave id out for a new one)' } });
      }
      if (c.id) seen.add(c.id);
      if (c.kind !== 'number' && c.better) problems.push({ path: `${at}.better`, message: { zh: '只有数值指标有方向', en: 'Only number indicators have a better direction' } });
      for (const field of ['current', 'target'] as const) {
        const problem = valueProblem(c, c[field], `${at}.${field}`);
        if (problem) problems.push(problem);
      }
    });
  }
  return problems;
}

export async function withdrawApplication(ctx: ServiceContext, id: string): Promise<{ status: 'withdrawn' }> {
  return ctx.db.transaction(async (tx) => {
    const app = await visibleApplication(ctx, tx, id, true);
    requireOwner(ctx, app);
    requireStatus(app, ['submitted'], {
      zh: '只有已提交且推荐单位尚未处理的申报可以撤回',
      en: 'Only a submitted application that the recommending unit has not decided on can be withdrawn',
    });
    await tx.update(applications).set({ status: 'withdrawn', version: app.version + 1, updatedAt: ctx.now }).where(eq(applications.id, app.id));
    await audit(ctx, tx, { action: 'application.withdraw', objectType: 'application', objectId: app.id, details: { from: app.status } });
    return { status: 'withdrawn' as const };
  });
}

export async function listApplications(
  ctx: ServiceContext,
  query: { programId?: string; status?: string; subfieldId?: string; directionId?: string; limit?: number; cursor?: string },
): Promise<{ items: ApplicationListItem[]; nextCursor: string | null }> {
  const actor = ctx.actor!;
  const parts = [];
  if (isApplicant(actor)) parts.push(sql`${applications.organizationId} = ${actor.organizationId}`);
  if (hasRole(actor, 'recommender') && actor.recommenderId) {
    parts.push(sql`(${applications.recommenderId} = ${actor.recommenderId} AND ${applications.status} <> 'draft')`);
  }
  if (hasRole(actor, 'expert')) parts.push(repo.openToExpert(actor.id));
  if (hasRole(actor, 'program_admin')) {
    parts.push(
      actor.programIds === null
        ? sql`${applications.status} <> 'draft'`
        : actor.programIds.length > 0
          ? sql`(${repo.inPrograms(actor.programIds)} AND ${applications.status} <> 'draft')`
          : sql`false`,
    );
  }
  if (parts.length === 0) return { items: [], nextCursor: null };
  const visible = sql`(${sql.join(parts, sql` OR `)})`;
  let programId: string | undefined;
  if (query.programId) programId = (await findProgram(ctx, query.programId)).id;
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const cursor = decodeCursor(query.cursor);
  const rows = await repo.listApplications(ctx.db, { visible, programId, status: query.status, subfieldId: query.subfieldId, directionId: query.directionId, limit, cursor });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      programId: r.programId,
      subfieldId: r.subfieldId,
      organizationName: r.organizationName,
      title: r.title,
      status: r.status,
      version: r.version,
      receiptNumber: r.receiptNumber,
      recommenderRank: r.recommenderRank,
      regionCode: r.regionCode,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw invalidFields([{ path: 'query.cursor', message: { zh: '分页游标无效', en: 'Invalid cursor' } }]);
  }
  return { createdAt, id };
}

export async function listEligibleRecommenders(ctx: ServiceContext, id: string) {
  const app = await visibleApplication(ctx, ctx.db, id);
  const org = await repo.organizationOf(ctx.db, app.organizationId);
  return { items: eligibleRecommenders(await repo.allRecommenders(ctx.db), org!).map((r) => ({ id: r.id, name: r.name, kind: r.kind })) };
}
