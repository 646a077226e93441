// Builds the demo through the platform's own services, as its people would have acted, each step at the moment it
// would have happened (the service context's clock), in time order: so every rule is checked as in real use, the
// audit chain verifies and check-invariants passes. Kept apart from the product's code: nothing else imports it.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { applications, measurements, recommenders, users } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import type { ServiceContext } from '../http/request-context.js';
import type { JobQueue } from '../jobs/queue.js';
import type { FileStore } from '../storage/file-store.js';
import { Readable } from 'node:stream';
import type { AuditConfig } from '../modules/audit/audit.service.js';
import { createAdmin, createUser, register } from '../modules/accounts/accounts.service.js';
import { actorFromUser } from '../modules/accounts/sessions.js';
import { createExpert } from '../modules/accounts/experts.service.js';
import { createRecommender } from '../modules/accounts/recommenders.service.js';
import { createApplication, patchApplication } from '../modules/applications/applications.service.js';
import { submitApplication } from '../modules/applications/submission.service.js';
import { autoAssign, myAssignments, releaseRound } from '../modules/assignment/assignment.service.js';
import { getCatalogue, setPhase } from '../modules/programs/catalogue.service.js';
import { beijingTime } from '../modules/programs/builtin-program.js';
import { importProgram } from '../modules/programs/program-document.service.js';
import { decide, formalCheck, submitBatch } from '../modules/recommendations/recommendations.service.js';
import { putReview, ranking } from '../modules/reviews/reviews.service.js';
import { addSelections, fileObjection, openNotice, publicNotices, publish, resolveObjection } from '../modules/selection/selection.service.js';
import { programDocument } from '../../shared/schemas/program-document.js';
import type { MeasurementInput } from '../../shared/schemas/evaluation.js';
import { assignLabToSubfield, myLabApplication, myLabApplications } from '../modules/evaluation/lab-assignments.service.js';
import { addLabReport, saveMeasurements } from '../modules/evaluation/measurements.service.js';
import { createMilestone } from '../modules/evaluation/progress-milestones.service.js';
import { acceptProgressReport, addProgressFile, requestMoreProgress, saveProgressReport, submitProgressReport } from '../modules/evaluation/progress-reports.service.js';
import { demoPdf } from './demo-pdf.js';
import type { CatalogueResponse } from '../../shared/schemas/catalogue.js';
import { daysFrom, demoProgram } from './demo-programs.js';
import { DEMO_ACCOUNTS, DEMO_EXPERTS, DEMO_LABS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_UNITS, demoUscc, expertEmail, orgEmail } from './demo-people.js';

export interface DemoDeps {
  db: Db;
  auditConfig: AuditConfig;
  jobs: JobQueue;
  /** Where the demo's test reports and progress files are kept. */
  files: FileStore;
  log(line: string): void;
}

type Subfield = CatalogueResponse['directions'][number]['subfields'][number];
interface Org {
  index: number;
  id: string;
  userId: string;
  regionCode: string;
}
interface Made {
  id: string;
  org: Org;
  subfield: Subfield;
  /** 0–1: how strong the application is (drives targets and the experts' scores). */
  quality: number;
  submitted: boolean;
  confirmed?: boolean;
  reportId?: string;
}
interface Step {
  at: Date;
  order: number;
  run(): Promise<void>;
}

/** The texts of an application, written for its subfield (every section the program requires). */
function sections(subfield: Subfield, org: string) {
  return {
    basis: `${org}在${subfield.name}方向已有多年研发积累，拥有自主知识产权的核心技术和已落地的工程样机，相关产品已在多家用户单位试用。`,
    route: `面向${subfield.name}的关键技术瓶颈，采用软硬件协同设计路线：算法模型轻量化、专用加速架构和系统级验证三条主线并行推进，形成可量产的整体方案。`,
    milestones: '第一年完成关键技术攻关和原型验证；第二年完成工程化与可靠性测试；攻关期末全部指标达到承诺目标并形成示范应用。',
    team: '项目负责人具有二十年以上相关领域研发经验，核心团队四十余人，其中高级职称十二人，设有独立的质量和测试部门。',
    funding: '总投入一亿二千万元，其中自筹八千万元，已落实研发场地和测试设备，资金按年度计划足额到位。',
    application: '成果将首先在合作用户的产线和场景中示范应用，并通过产业链上下游合作伙伴推广。',
  };
}

/** A committed target for an indicator: around the plan target, better for a stronger application. */
function target(indicator: Subfield['indicators'][number], quality: number): number | boolean | string {
  if (indicator.kind === 'boolean') return quality > 0.3;
  if (indicator.kind === 'text') return quality > 0.6 ? '达到国际先进水平' : '达到国内领先水平';
  const plan = indicator.planTarget?.value ?? 100;
  const factor = 0.85 + quality * 0.3;
  // A percentage to raise closes the gap to 100 % instead of passing it.
  const value = indicator.better === 'lower' ? plan / factor : indicator.unit === '%' ? 100 - (100 - plan) / factor : plan * factor;
  return Math.round(value * 100) / 100;
}
function current(indicator: Subfield['indicators'][number], quality: number): number | boolean | string {
  if (indicator.kind === 'boolean') return false;
  if (indicator.kind === 'text') return '达到国内先进水平';
  const t = target(indicator, quality) as number;
  return Math.round((indicator.better === 'lower' ? t * 1.6 : indicator.unit === '%' ? t - (100 - t) : t * 0.6) * 100) / 100;
}

export class DemoBuilder {
  private steps: Step[] = [];
  private order = 0;
  readonly orgs: Org[] = [];
  readonly experts: string[] = [];
  readonly labs: string[] = [];
  readonly units = new Map<string, { id: string; userId: string | null }>();
  ministry!: typeof users.$inferSelect;

  constructor(
    readonly deps: DemoDeps,
    readonly now: Date,
  ) {}

  /** A service context acting as this user (or as the platform, or a visitor, when null) at that moment. */
  async as(userId: string | null, at: Date): Promise<ServiceContext> {
    const user = userId ? await this.user(userId) : null;
    return { db: this.deps.db, actor: user ? actorFromUser(user) : null, now: at, lang: 'zh', requestId: 'demo', ip: null, userAgent: null, auditConfig: this.deps.auditConfig };
  }

  /** The demo's accounts keep their roles while it is built: each is read once. */
  private readonly userRows = new Map<string, typeof users.$inferSelect>();
  private async user(id: string) {
    if (!this.userRows.has(id)) this.userRows.set(id, (await this.deps.db.select().from(users).where(eq(users.id, id)))[0]!);
    return this.userRows.get(id)!;
  }

  at(days: number, hours: number, run: () => Promise<void>): void {
    this.steps.push({ at: daysFrom(this.now, days, hours), order: this.order++, run });
  }

  async run(): Promise<void> {
    const steps = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    this.steps = [];
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        // Name the step and the service's own answer: a demo that cannot be built is a bug to find quickly.
        const detail = error instanceof AppError ? `${error.code} ${error.localized.en} ${JSON.stringify(error.localizedDetails('en') ?? [])}` : String(error);
        throw new Error(`demo step ${step.order} at ${step.at.toISOString()} failed: ${detail}`, { cause: error });
      }
    }
  }

  /** Accounts, organizations, recommending units, experts and labs, before any program's first phase. */
  async people(): Promise<void> {
    const start = daysFrom(this.now, -520);
    const sys = await this.as(null, start);
    const adminSpec = DEMO_ACCOUNTS.find((a) => a.role === 'system_admin')!;
    const { id: adminId } = await createAdmin(sys, { email: adminSpec.email, name: adminSpec.name, password: DEMO_PASSWORD });
    const asAdmin = await this.as(adminId, start);
    for (const spec of DEMO_ACCOUNTS.filter((a) => ['program_admin', 'security_admin', 'audit_admin'].includes(a.role))) {
      const { id } = await createUser(asAdmin, { role: spec.role as 'program_admin', name: spec.name, email: spec.email, password: DEMO_PASSWORD });
      if (spec.role === 'program_admin') this.ministry = await this.user(id);
    }
    for (const [i, unit] of DEMO_UNITS.entries()) {
      const uscc = unit.kind === 'central_enterprise' ? demoUscc(900 + i, '110000', 'enterprise') : undefined;
      const { id } = await createRecommender(asAdmin, { name: unit.name, kind: unit.kind, ...(unit.regionCode ? { regionCode: unit.regionCode } : {}), ...(uscc ? { uscc } : {}) });
      this.units.set(unit.key, { id, userId: null });
    }
    // Accounts for the provincial units the demo's applicants choose, and for the associations.
    const provinces = await this.deps.db.select().from(recommenders).where(eq(recommenders.kind, 'province'));
    for (const code of ['440000', '110000', '310000', '320000', '330000', '510000', '420000']) {
      const unit = provinces.find((p) => p.regionCode === code && p.cityCode === null)!;
      this.units.set(code, { id: unit.id, userId: null });
    }
    for (const [key, unit] of this.units) {
      const email = key === '440000' ? 'guangdong@demo.jiebang.cn' : `unit-${key}@demo.jiebang.cn`;
      const { id } = await createUser(asAdmin, { role: 'recommender', name: `${key === '440000' ? '广东' : ''}推荐工作人员（演示）`, email, password: DEMO_PASSWORD, recommenderId: unit.id });
      unit.userId = id;
    }
    for (const lab of DEMO_LABS) this.labs.push((await createUser(asAdmin, { role: 'lab', name: lab.name, email: lab.email, password: DEMO_PASSWORD })).id);

    // Applicant organizations register themselves (a minute apart: registration is rate limited per address).
    const groupUscc = (key: 'cetc' | 'casic') => demoUscc(900 + DEMO_UNITS.findIndex((u) => u.key === key), '110000', 'enterprise');
    for (const [i, o] of DEMO_ORGANIZATIONS.entries()) {
      const ctx = await this.as(null, new Date(start.getTime() + (i + 1) * 70_000));
      const result = await register(ctx, {
        organization: { name: o.name, uscc: demoUscc(i, o.regionCode, o.kind), kind: o.kind, regionCode: o.regionCode, ...(o.group ? { parentUscc: groupUscc(o.group) } : {}) },
        user: { name: o.person, email: orgEmail(i), phone: `0755-8${String(6000000 + i * 137).slice(0, 7)}`, password: DEMO_PASSWORD },
      });
      this.orgs.push({ index: i, id: result.organization.id, userId: result.user.id, regionCode: o.regionCode });
    }
  }

  /** The demo programs, imported by the ministry, and the expert pool with their subfields in every program. */
  async programs(): Promise<void> {
    const at = daysFrom(this.now, -515);
    const ctx = await this.as(this.ministry.id, at);
    for (const kind of ['review', 'done'] as const) await importProgram(ctx, programDocument.parse(demoProgram(kind, this.now)));
    const subfieldIds = new Map<string, string>();
    for (const code of ['ai-2018', 'demo-2025', 'demo-2024']) {
      for (const s of (await getCatalogue(ctx, code)).body.directions.flatMap((d) => d.subfields)) subfieldIds.set(s.code, s.id);
    }
    for (const [i, e] of DEMO_EXPERTS.entries()) {
      const { id } = await createExpert(ctx, {
        name: e.name,
        email: expertEmail(i),
        password: DEMO_PASSWORD,
        organization: { name: e.organization },
        regionCode: e.regionCode,
        subfieldIds: e.subfields.map((c) => subfieldIds.get(c)).filter((x): x is string => Boolean(x)),
        keywords: e.keywords,
      });
      this.experts.push(id);
    }
  }

  /** The recommending unit an organization chooses: its province's when the demo has an account for it, else an
   * industry association (anyone may choose one). */
  unitFor(org: Org): string {
    const group = DEMO_ORGANIZATIONS[org.index]!.group;
    if (group) return this.units.get(group)!.id;
    return (this.units.get(org.regionCode) ?? this.units.get(org.index % 2 === 0 ? 'aiia' : 'robot')!).id;
  }
  unitUser(unitId: string): string {
    return [...this.units.values()].find((u) => u.id === unitId)!.userId!;
  }

  /** An organization fills its application at `days`; submits it `submitAfter` days later unless that is null. */
  apply(program: string, org: Org, subfield: Subfield, quality: number, days: number, submitAfter: number | null, made: Made[]): void {
    const holder: Made = { id: '', org, subfield, quality, submitted: false };
    made.push(holder);
    this.at(days, 1, async () => {
      const ctx = await this.as(org.userId, daysFrom(this.now, days, 1));
      const programRow = (await getCatalogue(ctx, program)).body;
      const created = await createApplication(ctx, { programId: programRow.programId, subfieldId: subfield.id });
      holder.id = created.id;
      const name = DEMO_ORGANIZATIONS[org.index]!;
      await patchApplication(ctx, created.id, {
        version: created.version,
        title: `${subfield.name}关键技术攻关与产业化`,
        responsibleUnit: name.name,
        responsiblePerson: { name: name.person, title: '研发总监', phone: '0755-86660000', email: orgEmail(org.index) },
        recommenderId: this.unitFor(org),
        sections: sections(subfield, name.name),
        indicators: subfield.indicators.map((i) => ({ indicatorId: i.id, current: current(i, quality), target: target(i, quality), note: '' })),
      });
    });
    if (submitAfter === null) return;
    this.at(days + submitAfter, 2, async () => {
      await submitApplication(await this.as(org.userId, daysFrom(this.now, days + submitAfter, 2)), holder.id, { idempotencyKey: `demo-${holder.id}`, body: {} });
      holder.submitted = true;
    });
  }

  /** Each unit decides on its applications (returning or declining those given), then submits its batch. */
  recommend(program: string, made: Made[], days: number, options: { returned?: Made[]; declined?: Made[]; undecided?: string[]; batch?: boolean }): void {
    this.at(days, 3, async () => {
      const byUnit = new Map<string, Made[]>();
      for (const m of made.filter((x) => x.submitted)) byUnit.set(this.unitFor(m.org), [...(byUnit.get(this.unitFor(m.org)) ?? []), m]);
      for (const [unitId, own] of byUnit) {
        if (options.undecided?.includes(unitId)) continue;
        const ctx = await this.as(this.unitUser(unitId), daysFrom(this.now, days, 3));
        const ranked = [...own].sort((a, b) => b.quality - a.quality);
        const rankInDirection = new Map<string, number>();
        for (const m of ranked) {
          if (options.returned?.includes(m)) {
            await decide(ctx, m.id, { decision: 'return', comment: '请补充核心指标的测试依据和第三方检测报告后重新提交。' });
          } else if (options.declined?.includes(m)) {
            await decide(ctx, m.id, { decision: 'decline', comment: '技术基础与申报方向匹配度不高，本次不予推荐。' });
          } else {
            const direction = m.subfield.code.split('-').slice(0, 2).join('-');
            const rank = (rankInDirection.get(direction) ?? 0) + 1;
            rankInDirection.set(direction, rank);
            await decide(ctx, m.id, { decision: 'recommend', comment: '技术基础扎实，攻关目标明确，同意推荐。', rank });
          }
        }
        if (options.batch !== false && !own.some((m) => options.returned?.includes(m))) await submitBatch(ctx, unitId, program);
      }
    });
  }

  /** The ministry's formal check: eligible, except those given (with the reason the applicant sees). */
  check(made: Made[], days: number, ineligible: Made[] = [], skip: Made[] = []): void {
    this.at(days, 4, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, days, 4));
      for (const m of made.filter((x) => !skip.includes(x))) {
        await formalCheck(ctx, m.id, ineligible.includes(m) ? { eligible: false, reason: '营业执照经营范围与申报方向不符。' } : { eligible: true });
      }
    });
  }

  /** The online review: the optimal assignment, released; each expert scores as the application's quality says. */
  review(program: string, made: Made[], days: number, options: { leave?: string[] } = {}): void {
    this.at(days, 5, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, days, 5));
      await autoAssign(ctx, program, { round: 'online', reviewersPerApplication: 3, maxPerExpert: 12 });
      await releaseRound(ctx, program, { round: 'online' });
    });
    this.at(days + 5, 6, async () => {
      const quality = new Map(made.map((m) => [m.id, m.quality]));
      for (const [e, expertId] of this.experts.entries()) {
        const ctx = await this.as(expertId, daysFrom(this.now, days + 5, 6 + (e % 8)));
        for (const a of (await myAssignments(ctx)).items.filter((x) => x.round === 'online' && quality.has(x.applicationId))) {
          if (options.leave?.includes(expertId)) continue;
          // Each expert has a temper of their own (harsher or more lenient), which normalisation corrects.
          const level = Math.min(1, Math.max(0.1, 0.35 + quality.get(a.applicationId)! * 0.55 + ((e % 5) - 2) * 0.04));
          const scores = Object.fromEntries(a.criteria.map((c, k) => [c.key, Math.round(c.maxScore * Math.min(1, level + ((k % 3) - 1) * 0.05))]));
          await putReview(ctx, this.deps.jobs, a.id, { conflict: false, scores, comment: level > 0.7 ? '技术路线清晰，指标先进，团队基础扎实，建议入围。' : '方案基本可行，部分指标依据不足，建议补充测试数据。', submit: true });
        }
      }
    });
  }

  /** Finalists of a subfield, the best by the online ranking, one passed over (with a justification) if asked. */
  select(program: string, subfield: Subfield, count: number, days: number, passOver = false): void {
    this.at(days, 7, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, days, 7));
      const ranked = (await ranking(ctx, program, { round: 'online', subfieldId: subfield.id })).items;
      const chosen = passOver ? [...ranked.slice(0, count - 1), ranked[count]].filter(Boolean) : ranked.slice(0, count);
      await addSelections(ctx, program, {
        subfieldId: subfield.id,
        stage: 'finalist',
        applicationIds: chosen.map((r) => r!.applicationId),
        ...(passOver ? { justification: '排名第五的申报单位同类项目尚在执行期，经集体研究，选择排名第六、产业化基础更好的单位。' } : {}),
      });
    });
  }

  notice(program: string, stage: 'finalist' | 'winner', days: number): void {
    this.at(days, 8, async () => {
      await openNotice(await this.as(this.ministry.id, daysFrom(this.now, days, 8)), program, { stage }, false);
    });
  }

  /** A visitor's real-name objection to the n-th entry of the program's open notice. */
  object(program: string, days: number, entry: number, resolve?: { days: number; decision: 'upheld' | 'dismissed' }): void {
    let objectionId = '';
    this.at(days, 9, async () => {
      const ctx = await this.as(null, daysFrom(this.now, days, 9));
      const open = (await publicNotices(ctx, program)).items.find((n) => Date.parse(n.closesAt) > ctx.now.getTime() && Date.parse(n.opensAt) <= ctx.now.getTime())!;
      const target = open.entries[entry % open.entries.length]!;
      objectionId = (
        await fileObjection(ctx, open.id, { applicationId: target.applicationId, name: '李明远', contact: '13800138000', reason: '该单位申报书所述的量产业绩与其公开年报数据不一致，请核查。' })
      ).id;
    });
    if (!resolve) return;
    this.at(resolve.days, 10, async () => {
      await resolveObjection(await this.as(this.ministry.id, daysFrom(this.now, resolve.days, 10)), objectionId, {
        decision: resolve.decision,
        reason: resolve.decision === 'dismissed' ? '经核查，申报单位提供的业绩证明材料真实有效，异议不成立。' : '经核查，异议反映的问题属实，撤销其入围资格。',
      });
    });
  }

  publish(program: string, stage: 'finalist' | 'winner', days: number): void {
    this.at(days, 11, async () => {
      await publish(await this.as(this.ministry.id, daysFrom(this.now, days, 11)), program, stage);
    });
  }

  /** Moves a phase of a program (before it opens, so the public timeline shows no late change). */
  phase(program: string, key: Parameters<typeof setPhase>[2], opens: number, closes: number, days: number): void {
    this.at(days, 0, async () => {
      await setPhase(await this.as(this.ministry.id, daysFrom(this.now, days)), program, key, {
        opensAt: beijingTime(this.now, opens, 9).toISOString(),
        closesAt: beijingTime(this.now, closes, 17).toISOString(),
      });
    });
  }

  /** The ministry sets the attack period's progress reports: a title and a due date (days from now) each. */
  milestones(program: string, days: number, due: Array<{ title: string; dueDays: number }>, into: string[]): void {
    this.at(days, 12, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, days, 12));
      for (const m of due) {
        into.push((await createMilestone(ctx, program, { title: m.title, description: '说明攻关进展、阶段性指标和经费使用情况，附阶段测试报告。', dueAt: beijingTime(this.now, m.dueDays, 17).toISOString() })).id);
      }
    });
  }

  /** A test lab for every confirmed finalist of the subfield. */
  assignLab(program: string, subfield: Subfield, lab: number, days: number): void {
    this.at(days, 13, async () => {
      await assignLabToSubfield(await this.as(this.ministry.id, daysFrom(this.now, days, 13)), program, { subfieldId: subfield.id, labUserId: this.labs[lab]! });
    });
  }

  /** Finalists write and submit a progress report (with a PDF); the ministry accepts or asks for more. */
  progress(made: Made[], milestone: () => string, days: number, review?: { days: number; /** Of the confirmed finalists, by position. */ more?: number; leave?: number }): void {
    this.at(days, 14, async () => {
      for (const m of made) {
        if (!m.confirmed) continue;
        const ctx = await this.as(m.org.userId, daysFrom(this.now, days, 14));
        await saveProgressReport(ctx, m.id, milestone(), { content: `本阶段完成了${m.subfield.name}核心模块的样机研制和第一轮测试，主要指标达到阶段目标；下一阶段开展工程化和可靠性验证。` });
        await addProgressFile(ctx, this.deps.files, m.id, milestone(), { filename: '阶段进展报告.pdf', stream: Readable.from(demoPdf(['Progress report (demo)', m.subfield.code, m.id])) });
        m.reportId = (await submitProgressReport(ctx, m.id, milestone())).id;
      }
    });
    if (!review) return;
    this.at(review.days, 15, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, review.days, 15));
      for (const [k, m] of made.filter((x) => x.confirmed && x.reportId).entries()) {
        if (k === review.leave) continue;
        if (k === review.more) await requestMoreProgress(ctx, m.reportId!, '请补充阶段测试报告的原始数据和经费使用明细。');
        else await acceptProgressReport(ctx, m.reportId!, '进展符合计划，同意。');
      }
    });
  }

  /** The lab uploads a test report and measures every declared indicator of its finalists, but `leave` of them;
   * a stronger finalist meets more of its targets. */
  measure(lab: number, made: Made[], days: number, leave = 0): void {
    this.at(days, 16, async () => {
      const ctx = await this.as(this.labs[lab]!, daysFrom(this.now, days, 16));
      const quality = new Map(made.map((m) => [m.id, m.quality]));
      const mine = (await myLabApplications(ctx)).items.filter((a) => quality.has(a.id));
      for (const item of mine.slice(0, Math.max(0, mine.length - leave))) {
        const app = await myLabApplication(ctx, item.id);
        const q = quality.get(app.id)!;
        const report = await addLabReport(ctx, this.deps.files, app.id, { filename: '检测报告.pdf', stream: Readable.from(demoPdf(['Test report (demo)', app.subfield, app.id])) });
        const testedAt = beijingTime(this.now, days - 2, 10).toISOString().slice(0, 10);
        const measured = (kind: string, better: string | null, unit: string, target: unknown, k: number): MeasurementInput['measured'] => {
          const meets = q + (k % 3) * 0.15 > 0.35;
          if (kind === 'boolean') return target === true ? meets : true;
          if (kind === 'text') return meets ? '达到承诺水平' : '未达到承诺水平';
          const t = typeof target === 'number' ? target : 1;
          const better_ = better === 'lower' ? !meets : meets;
          const value = better_ ? t * 1.03 : t * 0.9;
          return Math.round((unit === '%' ? Math.min(100, value) : value) * 100) / 100;
        };
        const items: MeasurementInput[] = [
          ...app.indicators.map((i, k) => {
            const value = measured(i.kind, i.better, i.unit, i.target, k);
            return {
              indicatorId: i.indicatorId,
              measured: value,
              method: '按检测大纲在实验室环境下重复测试 5 次取均值',
              testedAt,
              reportId: report.id,
              ...(i.kind === 'text' ? { judgement: value === '达到承诺水平' ? ('met' as const) : ('not_met' as const), reason: '依据行业评价规范逐项核对' } : {}),
            };
          }),
          ...app.customIndicators.map((c, k) => ({ customIndicatorId: c.id, measured: measured(c.kind, c.better, c.unit, c.target, k + 1), method: '现场测试', testedAt, reportId: report.id })),
        ];
        await saveMeasurements(ctx, app.id, items);
      }
    });
  }

  /** The final evaluation round: assigned among the confirmed finalists, released; the experts score it (its
   * share of targets met is filled in by the platform), except those asked to leave theirs for later. */
  finalRound(program: string, made: Made[], days: number, leave: string[] = []): void {
    this.at(days, 17, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, days, 17));
      await autoAssign(ctx, program, { round: 'final', reviewersPerApplication: 3, maxPerExpert: 6 });
      await releaseRound(ctx, program, { round: 'final' });
    });
    this.at(days + 2, 18, async () => {
      const quality = new Map(made.map((m) => [m.id, m.quality]));
      for (const [e, expertId] of this.experts.entries()) {
        if (leave.includes(expertId)) continue;
        const ctx = await this.as(expertId, daysFrom(this.now, days + 2, 18));
        for (const a of (await myAssignments(ctx)).items.filter((x) => x.round === 'final' && quality.has(x.applicationId))) {
          // A finalist the lab has not measured yet cannot be scored in this round (its share of targets met is unknown).
          if ((await this.deps.db.select({ id: measurements.id }).from(measurements).where(eq(measurements.applicationId, a.applicationId))).length === 0) continue;
          const level = Math.min(1, Math.max(0.2, 0.4 + quality.get(a.applicationId)! * 0.5 + ((e % 3) - 1) * 0.04));
          const scores = Object.fromEntries(a.criteria.filter((c) => c.key !== 'metShare').map((c) => [c.key, Math.round(c.maxScore * level)]));
          await putReview(ctx, this.deps.jobs, a.id, { conflict: false, scores, comment: '实测结果与承诺目标基本一致，应用成效明显。', submit: true });
        }
      }
    });
  }

  /** Winners of a subfield: the best of the final round's ranking among its confirmed finalists. */
  selectWinners(program: string, subfield: Subfield, count: number, days: number): void {
    this.at(days, 19, async () => {
      const ctx = await this.as(this.ministry.id, daysFrom(this.now, days, 19));
      const ranked = (await ranking(ctx, program, { round: 'final', subfieldId: subfield.id })).items;
      await addSelections(ctx, program, { subfieldId: subfield.id, stage: 'winner', applicationIds: ranked.slice(0, count).map((r) => r.applicationId) });
    });
  }

  /** Marks the finalists of a program confirmed once their stage is published (the later steps act on them). */
  confirmed(made: Made[], days: number): void {
    this.at(days, 23, async () => {
      const ids = (await this.deps.db.select({ id: applications.id }).from(applications).where(eq(applications.status, 'finalist_confirmed'))).map((r) => r.id);
      for (const m of made) m.confirmed = ids.includes(m.id);
    });
  }
}
