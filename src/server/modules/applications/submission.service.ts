// Submitting an application: idempotent (the same key and body give the same receipt), checked as a whole (every
// missing or invalid field listed), refused after the deadline; each submitted version is kept immutably with its
// content hashes (SHA-256 and SM3), and a receipt anyone can verify without seeing the content.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { EMAIL_PATTERN, PHONE_PATTERN, type Receipt } from '../../../shared/schemas/applications.js';
import type { DbOrTx } from '../../db/client.js';
import { applications, receiptCounters, submissions } from '../../db/schema/index.js';
import { sm3Hex } from '../../crypto/sm3.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { canonicalJson } from '../audit/canonical.js';
import type { Problem } from '../programs/catalogue-rules.js';
import { findProgram } from '../programs/catalogue.service.js';
import * as repo from './applications.repository.js';
import { EDITABLE_STATUSES, requireEditWindow, requireOwner, requireStatus, visibleApplication } from './applications.service.js';
import { isEligibleRecommender } from './eligibility.js';
import { missing, valueProblem } from './indicator-values.js';

const REQUIRED = { zh: '不能为空', en: 'must not be empty' };

export async function submitApplication(
  ctx: ServiceContext,
  id: string,
  input: { idempotencyKey: string; body: { version?: number } },
): Promise<{ status: 'submitted'; receipt: Receipt }> {
  const requestHash = createHash('sha256').update(canonicalJson(input.body)).digest('hex');
  return ctx.db.transaction(async (tx) => {
    // The row lock makes concurrent submissions of one application queue; the second then finds the first's key.
    const app = await visibleApplication(ctx, tx, id, true);
    requireOwner(ctx, app);
    const earlier = await repo.findSubmissionByKey(tx, app.id, input.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new AppError('IDEMPOTENCY_MISMATCH', {
          zh: '该幂等键已用于另一次不同内容的提交',
          en: 'This idempotency key was used for a different submission',
        });
      }
      return { status: 'submitted' as const, receipt: receiptOf(earlier) };
    }
    requireStatus(app, EDITABLE_STATUSES, { zh: '该申报已提交，不能再次提交', en: 'This application has already been submitted' });
    await requireEditWindow(ctx, tx, app);
    if (input.body.version !== undefined && input.body.version !== app.version) {
      throw new AppError('CONFLICT', {
        zh: `申报书已在别处修改（当前版本 ${app.version}），请刷新核对后再提交`,
        en: `The application changed elsewhere (now version ${app.version}); reload and check before submitting`,
      });
    }
    const problems = await completenessProblems(tx, app);
    if (problems.length > 0) throw invalidFields(problems);

    const program = await findProgram({ db: tx }, app.programId);
    const subfield = await repo.findSubfieldInProgram(tx, app.programId, app.subfieldId);
    const [counter] = await tx
      .insert(receiptCounters)
      .values({ programId: app.programId, last: 1 })
      .onConflictDoUpdate({ target: receiptCounters.programId, set: { last: sql`${receiptCounters.last} + 1` } })
      .returning({ last: receiptCounters.last });
    const number = `${program.code.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${subfield!.code}-${String(counter!.last).padStart(6, '0')}`;
    const content = await submittedContent(tx, app, { number, submittedAt: ctx.now.toISOString(), programCode: program.code, subfieldCode: subfield!.code });
    const canonical = canonicalJson(content);
    const sha256 = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const sm3 = sm3Hex(canonical);
    const [row] = await tx
      .insert(submissions)
      .values({
        applicationId: app.id,
        number,
        version: app.version,
        submittedAt: ctx.now,
        submittedBy: ctx.actor!.id,
        content,
        sha256,
        sm3,
        idempotencyKey: input.idempotencyKey,
        requestHash,
      })
      .returning();
    await tx
      .update(applications)
      .set({
        status: 'submitted',
        receiptNumber: number,
        returnReason: null,
        decisionComment: null,
        recommenderRank: null,
        decidedAt: null,
        version: app.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(applications.id, app.id));
    await audit(ctx, tx, {
      action: 'application.submit',
      objectType: 'application',
      objectId: app.id,
      details: { number, sha256, sm3, version: app.version, from: app.status },
    });
    return { status: 'submitted' as const, receipt: receiptOf(row!) };
  });
}

function receiptOf(row: repo.SubmissionRow): Receipt {
  return { number: row.number, submittedAt: row.submittedAt.toISOString(), sha256: row.sha256, sm3: row.sm3 };
}

/** Everything a submission needs, each problem with its field. */
export async function completenessProblems(db: DbOrTx, app: repo.ApplicationRow): Promise<Problem[]> {
  const problems: Problem[] = [];
  const need = (ok: boolean, path: string) => {
    if (!ok) problems.push({ path, message: REQUIRED });
  };
  need(app.title.trim() !== '', 'title');
  need(app.responsibleUnit.trim() !== '', 'responsibleUnit');
  const person = app.responsiblePerson;
  for (const field of ['name', 'title', 'phone', 'email'] as const) need(person[field].trim() !== '', `responsiblePerson.${field}`);
  if (person.email && !EMAIL_PATTERN.test(person.email)) problems.push({ path: 'responsiblePerson.email', message: { zh: '电子邮箱格式不正确', en: 'Not an e-mail address' } });
  if (person.phone && !PHONE_PATTERN.test(person.phone)) problems.push({ path: 'responsiblePerson.phone', message: { zh: '电话号码格式不正确', en: 'Not a phone number' } });
  if (!app.recommenderId) {
    problems.push({ path: 'recommenderId', message: { zh: '请选择推荐单位', en: 'Choose a recommending unit' } });
  } else {
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const rec = await repo.recommenderById(db, app.recommenderId);
    const org = await repo.organizationOf(db, app.organizationId);
    if (!rec || !org || !isEligibleRecommender(rec, org)) {
      problems.push({ path: 'recommenderId', message: { zh: '本单位不能选择该推荐单位', en: 'Your organization cannot choose this recommending unit' } });
    }
  }
  const program = await findProgram({ db }, app.programId);
  for (const section of program.sections) {
    const text = app.sections[section.key] ?? '';
    if (section.required) need(text.trim() !== '', `sections.${section.key}`);
    if (text.length > section.maxLength) {
      problems.push({ path: `sections.${section.key}`, message: { zh: `不能超过 ${section.maxLength} 字`, en: `At most ${section.maxLength} characters` } });
    }
  }
  const rows = await repo.listIndicatorRows(db, app.id);
  rows.forEach((r, i) => {
    if (r.retired) return;
    for (const field of ['current', 'target'] as const) {
      const value = r[field] ?? null;
      if (missing(value)) problems.push({ path: `indicators.${i}.${field}`, message: REQUIRED });
      else {
        const problem = valueProblem(r, value, `indicators.${i}.${field}`);
        if (problem) problems.push(problem);
      }
    }
  });
  app.customIndicators.forEach((c, i) => {
    const at = `customIndicators.${i}`;
    need(c.name.trim() !== '', `${at}.name`);
    if (c.kind === 'number') {
      need(c.unit.trim() !== '', `${at}.unit`);
      need(c.better !== null, `${at}.better`);
    }
    need(!missing(c.current), `${at}.current`);
    need(!missing(c.target), `${at}.target`);
  });
  return problems;
}

/** What the receipt's hashes cover: the whole application as submitted, with the receipt's number and time. */
async function submittedContent(db: DbOrTx, app: repo.ApplicationRow, receipt: { number: string; submittedAt: string; programCode: string; subfieldCode: string }) {
  const rows = await repo.listIndicatorRows(db, app.id);
  const files = await repo.listAttachments(db, app.id);
  const org = await repo.organizationOf(db, app.organizationId);
  const rec = app.recommenderId ? await repo.recommenderById(db, app.recommenderId) : undefined;
  return {
    receipt: { number: receipt.number, submittedAt: receipt.submittedAt },
    application: { id: app.id, version: app.version, program: receipt.programCode, subfield: receipt.subfieldCode },
    organization: { name: org!.name, uscc: org!.uscc, regionCode: org!.regionCode },
    title: app.title,
    responsibleUnit: app.responsibleUnit,
    responsiblePerson: app.responsiblePerson,
    recommender: rec ? { id: rec.id, name: rec.name } : null,
    sections: app.sections,
    indicators: rows.map((r) => ({ code: r.code, name: r.name, unit: r.unit, current: r.current ?? null, target: r.target ?? null, note: r.note })),
    customIndicators: app.customIndicators,
    attachments: files.map((f) => ({ id: f.id, name: f.name, size: f.size, sha256: f.sha256, sm3: f.sm3 })),
  };
}

/** What anyone may confirm about a receipt: that this number, time and hashes are what the platform holds. */
export async function verifyReceipt(ctx: Pick<ServiceContext, 'db'>, number: string) {
  const row = await repo.findSubmissionByNumber(ctx.db, number);
  if (!row) throw new AppError('NOT_FOUND', { zh: '没有这个回执编号', en: 'No receipt with this number' });
  return receiptOf(row);
}

/** What still stops a submission, for the applicant's to-do list (the same checks as submitting). */
export async function checkApplication(ctx: ServiceContext, id: string) {
  const app = await visibleApplication(ctx, ctx.db, id);
  requireOwner(ctx, app);
  const problems = await completenessProblems(ctx.db, app);
  return { problems: problems.map((p) => ({ path: p.path, message: p.message[ctx.lang] })) };
}

/** The latest submitted version as stored (what the receipt's hashes cover), for the printed copy. */
export async function latestSubmitted(ctx: ServiceContext, id: string) {
  const app = await visibleApplication(ctx, ctx.db, id);
  const row = await repo.latestSubmission(ctx.db, app.id);
  if (!row) throw new AppError('NOT_FOUND', { zh: '这份申报书尚未提交', en: 'This application has not been submitted' });
  return { receipt: receiptOf(row), content: row.content as SubmittedContent };
}

export type SubmittedContent = Awaited<ReturnType<typeof submittedContent>>;
