// Queries on applications, their indicator rows and attachments.
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  applicationIndicators,
  applications,
  attachments,
  indicators,
  organizations,
  programPhases,
  recommenders,
  reviewAssignments,
  submissions,
  subfields,
} from '../../db/schema/index.js';
import type { PhaseKey } from '../../../shared/schemas/system.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;

export async function findApplication(db: DbOrTx, id: string, lock = false): Promise<ApplicationRow | undefined> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** What an expert may see of an application: `open` once they declared no conflict on a released assignment of it,
 * `undeclared` while they have one but have not declared, `none` without one. */
export async function expertAccess(db: DbOrTx, expertId: string, applicationId: string): Promise<'open' | 'undeclared' | 'none'> {
  const rows = await db
    .select({ declared: reviewAssignments.noConflictAt })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.expertId, expertId), eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.status, 'released')));
  if (rows.length === 0) return 'none';
  return rows.some((r) => r.declared !== null) ? 'open' : 'undeclared';
}

/** The applications an expert may open (released to them, no conflict declared). */
export const openToExpert = (expertId: string): SQL =>
  sql`${applications.id} IN (SELECT ${reviewAssignments.applicationId} FROM ${reviewAssignments} WHERE ${reviewAssignments.expertId} = ${expertId} AND ${reviewAssignments.status} = 'released' AND ${reviewAssignments.noConflictAt} IS NOT NULL)`;

/** The indicator rows of an application with their catalogue definition, in catalogue order. */
export async function listIndicatorRows(db: DbOrTx, applicationId: string) {
  return db
    .select({
      indicatorId: applicationIndicators.indicatorId,
      current: applicationIndicators.current,
      target: applicationIndicators.target,
      note: applicationIndicators.note,
      code: indicators.code,
      name: indicators.name,
      kind: indicators.kind,
      unit: indicators.unit,
      better: indicators.better,
      planTargetText: indicators.planTargetText,
      planComparator: indicators.planComparator,
      planValue: indicators.planValue,
      retired: indicators.retired,
    })
    .from(applicationIndicators)
    .innerJoin(indicators, eq(indicators.id, applicationIndicators.indicatorId))
    .where(eq(applicationIndicators.applicationId, applicationId))
    .orderBy(asc(indicators.position), asc(indicators.code));
}
export type IndicatorRowView = Awaited<ReturnType<typeof listIndicatorRows>>[number];

export async function listAttachments(db: DbOrTx, applicationId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.applicationId, applicationId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt));
}

export async function latestSubmission(db: DbOrTx, applicationId: string): Promise<SubmissionRow | undefined> {
  const rows = await db.select().from(submissions).where(eq(submissions.applicationId, applicationId)).orderBy(desc(submissions.submittedAt)).limit(1);
  return rows[0];
}

export async function findSubmissionByKey(db: DbOrTx, applicationId: string, key: string): Promise<SubmissionRow | undefined> {
  const rows = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.applicationId, applicationId), eq(submissions.idempotencyKey, key)));
  return rows[0];
}

export async function findSubmissionByNumber(db: DbOrTx, number: string): Promise<SubmissionRow | undefined> {
  const rows = await db.select().from(submissions).where(eq(submissions.number, number));
  return rows[0];
}

/** Whether a phase of a program is open at `now` (opened, not yet closed). */
export async function phaseWindow(db: DbOrTx, programId: string, key: PhaseKey) {
  const rows = await db
    .select()
    .from(programPhases)
    .where(and(eq(programPhases.programId, programId), eq(programPhases.key, key)));
  return rows[0];
}

/** Applications that count toward the per-applicant limit (every status but withdrawn). */
export async function countLiveApplications(db: DbOrTx, organizationId: string, programId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.organizationId, organizationId), eq(applications.programId, programId), ne(applications.status, 'withdrawn')));
  return rows[0]?.n ?? 0;
}

export async function findSubfieldInProgram(db: DbOrTx, programId: string, subfieldId: string) {
  const rows = await db
    .select()
    .from(subfields)
    .where(and(eq(subfields.programId, programId), eq(subfields.id, subfieldId)));
  return rows[0];
}

export async function listSubfieldIndicators(db: DbOrTx, subfieldId: string) {
  return db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.subfieldId, subfieldId), eq(indicators.retired, false)));
}

export async function organizationOf(db: DbOrTx, id: string) {
  const rows = await db.select().from(organizations).where(eq(organizations.id, id));
  return rows[0];
}

export async function recommenderById(db: DbOrTx, id: string) {
  const rows = await db.select().from(recommenders).where(eq(recommenders.id, id));
  return rows[0];
}

export async function allRecommenders(db: DbOrTx) {
  return db.select().from(recommenders).orderBy(asc(recommenders.kind), asc(recommenders.regionCode), asc(recommenders.name));
}

export interface ListFilter {
  /** What the caller may see, as a condition; null means nothing. */
  visible: SQL;
  programId?: string;
  status?: string;
  subfieldId?: string;
  directionId?: string;
  limit: number;
  cursor?: { createdAt: Date; id: string };
}

export async function listApplications(db: DbOrTx, filter: ListFilter) {
  const conditions: SQL[] = [filter.visible];
  if (filter.programId) conditions.push(eq(applications.programId, filter.programId));
  if (filter.status) conditions.push(sql`${applications.status} = ${filter.status}`);
  if (filter.subfieldId) conditions.push(eq(applications.subfieldId, filter.subfieldId));
  if (filter.directionId) {
    conditions.push(sql`${applications.subfieldId} IN (SELECT id FROM subfields WHERE direction_id = ${filter.directionId})`);
  }
  if (filter.cursor) {
    conditions.push(
      or(
        lt(applications.createdAt, filter.cursor.createdAt),
        and(eq(applications.createdAt, filter.cursor.createdAt), lt(applications.id, filter.cursor.id)),
      )!,
    );
  }
  return db
    .select({
      id: applications.id,
      programId: applications.programId,
      subfieldId: applications.subfieldId,
      organizationName: organizations.name,
      title: applications.title,
      status: applications.status,
      version: applications.version,
      receiptNumber: applications.receiptNumber,
      recommenderRank: applications.recommenderRank,
      regionCode: organizations.regionCode,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(...conditions))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(filter.limit + 1);
}

export const inPrograms = (ids: string[]) => inArray(applications.programId, ids);

/** Per number indicator of an application: how many other submitted applications of the subfield declared a target,
 * and how many of those targets are below and equal to this one's. */
export async function peerTargetCounts(db: DbOrTx, applicationId: string) {
  const result = await db.execute<{ indicator_id: string; n: number; below: number; equal: number }>(sql`
    SELECT mine.indicator_id,
           count(*)::int AS n,
           count(*) FILTER (WHERE (other.target #>> '{}')::float8 < (mine.target #>> '{}')::float8)::int AS below,
           count(*) FILTER (WHERE (other.target #>> '{}')::float8 = (mine.target #>> '{}')::float8)::int AS equal
      FROM application_indicators mine
      JOIN application_indicators other ON other.indicator_id = mine.indicator_id AND other.application_id <> mine.application_id
      JOIN applications a ON a.id = other.application_id AND a.status NOT IN ('draft', 'withdrawn')
     WHERE mine.application_id = ${applicationId}
       AND jsonb_typeof(mine.target) = 'number' AND jsonb_typeof(other.target) = 'number'
     GROUP BY mine.indicator_id`);
  return result.rows;
}
