// Every signed-in role's to-do list (待办): what waits for this user, how many, by when, and the page where it is done.
// One query per item, each counting what the role's own pages list, so the home page and those pages agree.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../http/request-context.js';
import type { TodoItem, TodoKey, TodoResponse } from '../../../shared/schemas/statistics.js';
import { readSecurityPolicy } from '../security/security.repository.js';
import { hasRole, type Actor } from '../accounts/actor.js';

interface Count {
  program_id: string | null;
  code: string | null;
  title: string | null;
  title_en: string | null;
  n: number;
  deadline: Date | string | null;
}

async function counts(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Count[]> {
  return ((await db.execute(query)).rows as unknown as Count[]).filter((r) => Number(r.n) > 0);
}

const item = (key: TodoKey, link: string, row: Count): TodoItem => ({
  key,
  count: Number(row.n),
  deadline: row.deadline ? new Date(row.deadline).toISOString() : null,
  // Pages that work on one program at a time open on the item's program.
  link: row.code && (link.startsWith('/admin/') || link === '/recommender') ? `${link}?program=${encodeURIComponent(row.code)}` : link,
  programId: row.program_id,
  programTitle: row.title,
  programTitleEn: row.title_en,
});

/** The closing of a program's phase, as a deadline column. */
const closes = (phase: string) => sql`(SELECT pp.closes_at FROM program_phases pp WHERE pp.program_id = p.id AND pp.key = ${phase})`;

function applicantItems(db: DbOrTx, organizationId: string) {
  return Promise.all([
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('application')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE a.organization_id = ${organizationId} AND a.status = 'draft' GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('drafts', '/applications', r))),
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('recommendation')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE a.organization_id = ${organizationId} AND a.status = 'returned' GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('returned', '/applications', r))),
    // Progress reports of the attack period due (or asked for more) and not yet submitted, the soonest due first.
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, min(m.due_at) AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id JOIN progress_milestones m ON m.program_id = p.id
          WHERE a.organization_id = ${organizationId} AND a.status = 'finalist_confirmed'
            AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.milestone_id = m.id AND r.application_id = a.id AND r.state IN ('submitted', 'accepted'))
          GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('progressDue', '/applications', r))),
  ]);
}

function recommenderItems(db: DbOrTx, recommenderId: string) {
  const noOpenBatch = sql`NOT EXISTS (SELECT 1 FROM recommendation_batches b WHERE b.program_id = p.id AND b.recommender_id = ${recommenderId} AND b.reopened_at IS NULL)`;
  return Promise.all([
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('recommendation')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE a.recommender_id = ${recommenderId} AND a.status = 'submitted' AND ${noOpenBatch} GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('toDecide', '/recommender', r))),
    // Decided, but the batch (推荐汇总表) has not gone to the ministry yet.
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('recommendation')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE a.recommender_id = ${recommenderId} AND a.status IN ('recommended', 'not_recommended') AND ${noOpenBatch} GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('batchPending', '/recommender', r))),
  ]);
}

function expertItems(db: DbOrTx, expertId: string) {
  const dueOf = sql`(SELECT min(rr.due_at) FROM review_rounds rr WHERE rr.program_id = p.id AND rr.key = ra.round)`;
  return Promise.all([
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, min(${dueOf}) AS deadline
          FROM review_assignments ra JOIN programs p ON p.id = ra.program_id
          WHERE ra.expert_id = ${expertId} AND ra.status = 'released' AND ra.no_conflict_at IS NULL GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('toDeclare', '/expert', r))),
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, min(${dueOf}) AS deadline
          FROM review_assignments ra JOIN programs p ON p.id = ra.program_id
          WHERE ra.expert_id = ${expertId} AND ra.status = 'released' AND ra.no_conflict_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.assignment_id = ra.id AND rv.state = 'submitted')
          GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('toReview', '/expert', r))),
  ]);
}

function programAdminItems(db: DbOrTx, actor: Actor, now: Date) {
  const scope = actor.programIds === null ? sql`TRUE` : actor.programIds.length === 0 ? sql`FALSE` : sql`p.id IN (${sql.join(actor.programIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  return Promise.all([
    // The formal check waits for the unit's batch (形式审查 follows 推荐).
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('review')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE ${scope} AND a.status = 'recommended'
            AND EXISTS (SELECT 1 FROM recommendation_batches b WHERE b.program_id = p.id AND b.recommender_id = a.recommender_id AND b.reopened_at IS NULL)
          GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('formalCheck', '/admin/recommendations', r))),
    // Eligible applications that no expert has been assigned to in the program's first review round.
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('review')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE ${scope} AND a.status = 'eligible'
            AND NOT EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = a.id AND ra.status <> 'declined')
          GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('toAssign', '/admin/assignments', r))),
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('review')} AS deadline
          FROM review_assignments ra JOIN programs p ON p.id = ra.program_id
          WHERE ${scope} AND ra.status = 'draft' GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('unreleased', '/admin/assignments', r))),
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, min(nt.closes_at) AS deadline
          FROM objections o JOIN notices nt ON nt.id = o.notice_id JOIN programs p ON p.id = nt.program_id
          WHERE ${scope} AND o.status = 'open' GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('objections', '/admin/selection', r))),
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, NULL AS deadline
          FROM notices nt JOIN programs p ON p.id = nt.program_id
          WHERE ${scope} AND nt.published_at IS NULL AND nt.closes_at <= ${now.toISOString()} GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('toPublish', '/admin/selection', r))),
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, NULL AS deadline
          FROM progress_reports r JOIN applications a ON a.id = r.application_id JOIN programs p ON p.id = a.program_id
          WHERE ${scope} AND r.state = 'submitted' GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('progressToReview', '/admin/progress', r))),
    // Confirmed finalists that no test lab measures yet.
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('evaluation')} AS deadline
          FROM applications a JOIN programs p ON p.id = a.program_id
          WHERE ${scope} AND a.status = 'finalist_confirmed'
            AND NOT EXISTS (SELECT 1 FROM lab_assignments la WHERE la.application_id = a.id AND la.ended_at IS NULL)
          GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('labsToAssign', '/admin/evaluation', r))),
  ]);
}

/** A test lab's finalists with a declared reference indicator not measured yet, by the evaluation phase's close. */
function labItems(db: DbOrTx, labId: string) {
  return Promise.all([
    counts(
      db,
      sql`SELECT p.id AS program_id, p.code, p.title, p.title_en, count(*)::int AS n, ${closes('evaluation')} AS deadline
          FROM lab_assignments la JOIN applications a ON a.id = la.application_id JOIN programs p ON p.id = a.program_id
          WHERE la.lab_id = ${labId} AND la.ended_at IS NULL AND a.status = 'finalist_confirmed'
            AND EXISTS (
              SELECT 1 FROM application_indicators ai WHERE ai.application_id = a.id
                AND NOT EXISTS (SELECT 1 FROM measurements ms WHERE ms.application_id = a.id AND ms.indicator_id = ai.indicator_id))
          GROUP BY p.id`,
    ).then((rows) => rows.map((r) => item('toMeasure', '/lab', r))),
  ]);
}

const platformRow = (n: number): Count => ({ program_id: null, code: null, title: null, title_en: null, n, deadline: null });

async function systemAdminItems(db: DbOrTx): Promise<TodoItem[][]> {
  const rows = await counts(
    db,
    sql`SELECT NULL AS program_id, NULL AS code, NULL AS title, NULL AS title_en, count(*)::int AS n, NULL AS deadline
        FROM recommenders r WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.recommender_id = r.id AND NOT u.disabled)`,
  );
  return [rows.map((r) => item('recommendersWithoutAccount', '/admin/accounts', r))];
}

async function securityAdminItems(db: DbOrTx, now: Date): Promise<TodoItem[][]> {
  const policy = await readSecurityPolicy(db);
  const windowMs = policy.lockoutMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [locked] = (
    await db.execute(sql`
      SELECT count(*)::int AS n FROM rate_limits rl JOIN users u ON lower(u.email) = substr(rl.key, 12)
      WHERE rl.key LIKE 'login-fail:%' AND rl.window_start = ${windowStart.toISOString()} AND rl.count >= ${policy.lockoutThreshold}`)
  ).rows as Array<{ n: number }>;
  const [set] = (await db.execute(sql`SELECT count(*)::int AS n FROM app_settings WHERE key = 'security_policy'`)).rows as Array<{ n: number }>;
  return [
    locked && locked.n > 0 ? [item('lockedAccounts', '/security', platformRow(locked.n))] : [],
    // Nobody has reviewed the password and session policy yet: the platform runs on its defaults.
    set && set.n === 0 ? [item('policyDefault', '/security', platformRow(1))] : [],
  ];
}

async function auditAdminItems(db: DbOrTx): Promise<TodoItem[][]> {
  const [row] = (
    await db.execute(sql`
      SELECT count(*)::int AS n FROM audit_events
      WHERE seq > coalesce((SELECT max(seq) FROM audit_events WHERE action = 'audit.verify' AND result = 'ok'), 0)`)
  ).rows as Array<{ n: number }>;
  return [row && row.n > 0 ? [item('auditUnverified', '/audit', platformRow(row.n))] : []];
}

/** The to-do list of the signed-in user, across its roles, the soonest deadline first. */
export async function myTodo(ctx: ServiceContext): Promise<TodoResponse> {
  const actor = ctx.actor!;
  const groups: TodoItem[][] = [];
  if (hasRole(actor, 'applicant', 'org_admin') && actor.organizationId) groups.push(...(await applicantItems(ctx.db, actor.organizationId)));
  if (hasRole(actor, 'recommender') && actor.recommenderId) groups.push(...(await recommenderItems(ctx.db, actor.recommenderId)));
  if (hasRole(actor, 'expert')) groups.push(...(await expertItems(ctx.db, actor.id)));
  if (hasRole(actor, 'program_admin')) groups.push(...(await programAdminItems(ctx.db, actor, ctx.now)));
  if (hasRole(actor, 'lab')) groups.push(...(await labItems(ctx.db, actor.id)));
  if (hasRole(actor, 'system_admin')) groups.push(...(await systemAdminItems(ctx.db)));
  if (hasRole(actor, 'security_admin')) groups.push(...(await securityAdminItems(ctx.db, ctx.now)));
  if (hasRole(actor, 'audit_admin')) groups.push(...(await auditAdminItems(ctx.db)));
  const items = groups.flat().sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const upcoming = items.map((i) => i.deadline).filter((d): d is string => d !== null && Date.parse(d) > ctx.now.getTime());
  return { items, nextDeadline: upcoming.sort()[0] ?? null };
}
