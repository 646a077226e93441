// The harness's scenario: two programs, applicant organizations in two provinces, two recommending units, experts,
// labs, admins of every kind, applications in several statuses with attachments, a notice with an objection in each
// program, and the attack period and final evaluation of confirmed finalists (scenario-evaluation.ts): made through
// the platform's own routes, with SQL only where a route needs a long history first.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CatalogueResponse } from '../../../shared/schemas/catalogue.js';
import { createTestApp, type TestApp } from '../app.js';
import { PASSWORD, as, createAccount, multipartFile, registerApplicant, signIn, signedInAs, type Session } from '../factories.js';
import { CALLERS, type Caller } from './callers.js';
import { buildEvaluation, type EvaluationIds } from './scenario-evaluation.js';
import { CANARY, DAY, ok, pdf } from './scenario-helpers.js';

export { CANARY, pdf };

export interface ScenarioIds extends EvaluationIds {
  p1: string;
  p2: string;
  /** Subfields (first direction of each program) and catalogue entries of each program. */
  s1: string;
  s1b: string;
  p2Subfield: string;
  p1Direction: string;
  p2Direction: string;
  p1Indicator: string;
  p2Indicator: string;
  orgA: string;
  orgB: string;
  orgC: string;
  unitA: string;
  unitB: string;
  /** appA (org A, P1, unit A): finalist with a notice; appC (org C, P1, unit A): eligible; appB (org B, P1, unit B):
   * submitted; draftA: org A's draft in P1; appP2 (org A, P2, unit A): finalist with a notice in P2. */
  appA: string;
  appB: string;
  appC: string;
  draftA: string;
  appP2: string;
  attachments: Record<'appA' | 'appB' | 'appC' | 'draftA' | 'appP2', string>;
  /** The expert's own (declared) assignment on appA, its undeclared one on appC, another expert's on appA, and one
   * in P2. */
  asgOwn: string;
  asgUndeclared: string;
  asgForeign: string;
  asgP2: string;
  expert: string;
  otherExpert: string;
  lab: string;
  /** Users for the account routes: a member of org A, the admin of org B, an account nobody signs in with. */
  memberA: string;
  adminB: string;
  victim: string;
  eventP1: string;
  eventP2: string;
  noticeP1: string;
  noticeP2: string;
  objectionP1: string;
  objectionP2: string;
}

export interface Scenario {
  t: TestApp;
  ids: ScenarioIds;
  sessions: Record<Caller, Session | null>;
  catalogue: { p1: CatalogueResponse; p2: CatalogueResponse };
  /** Every log line the app wrote. */
  logs: string[];
  /** A fresh session of the caller (for routes that end the session they are called with). */
  freshSession(caller: Caller): Promise<Session | null>;
  emails: Partial<Record<Caller, string>>;
  /** Unit B's recommender (not a caller of the matrix: unit A's plays the recommender there). */
  recommenderB: Session;
}

/** Builds the scenario in a fresh test app (with a logger whose lines are kept for the canary scan). */
export async function buildScenario(options: { beforeReady?: (app: FastifyInstance) => void } = {}): Promise<Scenario> {
  const logs: string[] = [];
  const t = await createTestApp({ logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } }, beforeReady: options.beforeReady });
  const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
  const db = t.database.db;
  const sessions = {} as Record<Caller, Session | null>;
  const emails: Partial<Record<Caller, string>> = {};
  const account = async (caller: Caller, roles: Parameters<typeof createAccount>[1], extra: Parameters<typeof createAccount>[2] = {}) => {
    const created = await createAccount(db, roles, extra);
    emails[caller] = created.email;
    sessions[caller] = await signIn(t.app, created.email);
    return created.id;
  };

  const p1Catalogue = await ok<CatalogueResponse>(t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' }), 'catalogue');
  const p1 = p1Catalogue.programId;
  const openPhases = async (programId: string) => {
    const now = Date.now();
    // Phases may overlap (API.md): the attack and evaluation phases are open too, so applicants and labs can act.
    const phases = [['application', -10, 10], ['recommendation', -1, 10], ['review', -1, 30], ['attack', -1, 30], ['evaluation', -1, 30]] as const;
    for (const [key, from, to] of phases) {
      await sql(
        `INSERT INTO program_phases (program_id, key, opens_at, closes_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (program_id, key) DO UPDATE SET opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at`,
        [programId, key, new Date(now + from * DAY), new Date(now + to * DAY)],
      );
    }
  };
  await openPhases(p1);

  // Admins: of all programs; of P1 only; the three separated duties.
  const adminAll = await signedInAs(t.app, db, ['program_admin']);
  sessions.program_admin_all = adminAll;
  emails.program_admin_all = adminAll.email;
  for (const [caller, role] of [['system_admin', 'system_admin'], ['security_admin', 'security_admin'], ['audit_admin', 'audit_admin']] as const) {
    await account(caller, [role]);
  }
  await account('program_admin', ['program_admin'], { programIds: [p1] });

  // P2: a program of its own with one direction, subfield and indicator.
  const code = `harness-${randomUUID().slice(0, 8)}`;
  const quotas = { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3, recommendationsPerDirection: null };
  const p2 = (await ok<{ id: string }>(as(t.app, adminAll, { method: 'POST', url: '/api/admin/programs', payload: { code, title: '第二个揭榜项目', quotas } }), 'create P2')).id;
  const p2Direction = (await ok<{ id: string }>(as(t.app, adminAll, { method: 'POST', url: `/api/admin/programs/${p2}/directions`, payload: { code: 'X01', name: '测试方向', nameEn: 'Test direction', group: '核心基础' } }), 'P2 direction')).id;
  const p2Subfield = (await ok<{ id: string }>(as(t.app, adminAll, { method: 'POST', url: `/api/admin/directions/${p2Direction}/subfields`, payload: { code: 'X01-01', name: '测试领域', nameEn: 'Test subfield' } }), 'P2 subfield')).id;
  const p2Indicator = (await ok<{ id: string }>(
    as(t.app, adminAll, { method: 'POST', url: `/api/admin/subfields/${p2Subfield}/indicators`, payload: { code: 'X01-01-01', name: '准确率', nameEn: 'Accuracy', kind: 'number', unit: '%', better: 'higher' } }),
    'P2 indicator',
  )).id;
  // P2's second subfield, for a confirmed finalist of org A (which already applied in the first).
  const p2Subfield2 = (await ok<{ id: string }>(as(t.app, adminAll, { method: 'POST', url: `/api/admin/directions/${p2Direction}/subfields`, payload: { code: 'X01-02', name: '第二测试领域', nameEn: 'Second test subfield' } }), 'P2 subfield 2')).id;
  await ok(
    as(t.app, adminAll, { method: 'POST', url: `/api/admin/subfields/${p2Subfield2}/indicators`, payload: { code: 'X01-02-01', name: '召回率', nameEn: 'Recall', kind: 'number', unit: '%', better: 'higher' } }),
    'P2 subfield 2 indicator',
  );
  await openPhases(p2);
  const p2Catalogue = await ok<CatalogueResponse>(t.app.inject({ method: 'GET', url: `/api/programs/${p2}/catalogue` }), 'P2 catalogue');

  // Applicant organizations: A and C in Guangdong, B in Beijing; org A also has a plain member.
  const orgAdminA = await registerApplicant(t.app, { regionCode: '440000' });
  sessions.org_admin = orgAdminA;
  emails.org_admin = orgAdminA.email;
  const orgAdminB = await registerApplicant(t.app, { regionCode: '110000' });
  const orgAdminC = await registerApplicant(t.app, { regionCode: '440000' });
  const memberA = await account('applicant', ['applicant'], { organizationId: orgAdminA.organizationId });

  const unit = async (region: string) => (await sql(`SELECT id FROM recommenders WHERE kind = 'province' AND region_code = $1 AND city_code IS NULL`, [region])).rows[0].id as string;
  const unitA = await unit('440000');
  const unitB = await unit('110000');
  await account('recommender', ['recommender'], { recommenderId: unitA });
  const recommenderB = await signedInAs(t.app, db, ['recommender'], { recommenderId: unitB });

  const s1Entry = p1Catalogue.directions[0]!.subfields[0]!;
  const s1b = p1Catalogue.directions[0]!.subfields[1]!.id;
  let canary = 0;
  const application = async (owner: Session, programId: string, subfield: typeof s1Entry, unitId: string, submit: boolean) => {
    const id = (await ok<{ id: string }>(as(t.app, owner, { method: 'POST', url: '/api/applications', payload: { programId, subfieldId: subfield.id } }), 'create application')).id;
    const current = await ok<{ version: number; sections: Record<string, string> }>(as(t.app, owner, { method: 'GET', url: `/api/applications/${id}` }), 'read application');
    const value = (kind: string) => (kind === 'number' ? 50 : kind === 'boolean' ? true : '达到');
    // The draft stays incomplete (no title), so no call of the matrix can submit it.
    const person = { name: '王小明', title: '总工程师', phone: CANARY.phones[canary]!, email: CANARY.emails[canary]! };
    canary += 1;
    await ok(
      as(t.app, owner, {
        method: 'PATCH',
        url: `/api/applications/${id}`,
        payload: {
          version: current.version,
          title: submit ? `揭榜项目 ${canary}` : '',
          responsiblePerson: person,
          recommenderId: unitId,
          sections: Object.fromEntries(Object.keys(current.sections).map((k) => [k, `${k} 的内容`])),
          indicators: subfield.indicators.map((i) => ({ indicatorId: i.id, current: value(i.kind), target: value(i.kind) })),
        },
      }),
      'fill application',
    );
    const file = multipartFile(`材料${canary}.pdf`, pdf(), 'application/pdf');
    const attachment = (await ok<{ id: string }>(as(t.app, owner, { method: 'POST', url: `/api/applications/${id}/attachments`, ...file }), 'attachment')).id;
    if (submit) await ok(as(t.app, owner, { method: 'POST', url: `/api/applications/${id}/submit`, payload: {}, headers: { 'idempotency-key': `scenario-${randomUUID()}` } }), 'submit');
    return { id, attachment };
  };
  const appA = await application(orgAdminA, p1, s1Entry, unitA, true);
  const appC = await application(orgAdminC, p1, s1Entry, unitA, true);
  const appB = await application(orgAdminB, p1, s1Entry, unitB, true);
  const draftA = await application(orgAdminA, p1, p1Catalogue.directions[0]!.subfields[1]!, unitA, false);
  const appP2 = await application(orgAdminA, p2, p2Catalogue.directions[0]!.subfields[0]!, unitA, true);
  // The finalists confirmed for the attack period and final evaluation: org A's and org C's in a third subfield of
  // P1, org A's in P2's second subfield.
  const s1xEntry = p1Catalogue.directions[0]!.subfields[2]!;
  const finalistA = await application(orgAdminA, p1, s1xEntry, unitA, true);
  const finalistC = await application(orgAdminC, p1, s1xEntry, unitA, true);
  const finalistP2 = await application(orgAdminA, p2, p2Catalogue.directions[0]!.subfields[1]!, unitA, true);
  const recommended = [appA.id, appC.id, appP2.id, finalistA.id, finalistC.id, finalistP2.id];

  // Unit A recommends them and submits its batches; the ministry finds them eligible.
  for (const id of recommended) {
    await ok(as(t.app, sessions.recommender, { method: 'POST', url: `/api/applications/${id}/recommendation`, payload: { decision: 'recommend', comment: '推荐' } }), 'recommend');
  }
  for (const programId of [p1, p2]) {
    await ok(as(t.app, sessions.recommender, { method: 'POST', url: `/api/recommenders/${unitA}/batches`, payload: { programId } }), 'batch');
  }
  for (const id of recommended) {
    await ok(as(t.app, adminAll, { method: 'POST', url: `/api/applications/${id}/eligibility`, payload: { eligible: true } }), 'formal check');
  }

  // Experts (by the program admin of all programs) and a lab.
  const expert = async (name: string) => {
    const email = `expert.${randomUUID().slice(0, 8)}@example.edu.cn`;
    const body = { name, email, password: PASSWORD, organization: { name: `${name}所在研究院` }, regionCode: '310000', subfieldIds: [s1Entry.id], keywords: ['芯片'] };
    return { id: (await ok<{ id: string }>(as(t.app, adminAll, { method: 'POST', url: '/api/admin/experts', payload: body }), 'expert')).id, email };
  };
  const e1 = await expert('专家甲');
  const e2 = await expert('专家乙');
  sessions.expert = await signIn(t.app, e1.email);
  emails.expert = e1.email;
  const lab = await account('lab', ['lab']);
  const victim = (await createAccount(db, ['lab'])).id;

  // Released assignments (as the assignment run leaves them): declared and undeclared, another expert's, and in P2.
  const assign = async (programId: string, app: string, expertId: string, declared: boolean, round = 'online') =>
    (await sql(
      `INSERT INTO review_assignments (program_id, round, application_id, expert_id, status, affinity, released_at, no_conflict_at)
       VALUES ($1, $5, $2, $3, 'released', 500, now(), CASE WHEN $4::boolean THEN now() END) RETURNING id`,
      [programId, app, expertId, declared, round],
    )).rows[0].id as string;
  const asgOwn = await assign(p1, appA.id, e1.id, true);
  const asgUndeclared = await assign(p1, appC.id, e1.id, false);
  const asgForeign = await assign(p1, appA.id, e2.id, true);
  const asgP2 = await assign(p2, appP2.id, e2.id, true);
  // The expert is one of finalistA's final evaluators (declared), and of finalistC's before declaring.
  await assign(p1, finalistA.id, e1.id, true, 'final');
  await assign(p1, finalistC.id, e1.id, false, 'final');
  const event = async (programId: string, app: string) =>
    (await sql(
      `INSERT INTO review_events (program_id, round, application_id, kind, scheduled_at, place, members, created_by)
       VALUES ($1, 'defence', $2, 'defence', now() + interval '3 days', '第一会议室', ARRAY['专家甲'], $3) RETURNING id`,
      [programId, app, adminAll.userId],
    )).rows[0].id as string;

  const evaluation = await buildEvaluation({
    t,
    admin: adminAll,
    lab: sessions.lab!,
    labId: lab,
    orgA: orgAdminA,
    orgC: orgAdminC,
    p1,
    p2,
    catalogue: { p1: p1Catalogue, p2: p2Catalogue },
    s1x: s1xEntry.id,
    p2Subfield2,
    finalistA: finalistA.id,
    finalistC: finalistC.id,
    finalistP2: finalistP2.id,
  });

  // Finalists, their notices (test mode: short) and a real-name objection in each program.
  const notice = async (programId: string, subfieldId: string, app: string, contact: string) => {
    await ok(as(t.app, adminAll, { method: 'POST', url: `/api/admin/programs/${programId}/selections`, payload: { subfieldId, stage: 'finalist', applicationIds: [app], justification: '综合评审' } }), 'select');
    const id = (await ok<{ id: string }>(as(t.app, adminAll, { method: 'POST', url: `/api/admin/programs/${programId}/notices`, payload: { stage: 'finalist', closesAt: new Date(Date.now() + 10 * DAY).toISOString() } }), 'notice')).id;
    const objection = (await ok<{ id: string }>(
      t.app.inject({ method: 'POST', url: `/api/notices/${id}/objections`, payload: { applicationId: app, name: '赵异议', contact, reason: '申报材料中的指标数据与公开测试报告不一致，存疑' } }),
      'objection',
    )).id;
    return { id, objection };
  };
  const n1 = await notice(p1, s1Entry.id, appA.id, CANARY.phones[8]!);
  const n2 = await notice(p2, p2Subfield, appP2.id, CANARY.emails[8]!);
  sessions.anonymous = null;
  for (const caller of CALLERS) if (!(caller in sessions)) throw new Error(`scenario has no session for ${caller}`);

  const ids: ScenarioIds = {
    ...evaluation,
    p1,
    p2,
    s1: s1Entry.id,
    s1b,
    p2Subfield,
    p1Direction: p1Catalogue.directions[0]!.id,
    p2Direction,
    p1Indicator: s1Entry.indicators[0]!.id,
    p2Indicator,
    orgA: orgAdminA.organizationId,
    orgB: orgAdminB.organizationId,
    orgC: orgAdminC.organizationId,
    unitA,
    unitB,
    appA: appA.id,
    appB: appB.id,
    appC: appC.id,
    draftA: draftA.id,
    appP2: appP2.id,
    attachments: { appA: appA.attachment, appB: appB.attachment, appC: appC.attachment, draftA: draftA.attachment, appP2: appP2.attachment },
    asgOwn,
    asgUndeclared,
    asgForeign,
    asgP2,
    expert: e1.id,
    otherExpert: e2.id,
    lab,
    memberA,
    adminB: orgAdminB.userId,
    victim,
    eventP1: await event(p1, appA.id),
    eventP2: await event(p2, appP2.id),
    noticeP1: n1.id,
    noticeP2: n2.id,
    objectionP1: n1.objection,
    objectionP2: n2.objection,
  };
  const freshSession = async (caller: Caller) => {
    if (caller === 'anonymous') return null;
    return signIn(t.app, emails[caller]!);
  };
  return { t, ids, sessions, catalogue: { p1: p1Catalogue, p2: p2Catalogue }, logs, freshSession, emails, recommenderB };
}
