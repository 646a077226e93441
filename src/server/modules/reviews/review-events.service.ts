// Defence sessions and on-site visits: scheduled by program admins for applications of a round, with the findings
// and a PDF report recorded afterwards; listed with the application's record.
import type { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import { applications, organizations, reviewEvents } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { looksLikePdf, TooLargeError, type FileStore } from '../../storage/file-store.js';
import { cleanFileName } from '../applications/attachments.service.js';
import { adminProgram, adminProgramOfHidden, roundApplications } from '../assignment/assignment.service.js';

type EventRow = typeof reviewEvents.$inferSelect;

export interface EventInput {
  kind: 'defence' | 'onsite';
  scheduledAt: string;
  place: string;
  members: string[];
  findings?: string;
}

const view = (e: EventRow & { title?: string; applicant?: string }) => ({
  id: e.id,
  round: e.round,
  applicationId: e.applicationId,
  title: e.title ?? '',
  applicant: e.applicant ?? '',
  kind: e.kind,
  scheduledAt: e.scheduledAt.toISOString(),
  place: e.place,
  members: e.members,
  findings: e.findings,
  report: e.reportKey ? { name: e.reportName!, size: e.reportSize!, sha256: e.reportSha256!, sm3: e.reportSm3! } : null,
});

function problems(input: EventInput): Array<{ path: string; message: Localized }> {
  const found: Array<{ path: string; message: Localized }> = [];
  if (Number.isNaN(Date.parse(input.scheduledAt))) found.push({ path: 'scheduledAt', message: { zh: '请填写时间', en: 'Give the date and time' } });
  if (input.place.trim().length === 0) found.push({ path: 'place', message: { zh: input.kind === 'defence' ? '请填写答辩地点' : '请填写考察地点', en: 'Give the place' } });
  const members = input.members.map((m) => m.trim()).filter(Boolean);
  if (members.length === 0) found.push({ path: 'members', message: { zh: input.kind === 'defence' ? '请填写答辩专家组成员' : '请填写现场评估组成员', en: 'Name the members' } });
  return found;
}

/** The events of a round (or of one application), with the application's title and applicant. */
export async function listEvents(ctx: ServiceContext, programIdOrCode: string, query: { round?: string; applicationId?: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  const rows = await ctx.db
    .select({ e: reviewEvents, title: applications.title, applicant: organizations.name })
    .from(reviewEvents)
    .innerJoin(applications, eq(applications.id, reviewEvents.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        eq(reviewEvents.programId, program.id),
        query.round ? eq(reviewEvents.round, query.round) : undefined,
        query.applicationId ? eq(reviewEvents.applicationId, query.applicationId) : undefined,
      ),
    )
    .orderBy(asc(reviewEvents.scheduledAt));
  return { items: rows.map((r) => view({ ...r.e, title: r.title, applicant: r.applicant })) };
}

export async function scheduleEvent(ctx: ServiceContext, programIdOrCode: string, input: EventInput & { round: string; applicationId: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  const found = problems(input);
  const pool = await roundApplications(ctx.db, program.id, input.round);
  if (!pool.some((a) => a.id === input.applicationId)) found.push({ path: 'applicationId', message: { zh: '该申报不在本轮评审中', en: 'This application is not in the round' } });
  if (found.length > 0) throw invalidFields(found);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviewEvents)
      .values({
        programId: program.id,
        round: input.round,
        applicationId: input.applicationId,
        kind: input.kind,
        scheduledAt: new Date(input.scheduledAt),
        place: input.place.trim(),
        members: input.members.map((m) => m.trim()).filter(Boolean),
        findings: input.findings ?? '',
        createdBy: ctx.actor!.id,
      })
      .returning();
    await audit(ctx, tx, { action: `review_event.${input.kind}.scheduled`, objectType: 'application', objectId: input.applicationId, details: { eventId: row!.id, ...view(row!) } });
    return view(row!);
  });
}

async function ownEvent(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(reviewEvents).where(eq(reviewEvents.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  await adminProgramOfHidden(ctx, row.programId);
  return row;
}

/** Changes the time, place or members, or records the findings. */
export async function updateEvent(ctx: ServiceContext, id: string, input: Omit<EventInput, 'kind'>) {
  const before = await ownEvent(ctx, id);
  const found = problems({ ...input, kind: before.kind });
  if (found.length > 0) throw invalidFields(found);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(reviewEvents)
      .set({
        scheduledAt: new Date(input.scheduledAt),
        place: input.place.trim(),
        members: input.members.map((m) => m.trim()).filter(Boolean),
        findings: input.findings ?? before.findings,
        updatedAt: ctx.now,
      })
      .where(eq(reviewEvents.id, id))
      .returning();
    await audit(ctx, tx, { action: `review_event.${before.kind}.updated`, objectType: 'application', objectId: before.applicationId, details: { eventId: id, before: view(before), after: view(row!) } });
    return view(row!);
  });
}

/** The report of a defence or a visit (PDF, 10 MB at most); a new one replaces the old, whose bytes stay. */
export async function attachReport(ctx: ServiceContext, files: FileStore, id: string, upload: { filename: string; stream: Readable }) {
  const event = await ownEvent(ctx, id);
  let stored;
  try {
    stored = await files.save(upload.stream, 10 * 1024 * 1024);
  } catch (error) {
    if (error instanceof TooLargeError) throw new AppError('PAYLOAD_TOO_LARGE', { zh: '报告不能超过 10 MB', en: 'A report is at most 10 MB' });
    throw error;
  }
  if (!looksLikePdf(stored)) {
    await files.remove(stored.key);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '只接受 PDF 文件（按文件内容判断，不看扩展名）', en: 'Only PDF files are accepted (judged by content, not by name)' });
  }
  const name = cleanFileName(upload.filename);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(reviewEvents)
      .set({ reportName: name, reportSize: stored.size, reportSha256: stored.sha256, reportSm3: stored.sm3, reportKey: stored.key, updatedAt: ctx.now })
      .where(eq(reviewEvents.id, id))
      .returning();
    await audit(ctx, tx, { action: `review_event.${event.kind}.report`, objectType: 'application', objectId: event.applicationId, details: { eventId: id, name, size: stored.size, sha256: stored.sha256 } });
    return view(row!);
  });
}

export async function openReport(ctx: ServiceContext, files: FileStore, id: string) {
  const event = await ownEvent(ctx, id);
  if (!event.reportKey) throw new AppError('NOT_FOUND');
  return { name: event.reportName!, size: event.reportSize!, stream: files.open(event.reportKey) };
}
