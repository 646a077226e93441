// Which test lab (评测机构) measures which confirmed finalist: assigned by program admins one by one or a whole subfield
// at a time (the same action per finalist); the lab's own list of finalists; the admins' overview of the evaluation.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EvaluationOverviewItem, LabApplication } from '../../../shared/schemas/evaluation.js';
import { applications, labAssignments, organizations, subfields, users } from '../../db/schema/index.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { hasRole } from '../accounts/actor.js';
import { adminProgram } from '../assignment/assignment.service.js';
import { attainmentsOf, labApplicationView } from './attainment.service.js';
import { CONFIRMED_FINALIST_STATUSES } from './evaluation-access.js';
import * as repo from './evaluation.repository.js';

/** A lab measures a finalist from its confirmation until the winners are published (a revoked winner is done). */
const MEASURABLE_STATUSES = ['finalist_confirmed', 'winner', 'winner_confirmed'] as const;

async function requireLab(ctx: ServiceContext, labUserId: string) {
  const [lab] = await ctx.db.select().from(users).where(eq(users.id, labUserId));
  if (!lab || !lab.roles.includes('lab') || lab.disabled) {
    throw invalidFields([{ path: 'labUserId', message: { zh: '请选择一个评测机构账号', en: 'Choose a test lab account' } }]);
  }
  return lab;
}

/** API.md `POST …/lab-assignments`: the lab that measures this confirmed finalist (another lab's assignment ends). */
export async function assignLab(ctx: ServiceContext, programIdOrCode: string, input: { applicationId: string; labUserId: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  const lab = await requireLab(ctx, input.labUserId);
  return ctx.db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, input.applicationId)).for('update');
    if (!app || app.programId !== program.id) {
      throw invalidFields([{ path: 'applicationId', message: { zh: '本项目没有这份申报', en: 'The program has no such application' } }]);
    }
    if (!(MEASURABLE_STATUSES as readonly string[]).includes(app.status)) {
      throw new AppError('INVALID_TRANSITION', { zh: '只能为已公布的入围单位指定评测机构', en: 'Only confirmed finalists are given a test lab' });
    }
    const current = await repo.currentLab(tx, app.id);
    if (current?.a.labId === lab.id) throw new AppError('CONFLICT', { zh: '该评测机构已负责这份申报', en: 'This lab already measures the application' });
    if (current) await tx.update(labAssignments).set({ endedAt: ctx.now }).where(eq(labAssignments.id, current.a.id));
    const [row] = await tx
      .insert(labAssignments)
      .values({ programId: program.id, applicationId: app.id, labId: lab.id, assignedBy: ctx.actor!.id, assignedAt: ctx.now })
      .returning({ id: labAssignments.id });
    await audit(ctx, tx, {
      action: 'lab.assigned',
      objectType: 'application',
      objectId: app.id,
      details: { assignmentId: row!.id, labId: lab.id, previousLabId: current?.a.labId ?? null },
    });
    return { id: row!.id };
  });
}

/** Gives every confirmed finalist of a subfield this lab, one assignment (and one audit record) each; those the lab
 * already measures are left as they are. */
export async function assignLabToSubfield(ctx: ServiceContext, programIdOrCode: string, input: { subfieldId: string; labUserId: string }) {
  const program = await adminProgram(ctx, programIdOrCode);
  await requireLab(ctx, input.labUserId);
  const [subfield] = await ctx.db.select().from(subfields).where(and(eq(subfields.id, input.subfieldId), eq(subfields.programId, program.id)));
  if (!subfield) throw invalidFields([{ path: 'subfieldId', message: { zh: '本项目没有这个细分领域', en: 'The program has no such subfield' } }]);
  const finalists = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.subfieldId, subfield.id), inArray(applications.status, [...MEASURABLE_STATUSES])));
  const current = await repo.currentLabs(ctx.db, finalists.map((f) => f.id));
  const ids: string[] = [];
  for (const f of finalists) {
    if (current.get(f.id)?.a.labId === input.labUserId) continue;
    ids.push((await assignLab(ctx, program.id, { applicationId: f.id, labUserId: input.labUserId })).id);
  }
  return { assigned: ids.length, ids };
}

/** The program's confirmed finalists with their lab and how far their measurements are (program admins). */
export async function evaluationOverview(ctx: ServiceContext, programIdOrCode: string): Promise<{ items: EvaluationOverviewItem[] }> {
  const program = await adminProgram(ctx, programIdOrCode);
  const rows = await ctx.db
    .select({ app: applications, applicant: organizations.name, subfieldCode: subfields.code, subfieldName: subfields.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .where(and(eq(applications.programId, program.id), inArray(applications.status, [...CONFIRMED_FINALIST_STATUSES])))
    .orderBy(asc(subfields.code), asc(organizations.name));
  const [attainments, labs] = await Promise.all([attainmentsOf(ctx.db, rows.map((r) => r.app)), repo.currentLabs(ctx.db, rows.map((r) => r.app.id))]);
  return {
    items: rows.map((r) => {
      const a = attainments.get(r.app.id)!;
      const lab = labs.get(r.app.id);
      return {
        applicationId: r.app.id,
        title: r.app.title,
        applicant: r.applicant,
        subfieldId: r.app.subfieldId,
        subfield: `${r.subfieldCode} ${r.subfieldName}`,
        status: r.app.status,
        lab: lab ? { id: lab.a.labId, name: lab.labName, assignedAt: lab.a.assignedAt.toISOString() } : null,
        measuredCount: a.items.filter((i) => i.measurement !== null).length,
        indicatorCount: a.items.length,
        metShare: a.metShare,
        met: a.met,
        judged: a.judged,
      };
    }),
  };
}

/** The lab accounts a program admin can choose from. */
export async function listLabs(ctx: ServiceContext) {
  if (!hasRole(ctx.actor, 'program_admin')) throw new AppError('FORBIDDEN');
  return { items: await repo.listLabs(ctx.db) };
}

function requireLabRole(ctx: ServiceContext) {
  if (!hasRole(ctx.actor, 'lab')) throw new AppError('FORBIDDEN');
}

/** API.md `GET /api/lab/applications`: only the finalists assigned to the calling lab. */
export async function myLabApplications(ctx: ServiceContext): Promise<{ items: LabApplication[]; nextCursor: null }> {
  requireLabRole(ctx);
  const rows = await repo.labApplications(ctx.db, ctx.actor!.id);
  const attainments = await attainmentsOf(ctx.db, rows.map((r) => r.app));
  return { items: rows.map((r) => labApplicationView(r, attainments.get(r.app.id)!)), nextCursor: null };
}

/** One of them; any other application does not exist for the lab. */
export async function myLabApplication(ctx: ServiceContext, id: string): Promise<LabApplication> {
  requireLabRole(ctx);
  const [row] = await repo.labApplications(ctx.db, ctx.actor!.id, id);
  if (!row) throw new AppError('NOT_FOUND');
  const attainments = await attainmentsOf(ctx.db, [row.app]);
  return labApplicationView(row, attainments.get(row.app.id)!);
}
