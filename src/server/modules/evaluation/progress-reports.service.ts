// Progress reports of the attack period (攻关进展报告): a confirmed finalist writes one per due date (text and PDF files)
// and submits it in the attack phase; the program admin accepts it or asks for more, which opens it again.
// draft → submitted → accepted | more_requested → submitted …; one function per transition, each audited.
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { PROGRESS_LIMITS, type ApplicationProgress, type ProgressReportView } from '../../../shared/schemas/evaluation.js';
import type { DbOrTx } from '../../db/client.js';
import { progressMilestones, progressReportFiles, progressReports, type ProgressHistoryEntry } from '../../db/schema/index.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { looksLikePdf, TooLargeError, type FileStore } from '../../storage/file-store.js';
import { phaseWindow } from '../applications/applications.repository.js';
import { cleanFileName } from '../applications/attachments.service.js';
import { adminProgramOfHidden } from '../assignment/assignment.service.js';
import { CONFIRMED_FINALIST_STATUSES, evaluatedApplication, type ApplicationRow, type EvaluationRole } from './evaluation-access.js';
import { milestoneView } from './progress-milestones.service.js';

type ReportRow = typeof progressReports.$inferSelect;
type MilestoneRow = typeof progressMilestones.$inferSelect;
const EDITABLE = ['draft', 'more_requested'] as const;
/** Who reads progress reports: the finalist, the program's admins and its experts (the lab measures indicators only). */
const READS_PROGRESS: readonly EvaluationRole[] = ['owner', 'admin', 'expert'];
const FILE_BYTES = 10 * 1024 * 1024;

async function filesOf(db: DbOrTx, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(progressReportFiles)
    .where(and(inArray(progressReportFiles.reportId, reportIds), isNull(progressReportFiles.deletedAt)))
    .orderBy(asc(progressReportFiles.createdAt));
}

function reportView(r: ReportRow, m: MilestoneRow, files: Array<typeof progressReportFiles.$inferSelect>): ProgressReportView {
  return {
    id: r.id,
    milestoneId: r.milestoneId,
    applicationId: r.applicationId,
    state: r.state,
    content: r.content,
    version: r.version,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    // Late when first handed in after the due date.
    late: r.submittedAt !== null && r.submittedAt > m.dueAt,
    reviewComment: r.reviewComment,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    files: files.filter((f) => f.reportId === r.id).map((f) => ({ id: f.id, name: f.name, size: f.size, sha256: f.sha256, sm3: f.sm3 })),
    history: r.history,
  };
}

async function attackOpen(ctx: ServiceContext, db: DbOrTx, programId: string): Promise<boolean> {
  const phase = await phaseWindow(db, programId, 'attack');
  return !!phase && ctx.now >= phase.opensAt && ctx.now < phase.closesAt;
}

/** Every due date of the application's program with its report; for the owner, the program's admins and its experts. */
export async function getApplicationProgress(ctx: ServiceContext, id: string): Promise<ApplicationProgress> {
  const { app, role } = await evaluatedApplication(ctx, ctx.db, id, { roles: READS_PROGRESS });
  const [milestones, reports, attack] = await Promise.all([
    ctx.db.select().from(progressMilestones).where(eq(progressMilestones.programId, app.programId)).orderBy(asc(progressMilestones.dueAt)),
    ctx.db.select().from(progressReports).where(eq(progressReports.applicationId, app.id)),
    phaseWindow(ctx.db, app.programId, 'attack'),
  ]);
  const files = await filesOf(ctx.db, reports.map((r) => r.id));
  return {
    applicationId: app.id,
    title: app.title,
    status: app.status,
    attack: attack ? { opensAt: attack.opensAt.toISOString(), closesAt: attack.closesAt.toISOString() } : null,
    milestones: milestones.map((m) => {
      const r = reports.find((x) => x.milestoneId === m.id);
      return { ...milestoneView(m), report: r ? reportView(r, m, files) : null };
    }),
    abilities: { edit: role === 'owner' && (CONFIRMED_FINALIST_STATUSES as readonly string[]).includes(app.status) && (await attackOpen(ctx, ctx.db, app.programId)) },
  };
}

/**
 * The owner's report for a due date, locked for a change: the application must be a confirmed finalist's, the report
 * open for editing (a draft, or sent back for more) and the attack phase open. Creates the draft on first use.
 */
async function editableReport(ctx: ServiceContext, tx: DbOrTx, id: string, milestoneId: string) {
  const { app } = await evaluatedApplication(ctx, tx, id, { lock: true, roles: ['owner'] });
  const [milestone] = await tx.select().from(progressMilestones).where(and(eq(progressMilestones.id, milestoneId), eq(progressMilestones.programId, app.programId)));
  if (!milestone) throw new AppError('NOT_FOUND');
  return { app, milestone };
}

async function requireEditable(ctx: ServiceContext, tx: DbOrTx, app: ApplicationRow, report: ReportRow | undefined) {
  if (!(CONFIRMED_FINALIST_STATUSES as readonly string[]).includes(app.status)) {
    throw new AppError('INVALID_TRANSITION', { zh: '只有已公布的入围单位提交攻关进展报告', en: 'Progress reports are filed by confirmed finalists' });
  }
  if (report && !(EDITABLE as readonly string[]).includes(report.state)) {
    throw new AppError('INVALID_TRANSITION', {
      zh: report.state === 'accepted' ? '该进展报告已通过审核，不能修改' : '该进展报告已提交，等待主管部门审核',
      en: report.state === 'accepted' ? 'The report has been accepted and cannot be changed' : 'The report has been submitted and awaits review',
    });
  }
  if (!(await attackOpen(ctx, tx, app.programId))) throw new AppError('DEADLINE_PASSED', { zh: '不在攻关阶段，不能填写进展报告', en: 'Progress reports are filed during the attack phase' });
}

async function currentReport(tx: DbOrTx, milestoneId: string, applicationId: string) {
  const [row] = await tx
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.milestoneId, milestoneId), eq(progressReports.applicationId, applicationId)))
    .for('update');
  return row;
}

async function ensureReport(tx: DbOrTx, milestoneId: string, applicationId: string, existing: ReportRow | undefined): Promise<ReportRow> {
  if (existing) return existing;
  const [row] = await tx.insert(progressReports).values({ milestoneId, applicationId }).returning();
  return row!;
}

async function viewOf(db: DbOrTx, report: ReportRow, milestone: MilestoneRow) {
  return reportView(report, milestone, await filesOf(db, [report.id]));
}

/** Saves the text of a report (a draft, or one sent back for more); `version` guards against another tab's save. */
export async function saveProgressReport(ctx: ServiceContext, id: string, milestoneId: string, input: { content: string; version?: number }) {
  return ctx.db.transaction(async (tx) => {
    const { app, milestone } = await editableReport(ctx, tx, id, milestoneId);
    const existing = await currentReport(tx, milestone.id, app.id);
    await requireEditable(ctx, tx, app, existing);
    if (existing && input.version !== undefined && input.version !== existing.version) {
      throw new AppError('CONFLICT', { zh: `进展报告已在别处保存（当前版本 ${existing.version}），请刷新后再改`, en: `The report was saved elsewhere (now version ${existing.version}); reload first` });
    }
    const report = await ensureReport(tx, milestone.id, app.id, existing);
    const [saved] = await tx
      .update(progressReports)
      .set({ content: input.content, version: existing ? report.version + 1 : report.version, updatedAt: ctx.now })
      .where(eq(progressReports.id, report.id))
      .returning();
    await audit(ctx, tx, { action: 'progress.saved', objectType: 'application', objectId: app.id, details: { reportId: report.id, milestoneId, version: saved!.version, length: input.content.length } });
    return viewOf(tx, saved!, milestone);
  });
}

/** Hands the report in: it needs some text; late when after the due date (allowed while the attack phase is open). */
export async function submitProgressReport(ctx: ServiceContext, id: string, milestoneId: string) {
  return ctx.db.transaction(async (tx) => {
    const { app, milestone } = await editableReport(ctx, tx, id, milestoneId);
    const existing = await currentReport(tx, milestone.id, app.id);
    if (!existing || existing.content.trim() === '') {
      throw invalidFields([{ path: 'content', message: { zh: '请先填写并保存进展情况', en: 'Write and save the progress first' } }]);
    }
    await requireEditable(ctx, tx, app, existing);
    const entry: ProgressHistoryEntry = { action: 'submitted', at: ctx.now.toISOString(), by: ctx.actor!.name, comment: null };
    const [saved] = await tx
      .update(progressReports)
      .set({ state: 'submitted', submittedAt: existing.submittedAt ?? ctx.now, history: [...existing.history, entry], updatedAt: ctx.now })
      .where(eq(progressReports.id, existing.id))
      .returning();
    await audit(ctx, tx, {
      action: 'progress.submitted',
      objectType: 'application',
      objectId: app.id,
      details: { reportId: existing.id, milestoneId, from: existing.state, late: (existing.submittedAt ?? ctx.now) > milestone.dueAt },
    });
    return viewOf(tx, saved!, milestone);
  });
}

/** A PDF file of the report (5 at most, 10 MB each), while the report is open for editing. */
export async function addProgressFile(ctx: ServiceContext, files: FileStore, id: string, milestoneId: string, upload: { filename: string; stream: Readable }) {
  try {
    await ctx.db.transaction(async (tx) => {
      const { app, milestone } = await editableReport(ctx, tx, id, milestoneId);
      await requireEditable(ctx, tx, app, await currentReport(tx, milestone.id, app.id));
    });
  } catch (error) {
    upload.stream.resume();
    throw error;
  }
  let stored;
  try {
    stored = await files.save(upload.stream, FILE_BYTES);
  } catch (error) {
    if (error instanceof TooLargeError) throw new AppError('PAYLOAD_TOO_LARGE', { zh: '文件不能超过 10 MB', en: 'A file is at most 10 MB' });
    throw error;
  }
  if (!looksLikePdf(stored)) {
    await files.remove(stored.key);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '只接受 PDF 文件（按文件内容判断，不看扩展名）', en: 'Only PDF files are accepted (judged by content, not by name)' });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      // Checked again under the lock: the report may have been submitted while the file streamed.
      const { app, milestone } = await editableReport(ctx, tx, id, milestoneId);
      const existing = await currentReport(tx, milestone.id, app.id);
      await requireEditable(ctx, tx, app, existing);
      const report = await ensureReport(tx, milestone.id, app.id, existing);
      if ((await filesOf(tx, [report.id])).length >= PROGRESS_LIMITS.files) {
        throw new AppError('QUOTA_EXCEEDED', { zh: `每份进展报告至多 ${PROGRESS_LIMITS.files} 个附件`, en: `At most ${PROGRESS_LIMITS.files} files per report` });
      }
      const [row] = await tx
        .insert(progressReportFiles)
        .values({ reportId: report.id, name: cleanFileName(upload.filename), size: stored.size, sha256: stored.sha256, sm3: stored.sm3, storageKey: stored.key, uploadedBy: ctx.actor!.id })
        .returning();
      await audit(ctx, tx, { action: 'progress.file_added', objectType: 'application', objectId: app.id, details: { reportId: report.id, fileId: row!.id, size: row!.size, sha256: row!.sha256 } });
      return { id: row!.id, name: row!.name, size: row!.size, sha256: row!.sha256, sm3: row!.sm3 };
    });
  } catch (error) {
    await files.remove(stored.key);
    throw error;
  }
}

async function fileOf(db: DbOrTx, reportId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(progressReportFiles)
    .where(and(eq(progressReportFiles.id, fileId), eq(progressReportFiles.reportId, reportId), isNull(progressReportFiles.deletedAt)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function removeProgressFile(ctx: ServiceContext, id: string, milestoneId: string, fileId: string) {
  await ctx.db.transaction(async (tx) => {
    const { app, milestone } = await editableReport(ctx, tx, id, milestoneId);
    const existing = await currentReport(tx, milestone.id, app.id);
    if (!existing) throw new AppError('NOT_FOUND');
    const file = await fileOf(tx, existing.id, fileId);
    await requireEditable(ctx, tx, app, existing);
    await tx.update(progressReportFiles).set({ deletedAt: ctx.now }).where(eq(progressReportFiles.id, file.id));
    await audit(ctx, tx, { action: 'progress.file_removed', objectType: 'application', objectId: app.id, details: { reportId: existing.id, fileId, sha256: file.sha256 } });
  });
}

export async function openProgressFile(ctx: ServiceContext, files: FileStore, id: string, milestoneId: string, fileId: string) {
  const { app, role } = await evaluatedApplication(ctx, ctx.db, id);
  const [report] = await ctx.db.select().from(progressReports).where(and(eq(progressReports.milestoneId, milestoneId), eq(progressReports.applicationId, app.id)));
  if (!report) throw new AppError('NOT_FOUND');
  const row = await fileOf(ctx.db, report.id, fileId);
  // Visibility before permission (API.md): a file that is not there is 404 for the lab too, one that is 403.
  if (!READS_PROGRESS.includes(role)) throw new AppError('FORBIDDEN');
  return { name: row.name, size: row.size, stream: files.open(row.storageKey) };
}

/** The program admin's review of a submitted report: accept it, or ask for more (which needs saying what). */
async function reviewReport(ctx: ServiceContext, reportId: string, decision: 'accepted' | 'more_requested', comment: string) {
  const [found] = await ctx.db
    .select({ r: progressReports, m: progressMilestones })
    .from(progressReports)
    .innerJoin(progressMilestones, eq(progressMilestones.id, progressReports.milestoneId))
    .where(eq(progressReports.id, reportId));
  if (!found) throw new AppError('NOT_FOUND');
  // Another program's report is not public: not found (404) for its admins, as API.md's order of checks says.
  await adminProgramOfHidden(ctx, found.m.programId);
  const text = comment.trim();
  if (decision === 'more_requested' && text === '') throw invalidFields([{ path: 'comment', message: { zh: '请写明需要补充的内容', en: 'Say what more is needed' } }]);
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(progressReports).where(eq(progressReports.id, reportId)).for('update');
    if (locked!.state !== 'submitted') throw new AppError('INVALID_TRANSITION', { zh: '只能审核已提交的进展报告', en: 'Only a submitted report can be reviewed' });
    const entry: ProgressHistoryEntry = { action: decision, at: ctx.now.toISOString(), by: ctx.actor!.name, comment: text || null };
    const [saved] = await tx
      .update(progressReports)
      .set({ state: decision, reviewComment: text || null, reviewedBy: ctx.actor!.id, reviewedAt: ctx.now, history: [...locked!.history, entry], updatedAt: ctx.now })
      .where(eq(progressReports.id, reportId))
      .returning();
    await audit(ctx, tx, { action: `progress.${decision}`, objectType: 'application', objectId: locked!.applicationId, details: { reportId, milestoneId: found.m.id, comment: text || null } });
    return viewOf(tx, saved!, found.m);
  });
}

export const acceptProgressReport = (ctx: ServiceContext, reportId: string, comment: string) => reviewReport(ctx, reportId, 'accepted', comment);
export const requestMoreProgress = (ctx: ServiceContext, reportId: string, comment: string) => reviewReport(ctx, reportId, 'more_requested', comment);
