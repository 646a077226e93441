// The demo (on by default with the embedded database, never in production): beside the built-in 2018 program, a
// program under review and at work, and one completed, with applications at every stage. Built once, on an empty
// platform, through the services (demo-builder.ts); rebuilt from scratch by `cli demo:reset`.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { appSettings } from '../db/schema/index.js';
import { getCatalogue } from '../modules/programs/catalogue.service.js';
import { decide, formalCheck } from '../modules/recommendations/recommendations.service.js';
import type { CatalogueResponse } from '../../shared/schemas/catalogue.js';
import { DemoBuilder, type DemoDeps } from './demo-builder.js';
import { daysFrom } from './demo-programs.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-people.js';

const MARKER = 'demo';

type Subfield = CatalogueResponse['directions'][number]['subfields'][number];
const subfieldsOf = async (db: Db, code: string): Promise<Subfield[]> => (await getCatalogue({ db }, code)).body.directions.flatMap((d) => d.subfields);
const quality = (i: number) => ((i * 37) % 100) / 100;

/** Whether the demo has been built in this database. */
export async function demoBuilt(db: Db): Promise<boolean> {
  return (await db.select().from(appSettings).where(eq(appSettings.key, MARKER))).length > 0;
}

/** Whether nothing has happened on the platform yet: no organization registered, no program but the built-in one. */
export async function platformIsEmpty(db: Db): Promise<boolean> {
  const [row] = (await db.execute(sql`SELECT (SELECT count(*) FROM organizations)::int AS orgs, (SELECT count(*) FROM programs WHERE NOT built_in)::int AS programs`)).rows as Array<{ orgs: number; programs: number }>;
  return row !== undefined && row.orgs === 0 && row.programs === 0;
}

/** Builds the demo into an empty platform (only the built-in program and the provincial units). */
export async function buildDemo(deps: DemoDeps, now = new Date()): Promise<void> {
  const b = new DemoBuilder(deps, now);
  deps.log('building the demo data (accounts, three programs, applications at every stage)…');
  await b.people();
  await b.programs();

  // ai-2018, live: open for applications, the recommending units at work.
  // Eight subfields across the directions, so that most directions have applications.
  const ai = (await subfieldsOf(deps.db, 'ai-2018')).filter((_, i) => i % 5 === 0).slice(0, 8);
  b.phase('ai-2018', 'application', -10, 20, -30);
  b.phase('ai-2018', 'recommendation', -6, 30, -30);
  const live: Parameters<DemoBuilder['apply']>[6] = [];
  for (const org of b.orgs.slice(0, 36)) {
    const draft = org.index % 6 === 5;
    b.apply('ai-2018', org, ai[org.index % ai.length]!, quality(org.index), -9 + (org.index % 5), draft ? null : 1, live);
  }
  // The demo applicant also keeps a draft in another subfield.
  const applicant = b.orgs[2]!;
  b.apply('ai-2018', applicant, ai[7]!, 0.5, -2, null, live);
  const submitted = () => live.filter((m) => m.submitted);
  const guangdong = () => b.units.get('440000')!.id;
  // Guangdong returns the demo applicant's application and has not decided on the others yet.
  b.recommend('ai-2018', live, -3, { undecided: [guangdong()] });
  b.at(-2, 3, async () => {
    const own = submitted().find((m) => m.org === applicant)!;
    await decide(await b.as(b.unitUser(guangdong()), daysFrom(now, -2, 3)), own.id, {
      decision: 'return',
      comment: '请补充核心指标的第三方测试报告，并说明量产计划后重新提交。',
    });
  });
  b.at(-1, 4, async () => {
    const ctx = await b.as(b.ministry.id, daysFrom(now, -1, 4));
    for (const m of submitted().filter((x) => x.org.regionCode === '110000')) await formalCheck(ctx, m.id, { eligible: true });
  });

  // demo-2025: reviewed; one subfield's finalists published and at work, another's under notice with an objection.
  const dm = await subfieldsOf(deps.db, 'demo-2025');
  const reviewMade: typeof live = [];
  for (const [k, org] of b.orgs.slice(36, 60).entries()) b.apply('demo-2025', org, dm[k % dm.length]!, quality(k + 3), -148 + (k % 10), 2, reviewMade);
  b.recommend('demo-2025', reviewMade, -115, { declined: [reviewMade[22]!] });
  b.check(reviewMade.filter((m) => m !== reviewMade[22]), -108, [reviewMade[23]!]);
  b.review('demo-2025', reviewMade.filter((m) => m !== reviewMade[22] && m !== reviewMade[23]), -100);
  b.select('demo-2025', dm[0]!, 4, -46);
  b.notice('demo-2025', 'finalist', -44);
  b.publish('demo-2025', 'finalist', -30);
  // At work since then: progress reports, the lab's measurements, the final round under way.
  b.confirmed(reviewMade, -29);
  const dmMilestones: string[] = [];
  b.milestones('demo-2025', -28, [{ title: '第一季度攻关进展', dueDays: -10 }, { title: '中期攻关进展', dueDays: 45 }], dmMilestones);
  b.assignLab('demo-2025', dm[0]!, 0, -27);
  b.progress(reviewMade, () => dmMilestones[0]!, -12, { days: -8, more: 1, leave: 2 });
  b.measure(0, reviewMade, -9, 1);
  b.finalRound('demo-2025', reviewMade, -6, [b.experts[0] ?? '']);
  b.select('demo-2025', dm[2]!, 5, -3, true);
  b.notice('demo-2025', 'finalist', -2);
  b.object('demo-2025', -1, 1);

  // demo-2024: completed a year ago.
  const dr = await subfieldsOf(deps.db, 'demo-2024');
  const doneMade: typeof live = [];
  for (const [k, org] of b.orgs.slice(0, 20).entries()) b.apply('demo-2024', org, dr[k % dr.length]!, quality(k + 11), -478 + (k % 8), 3, doneMade);
  b.recommend('demo-2024', doneMade, -445, {});
  b.check(doneMade, -430);
  b.review('demo-2024', doneMade, -430);
  for (const s of dr) b.select('demo-2024', s, 3, -404.5);
  b.notice('demo-2024', 'finalist', -404);
  b.object('demo-2024', -402, 0, { days: -400, decision: 'dismissed' });
  b.publish('demo-2024', 'finalist', -390);
  b.confirmed(doneMade, -389);
  const drMilestones: string[] = [];
  b.milestones('demo-2024', -388, [{ title: '中期攻关进展', dueDays: -200 }], drMilestones);
  for (const [k, s] of dr.entries()) b.assignLab('demo-2024', s, k % 2, -385);
  b.progress(doneMade, () => drMilestones[0]!, -210, { days: -205 });
  b.measure(0, doneMade, -85);
  b.measure(1, doneMade, -85);
  b.finalRound('demo-2024', doneMade, -80);
  for (const s of dr) b.selectWinners('demo-2024', s, 2, -62);
  b.notice('demo-2024', 'winner', -59);
  b.object('demo-2024', -58, 1, { days: -56, decision: 'dismissed' });
  b.publish('demo-2024', 'winner', -48);

  await b.run();
  await deps.db.insert(appSettings).values({ key: MARKER, value: { builtAt: now.toISOString(), accounts: DEMO_ACCOUNTS.map((a) => a.email) } });
  deps.log('demo data built');
}

/** The demo accounts as printed at start and shown on the sign-in page. */
export function demoAccounts() {
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email, name: a.name })) };
}

/** Empties the database (every table and the job queue) so that the platform starts again as new. */
export async function emptyDatabase(db: Db): Promise<void> {
  await db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  await db.execute(sql`CREATE SCHEMA public`);
}

