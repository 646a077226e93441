// Attainment of applications from their committed targets and the labs' measurements (judged by shared/attainment.ts):
// per application for those who may see it, per lab assignment for the lab, and the metShare the final round uses.
import { judgeItem, metShare } from '../../../shared/attainment.js';
import type { IndicatorValue } from '../../../shared/schemas/applications.js';
import type { AttainmentItem, AttainmentResponse, LabApplication, LabReport, MeasurementView } from '../../../shared/schemas/evaluation.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../http/request-context.js';
import { phaseWindow } from '../applications/applications.repository.js';
import { organizationOf } from '../applications/applications.repository.js';
import { planTargetOf } from '../programs/programs.repository.js';
import { evaluatedApplication, type ApplicationRow } from './evaluation-access.js';
import * as repo from './evaluation.repository.js';

export const reportView = (r: repo.LabReportRow): LabReport => ({ id: r.id, name: r.name, size: r.size, sha256: r.sha256, sm3: r.sm3, createdAt: r.createdAt.toISOString() });

function measurementView(row: repo.MeasurementWithLab): MeasurementView {
  const m = row.m;
  return {
    id: m.id,
    method: m.method,
    testedAt: m.testedOn,
    judgement: m.judgement,
    reason: m.reason,
    report: row.report ? reportView(row.report) : null,
    labName: row.labName,
    recordedAt: m.recordedAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    comment: m.comment,
    commentedAt: m.commentedAt?.toISOString() ?? null,
  };
}

export interface Attainment {
  items: AttainmentItem[];
  metShare: number | null;
  met: number;
  judged: number;
}

/** One application's attainment: its reference indicators in catalogue order, then its custom indicators. */
export function attainmentOf(app: ApplicationRow, rows: repo.IndicatorRowOfApplication[], measured: repo.MeasurementWithLab[]): Attainment {
  const byIndicator = new Map(measured.filter((r) => r.m.indicatorId).map((r) => [r.m.indicatorId!, r]));
  const byCustom = new Map(measured.filter((r) => r.m.customIndicatorId).map((r) => [r.m.customIndicatorId!, r]));
  const item = (
    key: { indicatorId: string } | { customIndicatorId: string },
    def: Pick<AttainmentItem, 'code' | 'name' | 'nameEn' | 'kind' | 'unit' | 'better' | 'planTarget'>,
    target: IndicatorValue,
    m: repo.MeasurementWithLab | undefined,
  ): AttainmentItem => {
    const judged = judgeItem(def, target, m ? { measured: m.m.measured, judgement: m.m.judgement } : null);
    return { ...key, ...def, target, measured: m?.m.measured ?? null, ...judged, measurement: m ? measurementView(m) : null };
  };
  const items = [
    ...rows.map((r) =>
      item({ indicatorId: r.indicatorId }, { code: r.code, name: r.name, nameEn: r.nameEn, kind: r.kind, unit: r.unit, better: r.better, planTarget: planTargetOf(r) }, r.target ?? null, byIndicator.get(r.indicatorId)),
    ),
    ...app.customIndicators.map((c, i) =>
      item({ customIndicatorId: c.id }, { code: `C${i + 1}`, name: c.name, nameEn: '', kind: c.kind, unit: c.unit, better: c.better, planTarget: null }, c.target, byCustom.get(c.id)),
    ),
  ];
  return { items, metShare: metShare(items), met: items.filter((i) => i.metTarget === true).length, judged: items.filter((i) => i.metTarget !== null).length };
}

/** The attainment of several applications, with two queries. */
export async function attainmentsOf(db: DbOrTx, apps: ApplicationRow[]): Promise<Map<string, Attainment>> {
  const ids = apps.map((a) => a.id);
  const [rows, measured] = await Promise.all([repo.indicatorRows(db, ids), repo.measurementRows(db, ids)]);
  return new Map(
    apps.map((a) => [
      a.id,
      attainmentOf(
        a,
        rows.filter((r) => r.applicationId === a.id),
        measured.filter((m) => m.m.applicationId === a.id),
      ),
    ]),
  );
}

export async function attainmentOfApplication(db: DbOrTx, app: ApplicationRow): Promise<Attainment> {
  return (await attainmentsOf(db, [app])).get(app.id)!;
}

/** Whether the program's evaluation phase (测评) is open now. */
export async function evaluationOpen(ctx: ServiceContext, db: DbOrTx, programId: string): Promise<boolean> {
  const phase = await phaseWindow(db, programId, 'evaluation');
  return !!phase && ctx.now >= phase.opensAt && ctx.now < phase.closesAt;
}

/** API.md `GET /api/applications/:id/attainment`: for its admins, its lab, its experts and its owner only. */
export async function getAttainment(ctx: ServiceContext, id: string): Promise<AttainmentResponse> {
  const { app, role } = await evaluatedApplication(ctx, ctx.db, id);
  const [attainment, lab, reports, org, open] = await Promise.all([
    attainmentOfApplication(ctx.db, app),
    repo.currentLab(ctx.db, app.id),
    repo.listLabReports(ctx.db, app.id),
    organizationOf(ctx.db, app.organizationId),
    evaluationOpen(ctx, ctx.db, app.programId),
  ]);
  return {
    applicationId: app.id,
    title: app.title,
    applicant: org?.name ?? '',
    subfieldId: app.subfieldId,
    status: app.status,
    lab: lab ? { id: lab.a.labId, name: lab.labName } : null,
    ...attainment,
    reports: reports.map(reportView),
    abilities: {
      measure: role === 'lab' && app.status === 'finalist_confirmed' && open,
      comment: role === 'owner' && open && attainment.items.some((i) => i.measurement !== null),
    },
  };
}

/** A finalist as its lab sees it (the list and the detail share it). */
export function labApplicationView(row: Awaited<ReturnType<typeof repo.labApplications>>[number], attainment: Attainment): LabApplication {
  const reference = attainment.items.filter((i) => i.indicatorId);
  const custom = attainment.items.filter((i) => i.customIndicatorId);
  return {
    id: row.app.id,
    programId: row.app.programId,
    subfieldId: row.app.subfieldId,
    subfield: `${row.subfieldCode} ${row.subfieldName}`,
    title: row.app.title,
    applicant: row.applicant,
    status: row.app.status,
    assignedAt: row.assignedAt.toISOString(),
    indicators: reference.map((i) => ({
      indicatorId: i.indicatorId!,
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      kind: i.kind,
      unit: i.unit,
      better: i.better,
      planTarget: i.planTarget,
      target: i.target,
      measured: i.measured,
    })),
    customIndicators: custom.map((i) => ({ id: i.customIndicatorId!, name: i.name, kind: i.kind, unit: i.unit, better: i.better, target: i.target, measured: i.measured })),
    measuredCount: attainment.items.filter((i) => i.measurement !== null).length,
    indicatorCount: attainment.items.length,
  };
}

/** The metShare of an application now (null while no committed target has been measured). */
export async function applicationMetShare(db: DbOrTx, app: ApplicationRow): Promise<number | null> {
  return (await attainmentOfApplication(db, app)).metShare;
}
