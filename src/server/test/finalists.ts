// A program of its own taken to confirmed finalists through the platform's routes: one subfield with a number
// indicator where higher is better, one where lower is better, a capability and a qualitative level; applications
// submitted, recommended, formally checked, selected, noticed (a closed test-mode notice) and published.
import { randomBytes } from 'node:crypto';
import type { IndicatorValue } from '../../shared/schemas/applications.js';
import type { PhaseKey } from '../../shared/schemas/system.js';
import type { TestApp } from './app.js';
import { as, PASSWORD, registerApplicant, signIn, signedInAs, type Session } from './factories.js';

const DAY = 86_400_000;

export interface FinalistFixture {
  admin: Session;
  /** The recommending unit of every application. */
  recommender: Session;
  programId: string;
  programCode: string;
  subfieldId: string;
  /** Reference indicators by role: 峰值算力 (TOPS, higher, plan ≥ 100), 功耗 (W, lower, plan < 10), 车规级认证 (boolean),
   * 功能安全等级 (text). */
  indicators: { higher: string; lower: string; capability: string; level: string };
  apps: Array<{ id: string; title: string; owner: Session; customId: string }>;
}

export interface Targets {
  higher: IndicatorValue;
  lower: IndicatorValue;
  capability: IndicatorValue;
  level: IndicatorValue;
  /** The custom indicator 识别准确率 (%, higher). */
  custom: IndicatorValue;
}
const DEFAULT_TARGETS: Targets = { higher: 120, lower: 8, capability: true, level: 'ASIL-D', custom: 95 };

async function ok<T = Record<string, unknown>>(response: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const res = await response;
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : undefined) as T;
}

export async function serverNow(t: TestApp): Promise<number> {
  return Date.parse((await t.app.inject({ method: 'GET', url: '/api/health' })).json().now);
}

export async function setPhase(t: TestApp, admin: Session, programId: string, key: PhaseKey, opensAt: number, closesAt: number) {
  await ok(as(t.app, admin, { method: 'PUT', url: `/api/admin/programs/${programId}/phases/${key}`, payload: { opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString() } }), `phase ${key}`);
}

export async function programWithFinalists(t: TestApp, options: { count: number; targets?: Array<Partial<Targets>> }): Promise<FinalistFixture> {
  const tag = randomBytes(3).toString('hex');
  const admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  const post = <T = Record<string, unknown>>(url: string, payload: object, session: Session = admin) => ok<T>(as(t.app, session, { method: 'POST', url, payload }), `POST ${url}`);
  const program = await post<{ id: string; code: string }>('/api/admin/programs', {
    code: `ev-${tag}`,
    title: `评测项目 ${tag}`,
    quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 },
  });
  const direction = await post<{ id: string }>(`/api/admin/programs/${program.id}/directions`, { code: 'E01', name: '智能芯片', group: '核心基础' });
  const subfield = await post<{ id: string }>(`/api/admin/directions/${direction.id}/subfields`, { code: 'E01-01', name: '车载智能芯片' });
  const indicator = (body: object) => post<{ id: string }>(`/api/admin/subfields/${subfield.id}/indicators`, body).then((r) => r.id);
  const indicators = {
    higher: await indicator({ code: 'E01-01-I1', name: '峰值算力', kind: 'number', unit: 'TOPS', better: 'higher', planTarget: { text: '≥ 100 TOPS', comparator: '>=', value: 100 } }),
    lower: await indicator({ code: 'E01-01-I2', name: '典型功耗', kind: 'number', unit: 'W', better: 'lower', planTarget: { text: '< 10 W', comparator: '<', value: 10 } }),
    capability: await indicator({ code: 'E01-01-I3', name: '车规级认证', kind: 'boolean', planTarget: { text: '通过车规级认证' } }),
    level: await indicator({ code: 'E01-01-I4', name: '功能安全等级', kind: 'text', planTarget: { text: 'ASIL-D' } }),
  };
  const now = await serverNow(t);
  for (const key of ['application', 'recommendation', 'review', 'attack', 'evaluation'] as const) await setPhase(t, admin, program.id, key, now - DAY, now + 30 * DAY);

  const unit = await post<{ id: string }>('/api/admin/recommenders', { name: `评测联盟${tag}`, kind: 'association' });
  const unitEmail = `unit.${tag}@example.gov.cn`;
  await post('/api/admin/users', { role: 'recommender', name: '联盟推荐员', email: unitEmail, password: PASSWORD, recommenderId: unit.id });
  const recommender = await signIn(t.app, unitEmail);

  const apps: FinalistFixture['apps'] = [];
  for (let i = 0; i < options.count; i += 1) {
    const targets = { ...DEFAULT_TARGETS, ...options.targets?.[i] };
    const owner = await registerApplicant(t.app);
    const created = await post<{ id: string; version: number }>('/api/applications', { programId: program.id, subfieldId: subfield.id }, owner);
    const title = `车载芯片攻关${i + 1}（${tag}）`;
    await ok(
      as(t.app, owner, {
        method: 'PATCH',
        url: `/api/applications/${created.id}`,
        payload: {
          version: created.version,
          title,
          responsiblePerson: { name: '赵工', title: '总工程师', phone: '13912345678', email: `zhao.${tag}${i}@example.cn` },
          recommenderId: unit.id,
          sections: { basis: '基础', route: '路线', milestones: '进度', team: '团队', funding: '经费' },
          indicators: [
            { indicatorId: indicators.higher, current: 60, target: targets.higher },
            { indicatorId: indicators.lower, current: 15, target: targets.lower },
            { indicatorId: indicators.capability, current: false, target: targets.capability },
            { indicatorId: indicators.level, current: 'ASIL-B', target: targets.level },
          ],
          customIndicators: [{ name: '识别准确率', kind: 'number', unit: '%', better: 'higher', current: 90, target: targets.custom }],
        },
      }),
      'patch',
    );
    await ok(as(t.app, owner, { method: 'POST', url: `/api/applications/${created.id}/submit`, payload: {}, headers: { 'idempotency-key': `fixture-${tag}-${i}` } }), 'submit');
    const customId = (await ok<{ customIndicators: Array<{ id: string }> }>(as(t.app, owner, { method: 'GET', url: `/api/applications/${created.id}` }), 'read')).customIndicators[0]!.id;
    await post(`/api/applications/${created.id}/recommendation`, { decision: 'recommend', comment: '推荐', rank: i + 1 }, recommender);
    apps.push({ id: created.id, title, owner, customId });
  }
  await post(`/api/recommenders/${unit.id}/batches`, { programId: program.id }, recommender);
  for (const a of apps) await post(`/api/applications/${a.id}/eligibility`, { eligible: true });
  if (apps.length > 0) {
    await post(`/api/admin/programs/${program.id}/selections`, { subfieldId: subfield.id, stage: 'finalist', applicationIds: apps.map((a) => a.id) });
    // A test-mode notice that has already run its course, so the stage can be published at once.
    const at = await serverNow(t);
    await post(`/api/admin/programs/${program.id}/notices`, { stage: 'finalist', opensAt: new Date(at - 30_000).toISOString(), closesAt: new Date(at - 1_000).toISOString() });
    await post(`/api/admin/programs/${program.id}/publish`, { stage: 'finalist' });
  }
  return { admin, recommender, programId: program.id, programCode: program.code, subfieldId: subfield.id, indicators, apps };
}

/** A lab account, signed in. */
export async function labAccount(t: TestApp) {
  return signedInAs(t.app, t.database.db, ['lab']);
}
