// Queries of the final evaluation: lab assignments, lab reports, measurements, and what attainment is computed from.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  applicationIndicators,
  applications,
  indicators,
  labAssignments,
  labReports,
  measurements,
  organizations,
  reviewAssignments,
  subfields,
  users,
} from '../../db/schema/index.js';

export type MeasurementRow = typeof measurements.$inferSelect;
export type LabReportRow = typeof labReports.$inferSelect;
export type LabAssignmentRow = typeof labAssignments.$inferSelect;

/** The assignment in force of an application (at most one), with the lab's name. */
export async function currentLab(db: DbOrTx, applicationId: string) {
  const rows = await db
    .select({ a: labAssignments, labName: users.name })
    .from(labAssignments)
    .innerJoin(users, eq(users.id, labAssignments.labId))
    .where(and(eq(labAssignments.applicationId, applicationId), isNull(labAssignments.endedAt)));
  return rows[0];
}

/** The assignments in force of these applications, by application. */
export async function currentLabs(db: DbOrTx, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { a: LabAssignmentRow; labName: string }>();
  const rows = await db
    .select({ a: labAssignments, labName: users.name })
    .from(labAssignments)
    .innerJoin(users, eq(users.id, labAssignments.labId))
    .where(and(inArray(labAssignments.applicationId, applicationIds), isNull(labAssignments.endedAt)));
  return new Map(rows.map((r) => [r.a.applicationId, r]));
}

/** The applications a lab measures now, with their subfield and applicant. */
export async function labApplications(db: DbOrTx, labId: string, applicationId?: string) {
  return db
    .select({ app: applications, applicant: organizations.name, subfieldCode: subfields.code, subfieldName: subfields.name, assignedAt: labAssignments.assignedAt })
    .from(labAssignments)
    .innerJoin(applications, eq(applications.id, labAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(subfields, eq(subfields.id, applications.subfieldId))
    .where(and(eq(labAssignments.labId, labId), isNull(labAssignments.endedAt), applicationId ? eq(labAssignments.applicationId, applicationId) : undefined))
    .orderBy(asc(subfields.code), asc(organizations.name));
}

/** Whether an expert may open the application (a released assignment, no conflict declared). */
export async function expertMayOpen(db: DbOrTx, expertId: string, applicationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.expertId, expertId),
        eq(reviewAssignments.applicationId, applicationId),
        eq(reviewAssignments.status, 'released'),
        isNotNull(reviewAssignments.noConflictAt),
      ),
    );
  return rows.length > 0;
}

/** The reference indicator rows of these applications with their catalogue definition, in catalogue order. */
export async function indicatorRows(db: DbOrTx, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: applicationIndicators.applicationId,
      indicatorId: applicationIndicators.indicatorId,
      target: applicationIndicators.target,
      code: indicators.code,
      name: indicators.name,
      nameEn: indicators.nameEn,
      kind: indicators.kind,
      unit: indicators.unit,
      better: indicators.better,
      planTargetText: indicators.planTargetText,
      planComparator: indicators.planComparator,
      planValue: indicators.planValue,
    })
    .from(applicationIndicators)
    .innerJoin(indicators, eq(indicators.id, applicationIndicators.indicatorId))
    .where(inArray(applicationIndicators.applicationId, applicationIds))
    .orderBy(asc(indicators.position), asc(indicators.code));
}
export type IndicatorRowOfApplication = Awaited<ReturnType<typeof indicatorRows>>[number];

export async function measurementRows(db: DbOrTx, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({ m: measurements, labName: users.name, report: labReports })
    .from(measurements)
    .innerJoin(users, eq(users.id, measurements.labId))
    .leftJoin(labReports, eq(labReports.id, measurements.reportId))
    .where(inArray(measurements.applicationId, applicationIds));
}
export type MeasurementWithLab = Awaited<ReturnType<typeof measurementRows>>[number];

export async function listLabReports(db: DbOrTx, applicationId: string): Promise<LabReportRow[]> {
  return db.select().from(labReports).where(eq(labReports.applicationId, applicationId)).orderBy(asc(labReports.createdAt));
}

export async function countLabReports(db: DbOrTx, applicationId: string): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(labReports).where(eq(labReports.applicationId, applicationId));
  return rows[0]?.n ?? 0;
}

/** Active accounts with the lab role. */
export async function listLabs(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(sql`'lab' = ANY(${users.roles})`, eq(users.disabled, false)))
    .orderBy(asc(users.name));
}
