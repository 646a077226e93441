// The attack period's schedule (进展报告的时间安排): due dates a program admin sets for every confirmed finalist's
// progress report, and the admin's overview of where each report stands.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProgressMilestone, ProgressOverview } from '../../../shared/schemas/evaluation.js';
import { applications, organizations, progressMilestones, progressReports, subfields } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { adminProgram, adminProgramOfHidden } from '../assignment/assignment.service.js';
import { CONFIRMED_FINALIST_STATUSES } from './evaluation-access.js';

type MilestoneRow = typeof progressMilestones.$inferSelect;
export interface MilestoneInput {
  title: string;
  description?: string;
  dueAt: string;
}

export const milestoneView = (m: MilestoneRow): ProgressMilestone => ({ id: m.id, title: m.title, description: m.description, dueAt: m.dueAt.toISOString() });

function problems(input: MilestoneInput): Array<{ path: string; message: Localized }> {
  return input.title.trim() === '' ? [{ path: 'title', message: { zh: '请填写这次进展报告的名称，如“中期进展报告”', en: 'Name the report, e.g. “Mid-term progress report”' } }] : [];
}

export async function listMilestones(ctx: ServiceContext, programIdOrCode: string) {
  const program = await adminProgram(ctx, programIdOrCode);
  const rows = await ctx.db.select().from(progressMilestones).where(eq(progressMilestones.programId, program.id)).orderBy(asc(progressMilestones.dueAt));
  return { items: rows.map(milestoneView) };
}

export async function createMilestone(ctx: ServiceContext, programIdOrCode: string, input: MilestoneInput) {
  const program = await adminProgram(ctx, programIdOrCode);
  const found = problems(input);
  if (found.length > 0) throw invalidFields(found);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(progressMilestones)
      .values({ programId: program.id, title: input.title.trim(), description: input.description?.trim() ?? '', dueAt: new Date(input.dueAt), createdBy: ctx.actor!.id })
      .returning();
    await audit(ctx, tx, { action: 'progress.milestone.created', objectType: 'program', objectId: program.id, details: milestoneView(row!) });
    return milestoneView(row!);
  });
}

/** A due date of one of the admin's programs; another program's is not public, so it does not exist for the caller. */
async function ownMilestone(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(progressMilestones).where(eq(progressMilestones.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  await adminProgramOfHidden(ctx, row.programId);
  return row;
}

/** Changes a due date (a report already submitted stays submitted; whether it was late follows the new date). */
export async function updateMilestone(ctx: ServiceContext, id: string, input: MilestoneInput) {
  const before = await ownMilestone(ctx, id);
  const found = problems(input);
  if (found.length > 0) throw invalidFields(found);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(progressMilestones)
      .set({ title: input.title.trim(), description: input.description?.trim() ?? before.description, dueAt: new Date(input.dueAt), updatedAt: ctx.now })
      .where(eq(progressMilestones.id, id))
      .returning();
    await audit(ctx, tx, { action: 'progress.milestone.updated', objectType: 'program', objectId: before.programId, details: { before: milestoneView(before), after: milestoneView(row!) } });
    return milestoneView(row!);
  });
}

/** Removes a due date nobody has reported on yet. */
export async function deleteMilestone(ctx: ServiceContext, id: string) {
  const before = await ownMilestone(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const reports = await tx.select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.milestoneId, id)).limit(1);
    if (reports.length > 0) throw new AppError('INVALID_TRANSITION', { zh: '已有单位填写了这次进展报告，不能删除', en: 'Finalists have begun this report; it cannot be removed' });
    await tx.delete(progressMilestones).where(eq(progressMilestones.id, id));
    await audit(ctx, tx, { action: 'progress.milestone.deleted', objectType: 'program', objectId: before.programId, details: milestoneView(before) });
  });
}

/** Per confirmed finalist and due date, where its report stands (program admins). */
export async function progressOverview(ctx: ServiceContext, programIdOrCode: string): Promise<ProgressOverview> {
  const program = await adminProgram(ctx, programIdOrCode);
  const milestones = await ctx.db.select().from(progressMilestones).where(eq(progressMilestones.programId, program.id)).orderBy(asc(progressMilestones.dueAt));
  const finalists = await ctx.db
    .select({ app: applications, applicant: organizations.name, subfieldCode: subfields.code, subfieldName: subfields.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .where(and(eq(applications.programId, program.id), inArray(applications.status, [...CONFIRMED_FINALIST_STATUSES])))
    .orderBy(asc(subfields.code), asc(organizations.name));
  const reports =
    milestones.length > 0
      ? await ctx.db
          .select()
          .from(progressReports)
          .where(inArray(progressReports.milestoneId, milestones.map((m) => m.id)))
      : [];
  const due = new Map(milestones.map((m) => [m.id, m.dueAt]));
  return {
    milestones: milestones.map(milestoneView),
    items: finalists.map((f) => ({
      applicationId: f.app.id,
      title: f.app.title,
      applicant: f.applicant,
      subfield: `${f.subfieldCode} ${f.subfieldName}`,
      reports: reports
        .filter((r) => r.applicationId === f.app.id)
        .map((r) => ({
          milestoneId: r.milestoneId,
          reportId: r.id,
          state: r.state,
          submittedAt: r.submittedAt?.toISOString() ?? null,
          late: r.submittedAt !== null && r.submittedAt > due.get(r.milestoneId)!,
        })),
    })),
  };
}
