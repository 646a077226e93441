// What the lab records (API.md `PUT /api/applications/:id/measurements`, `POST …/lab-reports`): measured values per
// declared indicator, typed by kind, with method, date, the lab's judgement of qualitative ones and a PDF test report;
// the applicant's comment on a measurement. The final round's metShare scores follow every change.
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { MEASUREMENT_LIMITS, type AttainmentResponse, type LabReport, type MeasurementInput } from '../../../shared/schemas/evaluation.js';
import type { DbOrTx } from '../../db/client.js';
import { labReports, measurements } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { looksLikePdf, TooLargeError, type FileStore } from '../../storage/file-store.js';
import { cleanFileName } from '../applications/attachments.service.js';
import { valueProblem } from '../applications/indicator-values.js';
import { refreshAutomaticScores } from '../reviews/automatic-scores.js';
import { attainmentOfApplication, evaluationOpen, getAttainment, reportView } from './attainment.service.js';
import { evaluatedApplication, type ApplicationRow } from './evaluation-access.js';
import * as repo from './evaluation.repository.js';

type Problem = { path: string; message: Localized };
const REPORT_BYTES = 10 * 1024 * 1024;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The Beijing date of a date (2027-03-01) or an instant with its offset; null when it is neither, or when its year
 * is not 1 to 9999 (PostgreSQL has no year 0, and later dates lose their four-digit form). */
export function beijingDate(value: string | Date): string | null {
  if (typeof value === 'string' && DATE.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value && !value.startsWith('0000') ? value : null;
  }
  if (typeof value === 'string' && !INSTANT.test(value)) return null;
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return null;
  const date = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
  return DATE.test(date) && !date.startsWith('0000') ? date : null;
}

/** Measurements are taken of confirmed finalists before the winners are chosen, while the evaluation phase is open. */
async function requireMeasurable(ctx: ServiceContext, db: DbOrTx, app: ApplicationRow): Promise<void> {
  if (app.status !== 'finalist_confirmed') {
    throw new AppError('INVALID_TRANSITION', {
      zh: '只有已公布的入围单位在评选优胜单位之前可以录入实测结果',
      en: 'Measurements are recorded for confirmed finalists before the winners are chosen',
    });
  }
  if (!(await evaluationOpen(ctx, db, app.programId))) {
    throw new AppError('DEADLINE_PASSED', { zh: '不在测评阶段，不能录入实测结果', en: 'Measurements are recorded during the evaluation phase only' });
  }
}

async function itemProblems(ctx: ServiceContext, db: DbOrTx, app: ApplicationRow, items: MeasurementInput[]): Promise<Problem[]> {
  const refs = new Map((await repo.indicatorRows(db, [app.id])).map((r) => [r.indicatorId, r]));
  const customs = new Map(app.customIndicators.map((c) => [c.id, c]));
  const reports = new Set((await repo.listLabReports(db, app.id)).map((r) => r.id));
  const today = beijingDate(ctx.now)!;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const at = (field: string) => `items.${i}.${field}`;
    if ((item.indicatorId === undefined) === (item.customIndicatorId === undefined)) {
      problems.push({ path: at('indicatorId'), message: { zh: '请指明一个参考指标（indicatorId）或一个自定义指标（customIndicatorId）', en: 'Name one reference indicator (indicatorId) or one custom indicator (customIndicatorId)' } });
      return;
    }
    const key = item.indicatorId ?? `custom:${item.customIndicatorId}`;
    const def = item.indicatorId ? refs.get(item.indicatorId) : customs.get(item.customIndicatorId!);
    if (!def) {
      problems.push({
        path: at(item.indicatorId ? 'indicatorId' : 'customIndicatorId'),
        message: { zh: '这份申报没有声明这个指标', en: 'The application declares no such indicator' },
      });
      return;
    }
    if (seen.has(key)) problems.push({ path: at(item.indicatorId ? 'indicatorId' : 'customIndicatorId'), message: { zh: '同一指标在本次提交中出现了两次', en: 'The same indicator is sent twice' } });
    seen.add(key);
    const typed = valueProblem(def, item.measured, at('measured'));
    if (typed) problems.push(typed);
    else if (def.kind === 'text' && typeof item.measured === 'string' && item.measured.trim() === '') {
      problems.push({ path: at('measured'), message: { zh: '请填写实测达到的水平', en: 'Give the level measured' } });
    }
    if (item.method.trim() === '') problems.push({ path: at('method'), message: { zh: '请填写测试方法（依据的标准或规程）', en: 'Give the test method (the standard or procedure followed)' } });
    const tested = beijingDate(item.testedAt);
    if (tested === null) problems.push({ path: at('testedAt'), message: { zh: '请填写测试日期（年-月-日）', en: 'Give the test date (year-month-day)' } });
    else if (tested > today) problems.push({ path: at('testedAt'), message: { zh: '测试日期不能晚于今天', en: 'The test date cannot be in the future' } });
    if (def.kind === 'text') {
      if (!item.judgement) problems.push({ path: at('judgement'), message: { zh: '文字类指标须由评测机构判定是否达到承诺水平', en: 'Judge whether the committed level was reached' } });
      if (!item.reason?.trim()) problems.push({ path: at('reason'), message: { zh: '请写明判定理由', en: 'Give the reason for the judgement' } });
    } else if (item.judgement) {
      problems.push({ path: at('judgement'), message: { zh: '数值和是否类指标按实测值自动判定，不需要填写判定', en: 'Number and yes/no indicators are judged from the measured value; leave the judgement out' } });
    }
    if (item.reportId && !reports.has(item.reportId)) problems.push({ path: at('reportId'), message: { zh: '这份测试报告不属于该申报', en: 'The test report does not belong to this application' } });
  });
  return problems;
}

/** Records (or corrects) measured values; one audit record with what changed, the metShare and the reviews it moved. */
export async function saveMeasurements(ctx: ServiceContext, id: string, items: MeasurementInput[]): Promise<AttainmentResponse> {
  await ctx.db.transaction(async (tx) => {
    // The application's row lock: one lab save at a time, so the metShare written into the reviews is the last one.
    const { app } = await evaluatedApplication(ctx, tx, id, { lock: true, roles: ['lab'] });
    const problems = await itemProblems(ctx, tx, app, items);
    if (problems.length > 0) throw invalidFields(problems);
    await requireMeasurable(ctx, tx, app);
    const existing = await repo.measurementRows(tx, [app.id]);
    const changes = [];
    for (const item of items) {
      const before = existing.find((e) => (item.indicatorId ? e.m.indicatorId === item.indicatorId : e.m.customIndicatorId === item.customIndicatorId))?.m;
      const values = {
        measured: typeof item.measured === 'string' ? item.measured.trim() : item.measured,
        method: item.method.trim(),
        testedOn: beijingDate(item.testedAt)!,
        judgement: item.judgement ?? null,
        reason: item.reason?.trim() || null,
        reportId: item.reportId ?? null,
        labId: ctx.actor!.id,
        updatedAt: ctx.now,
      };
      if (before) await tx.update(measurements).set(values).where(eq(measurements.id, before.id));
      else await tx.insert(measurements).values({ applicationId: app.id, indicatorId: item.indicatorId ?? null, customIndicatorId: item.customIndicatorId ?? null, recordedAt: ctx.now, ...values });
      changes.push({
        ...(item.indicatorId ? { indicatorId: item.indicatorId } : { customIndicatorId: item.customIndicatorId }),
        measured: values.measured,
        judgement: values.judgement,
        before: before ? { measured: before.measured, judgement: before.judgement, method: before.method, testedOn: before.testedOn } : null,
      });
    }
    const { metShare } = await attainmentOfApplication(tx, app);
    const reviews = await refreshAutomaticScores(tx, app.id, metShare, ctx.now);
    await audit(ctx, tx, { action: 'measurements.recorded', objectType: 'application', objectId: app.id, details: { items: changes, metShare, reviews } });
  });
  return getAttainment(ctx, id);
}

/** The applicant's comment on one of its measurements, while the evaluation phase is open. */
export async function commentMeasurement(ctx: ServiceContext, id: string, measurementId: string, input: { comment: string }) {
  return ctx.db.transaction(async (tx) => {
    const { app } = await evaluatedApplication(ctx, tx, id, { roles: ['owner'] });
    const [row] = await tx
      .select()
      .from(measurements)
      .where(and(eq(measurements.id, measurementId), eq(measurements.applicationId, app.id)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const comment = input.comment.trim();
    if (comment.length === 0) throw invalidFields([{ path: 'comment', message: { zh: '请填写意见', en: 'Write your comment' } }]);
    if (!(await evaluationOpen(ctx, tx, app.programId))) {
      throw new AppError('DEADLINE_PASSED', { zh: '测评阶段已结束，不能再提出意见', en: 'The evaluation phase is over; comments are closed' });
    }
    await tx.update(measurements).set({ comment, commentedBy: ctx.actor!.id, commentedAt: ctx.now }).where(eq(measurements.id, row.id));
    await audit(ctx, tx, { action: 'measurement.commented', objectType: 'application', objectId: app.id, details: { measurementId: row.id, comment, before: row.comment } });
    return { id: row.id, comment, commentedAt: ctx.now.toISOString() };
  });
}

/** API.md `POST /api/applications/:id/lab-reports`: a PDF test report by the assigned lab, hashed while it streams. */
export async function addLabReport(ctx: ServiceContext, files: FileStore, id: string, upload: { filename: string; stream: Readable }): Promise<LabReport> {
  const { app } = await evaluatedApplication(ctx, ctx.db, id, { roles: ['lab'] }).catch((error: unknown) => {
    upload.stream.resume();
    throw error;
  });
  try {
    await requireMeasurable(ctx, ctx.db, app);
    if ((await repo.countLabReports(ctx.db, app.id)) >= MEASUREMENT_LIMITS.labReports) {
      throw new AppError('QUOTA_EXCEEDED', { zh: `每份申报至多 ${MEASUREMENT_LIMITS.labReports} 份测试报告`, en: `At most ${MEASUREMENT_LIMITS.labReports} test reports per application` });
    }
  } catch (error) {
    upload.stream.resume();
    throw error;
  }
  let stored;
  try {
    stored = await files.save(upload.stream, REPORT_BYTES);
  } catch (error) {
    if (error instanceof TooLargeError) throw new AppError('PAYLOAD_TOO_LARGE', { zh: '测试报告不能超过 10 MB', en: 'A test report is at most 10 MB' });
    throw error;
  }
  if (!looksLikePdf(stored)) {
    await files.remove(stored.key);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '只接受 PDF 文件（按文件内容判断，不看扩展名）', en: 'Only PDF files are accepted (judged by content, not by name)' });
  }
  const name = cleanFileName(upload.filename);
  try {
    return await ctx.db.transaction(async (tx) => {
      const { app: locked } = await evaluatedApplication(ctx, tx, id, { lock: true, roles: ['lab'] });
      if ((await repo.countLabReports(tx, locked.id)) >= MEASUREMENT_LIMITS.labReports) throw new AppError('QUOTA_EXCEEDED');
      const [row] = await tx
        .insert(labReports)
        .values({ applicationId: locked.id, labId: ctx.actor!.id, name, size: stored.size, sha256: stored.sha256, sm3: stored.sm3, storageKey: stored.key })
        .returning();
      await audit(ctx, tx, { action: 'lab_report.added', objectType: 'application', objectId: locked.id, details: { reportId: row!.id, name, size: stored.size, sha256: stored.sha256, sm3: stored.sm3 } });
      return reportView(row!);
    });
  } catch (error) {
    await files.remove(stored.key);
    throw error;
  }
}

/** A test report, for whoever may see the application's evaluation. */
export async function openLabReport(ctx: ServiceContext, files: FileStore, id: string, reportId: string) {
  const { app } = await evaluatedApplication(ctx, ctx.db, id);
  const [row] = await ctx.db
    .select()
    .from(labReports)
    .where(and(eq(labReports.id, reportId), eq(labReports.applicationId, app.id)));
  if (!row) throw new AppError('NOT_FOUND');
  return { name: row.name, size: row.size, stream: files.open(row.storageKey) };
}
