// The harness scenario's attack period and final evaluation (API.md "Attack period and final evaluation", decision
// 012): confirmed finalists in both programs, test labs assigned to them, test reports and measurements, due dates
// with progress reports in the states the probes need, and a published winner. Through the routes; SQL only to let a
// notice run its working days.
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import type { TestApp } from '../app.js';
import { as, createAccount, multipartFile, signIn, type Session } from '../factories.js';
import { CANARY, DAY, ok, pdf } from './scenario-helpers.js';

export interface EvaluationIds {
  /** P1's subfield of finalistA (org A, measured by the scenario's lab) and finalistC (org C, measured by another lab,
   * then published as the subfield's winner); P2's second subfield, of finalistP2 (org A, measured by the lab). */
  s1x: string;
  p2Subfield2: string;
  finalistA: string;
  finalistC: string;
  finalistP2: string;
  otherLab: string;
  labReportA: string;
  labReportC: string;
  labReportP2: string;
  measurementA: string;
  measurementC: string;
  measurementP2: string;
  /** Due dates: milestoneP1 and milestoneP2 have reports (A's and P2's accepted, C's sent back for more);
   * nobody has reported on milestoneP1Open yet. */
  milestoneP1: string;
  milestoneP1Open: string;
  milestoneP2: string;
  progressA: string;
  progressC: string;
  progressP2: string;
  progressFileA: string;
  progressFileC: string;
  progressFileP2: string;
}

export interface EvaluationInput {
  t: TestApp;
  /** The program admin of all programs, the scenario's lab, and the admins of org A and org C. */
  admin: Session;
  lab: Session;
  labId: string;
  orgA: Session;
  orgC: Session;
  p1: string;
  p2: string;
  catalogue: { p1: CatalogueResponse; p2: CatalogueResponse };
  s1x: string;
  p2Subfield2: string;
  finalistA: string;
  finalistC: string;
  finalistP2: string;
}

type Indicator = CatalogueResponse['directions'][number]['subfields'][number]['indicators'][number];

function indicatorsOf(catalogue: CatalogueResponse, subfieldId: string): Indicator[] {
  for (const d of catalogue.directions) for (const s of d.subfields) if (s.id === subfieldId) return s.indicators;
  throw new Error(`scenario: no subfield ${subfieldId}`);
}

/** Yesterday in Beijing: a test date that is never in the future. */
const testedAt = () => new Date(Date.now() + 8 * 3_600_000 - DAY).toISOString().slice(0, 10);

export async function buildEvaluation(input: EvaluationInput): Promise<EvaluationIds> {
  const { t, admin, lab, p1, p2 } = input;
  const sql = (text: string, values: unknown[]) => t.database.pool.query(text, values);
  const send = <T = Record<string, unknown>>(session: Session, method: 'POST' | 'PUT', url: string, payload: unknown, label: string) =>
    ok<T>(as(t.app, session, { method, url, payload: payload as Record<string, unknown> }), label);
  const upload = (session: Session, url: string, name: string, label: string) =>
    ok<{ id: string }>(as(t.app, session, { method: 'POST', url, ...multipartFile(name, pdf(), 'application/pdf') }), label);

  // A stage's selection, noticed, its notice's working days run (SQL), then published: the applications are confirmed.
  const confirm = async (programId: string, subfieldId: string, applicationIds: string[], stage: 'finalist' | 'winner') => {
    await send(admin, 'POST', `/api/admin/programs/${programId}/selections`, { subfieldId, stage, applicationIds, justification: '综合评审' }, `select ${stage}s`);
    const notice = await send<{ id: string }>(admin, 'POST', `/api/admin/programs/${programId}/notices`, { stage, closesAt: new Date(Date.now() + 10 * DAY).toISOString() }, `${stage} notice`);
    await sql(`UPDATE notices SET opens_at = now() - interval '10 days', closes_at = now() - interval '1 day' WHERE id = $1`, [notice.id]);
    await sql(`UPDATE program_phases SET opens_at = now() - interval '10 days', closes_at = now() - interval '1 day' WHERE program_id = $1 AND key = $2`, [
      programId,
      `${stage}_notice`,
    ]);
    await send(admin, 'POST', `/api/admin/programs/${programId}/publish`, { stage }, `publish ${stage}s`);
  };
  await confirm(p1, input.s1x, [input.finalistA, input.finalistC], 'finalist');
  await confirm(p2, input.p2Subfield2, [input.finalistP2], 'finalist');

  // Labs: the scenario's measures finalistA and finalistP2, another lab finalistC.
  const other = await createAccount(t.database.db, ['lab']);
  const otherLab = await signIn(t.app, other.email);
  for (const [programId, applicationId, labUserId] of [[p1, input.finalistA, input.labId], [p1, input.finalistC, other.id], [p2, input.finalistP2, input.labId]] as const) {
    await send(admin, 'POST', `/api/admin/programs/${programId}/lab-assignments`, { applicationId, labUserId }, 'assign a lab');
  }
  const labReportA = (await upload(lab, `/api/applications/${input.finalistA}/lab-reports`, '测试报告.pdf', 'lab report')).id;
  const labReportC = (await upload(otherLab, `/api/applications/${input.finalistC}/lab-reports`, '测试报告.pdf', 'lab report')).id;
  const labReportP2 = (await upload(lab, `/api/applications/${input.finalistP2}/lab-reports`, '测试报告.pdf', 'lab report')).id;

  // Every declared indicator measured; the other lab names a contact in its method, which no public page may show.
  const measure = async (session: Session, applicationId: string, subfieldId: string, catalogue: CatalogueResponse, reportId: string, method: string) => {
    const items = indicatorsOf(catalogue, subfieldId).map((i) => ({
      indicatorId: i.id,
      measured: i.kind === 'number' ? 60 : i.kind === 'boolean' ? true : '达到',
      method,
      testedAt: testedAt(),
      reportId,
      ...(i.kind === 'text' ? { judgement: 'met', reason: '现场测试达到承诺等级' } : {}),
    }));
    const res = await send<{ items: Array<{ measurement: { id: string } | null }> }>(session, 'PUT', `/api/applications/${applicationId}/measurements`, { items }, 'measurements');
    return res.items[0]!.measurement!.id;
  };
  const measurementA = await measure(lab, input.finalistA, input.s1x, input.catalogue.p1, labReportA, '依据 GB/T 5271 测试规程');
  const measurementC = await measure(otherLab, input.finalistC, input.s1x, input.catalogue.p1, labReportC, `依据企业标准测试，联系人 ${CANARY.emails[9]}`);
  const measurementP2 = await measure(lab, input.finalistP2, input.p2Subfield2, input.catalogue.p2, labReportP2, '依据 GB/T 5271 测试规程');
  await send(input.orgC, 'PUT', `/api/applications/${input.finalistC}/measurements/${measurementC}/comment`, { comment: `测试条件与约定不符，请联系 ${CANARY.phones[9]}` }, 'comment');

  // Due dates, and progress reports: accepted (A, P2) and sent back for more (C), each with a file.
  const milestone = async (programId: string, title: string, days: number) =>
    (await send<{ id: string }>(admin, 'POST', `/api/admin/programs/${programId}/progress-milestones`, { title, description: '按任务书报告攻关进展', dueAt: new Date(Date.now() + days * DAY).toISOString() }, 'milestone')).id;
  const milestoneP1 = await milestone(p1, '中期进展报告', 5);
  const milestoneP1Open = await milestone(p1, '年度进展报告', 20);
  const milestoneP2 = await milestone(p2, '中期进展报告', 10);
  const report = async (owner: Session, applicationId: string, milestoneId: string, decision: 'accept' | 'request_more') => {
    const base = `/api/applications/${applicationId}/progress-reports/${milestoneId}`;
    const saved = await send<{ id: string }>(owner, 'PUT', base, { content: `已完成样机测试，联系人电话 ${CANARY.phones[10]}` }, 'progress report');
    const file = (await upload(owner, `${base}/files`, '进展材料.pdf', 'progress file')).id;
    await send(owner, 'POST', `${base}/submit`, undefined, 'submit progress');
    const comment = decision === 'accept' ? '进展符合任务书要求' : `请补充测试数据，可发至 ${CANARY.emails[10]}`;
    await send(admin, 'POST', `/api/admin/progress-reports/${saved.id}/review`, { decision, comment }, 'review progress');
    return { id: saved.id, file };
  };
  const progressA = await report(input.orgA, input.finalistA, milestoneP1, 'accept');
  const progressC = await report(input.orgC, input.finalistC, milestoneP1, 'request_more');
  const progressP2 = await report(input.orgA, input.finalistP2, milestoneP2, 'accept');

  // finalistC is the subfield's published winner, so the public winner page has measured results to show.
  await confirm(p1, input.s1x, [input.finalistC], 'winner');

  return {
    s1x: input.s1x,
    p2Subfield2: input.p2Subfield2,
    finalistA: input.finalistA,
    finalistC: input.finalistC,
    finalistP2: input.finalistP2,
    otherLab: other.id,
    labReportA,
    labReportC,
    labReportP2,
    measurementA,
    measurementC,
    measurementP2,
    milestoneP1,
    milestoneP1Open,
    milestoneP2,
    progressA: progressA.id,
    progressC: progressC.id,
    progressP2: progressP2.id,
    progressFileA: progressA.file,
    progressFileC: progressC.file,
    progressFileP2: progressP2.file,
  };
}
