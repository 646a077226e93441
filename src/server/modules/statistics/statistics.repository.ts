// The aggregations behind the statistics, each one query computed by the database (GROUP BY, percentiles), and the
// cache table they are kept in.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ELIGIBLE_OR_LATER, RECOMMENDED_OR_LATER } from '../../../shared/vocabulary.js';

/** Applications that count in public statistics: submitted at least once and not withdrawn. */
const COUNTED = sql`a.status NOT IN ('draft', 'withdrawn')`;
/** `a.status IN (…)` over a list of statuses, as parameters. */
const statusIn = (statuses: readonly string[]) => sql`a.status IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`;

const rows = async <T>(db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute<T & Record<string, unknown>>(query)).rows as T[];

export function countsBySubfield(db: DbOrTx, programId: string) {
  return rows<{ direction_id: string; subfield_id: string; n: number }>(
    db,
    sql`SELECT s.direction_id, s.id AS subfield_id, count(a.id)::int AS n
        FROM subfields s
        JOIN directions d ON d.id = s.direction_id
        LEFT JOIN applications a ON a.subfield_id = s.id AND ${COUNTED}
        WHERE d.program_id = ${programId}
        GROUP BY s.direction_id, s.id`,
  );
}

export function countsByRegion(db: DbOrTx, programId: string) {
  return rows<{ region_code: string; n: number }>(
    db,
    sql`SELECT o.region_code, count(*)::int AS n
        FROM applications a JOIN organizations o ON o.id = a.organization_id
        WHERE a.program_id = ${programId} AND ${COUNTED}
        GROUP BY o.region_code`,
  );
}

export function countsByKind(db: DbOrTx, programId: string) {
  return rows<{ kind: string; n: number }>(
    db,
    sql`SELECT o.kind, count(*)::int AS n
        FROM applications a JOIN organizations o ON o.id = a.organization_id
        WHERE a.program_id = ${programId} AND ${COUNTED}
        GROUP BY o.kind`,
  );
}

export async function totals(db: DbOrTx, programId: string) {
  const [row] = await rows<{ applications: number; organizations: number; regions: number; recommenders: number }>(
    db,
    sql`SELECT count(*)::int AS applications, count(DISTINCT a.organization_id)::int AS organizations,
               count(DISTINCT o.region_code)::int AS regions, count(DISTINCT a.recommender_id)::int AS recommenders
        FROM applications a JOIN organizations o ON o.id = a.organization_id
        WHERE a.program_id = ${programId} AND ${COUNTED}`,
  );
  return row ?? { applications: 0, organizations: 0, regions: 0, recommenders: 0 };
}

export function countsByRecommender(db: DbOrTx, programId: string) {
  return rows<{ name: string; kind: 'province' | 'central_enterprise' | 'association'; applications: number; recommended: number }>(
    db,
    sql`SELECT r.name, r.kind, count(*)::int AS applications,
               count(*) FILTER (WHERE ${statusIn(RECOMMENDED_OR_LATER)})::int AS recommended
        FROM applications a JOIN recommenders r ON r.id = a.recommender_id
        WHERE a.program_id = ${programId} AND ${COUNTED}
        GROUP BY r.id, r.name, r.kind
        ORDER BY applications DESC, r.name`,
  );
}

/** Per reference indicator with a comparable plan target: how many committed a target, how many beat the plan, and
 * the quartiles of the number targets. */
export function ambitionByIndicator(db: DbOrTx, programId: string) {
  return rows<{ indicator_id: string; n: number; beats: number; p25: number | null; median: number | null; p75: number | null }>(
    db,
    sql`WITH targets AS (
          SELECT i.id AS indicator_id, i.kind, i.plan_comparator AS cmp, i.plan_value AS plan,
                 CASE WHEN jsonb_typeof(ai.target) = 'number' THEN (ai.target #>> '{}')::float8 END AS num,
                 CASE WHEN jsonb_typeof(ai.target) = 'boolean' THEN (ai.target #>> '{}')::boolean END AS reached
          FROM indicators i
          JOIN application_indicators ai ON ai.indicator_id = i.id
          JOIN applications a ON a.id = ai.application_id
          WHERE i.program_id = ${programId} AND ${COUNTED}
            AND ((i.kind = 'number' AND i.plan_comparator IS NOT NULL AND jsonb_typeof(ai.target) = 'number')
              OR (i.kind = 'boolean' AND jsonb_typeof(ai.target) = 'boolean'))
        )
        SELECT indicator_id, count(*)::int AS n,
               count(*) FILTER (WHERE CASE
                 WHEN kind = 'boolean' THEN reached
                 WHEN cmp = '>' THEN num > plan WHEN cmp = '>=' THEN num >= plan
                 WHEN cmp = '<' THEN num < plan WHEN cmp = '<=' THEN num <= plan END)::int AS beats,
               percentile_cont(0.25) WITHIN GROUP (ORDER BY num) AS p25,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY num) AS median,
               percentile_cont(0.75) WITHIN GROUP (ORDER BY num) AS p75
        FROM targets GROUP BY indicator_id`,
  );
}

/** The funnel per direction: how many applications reached each stage (at least). */
export function funnelByDirection(db: DbOrTx, programId: string) {
  return rows<{ direction_id: string; draft: number; submitted: number; recommended: number; eligible: number; reviewed: number; finalist: number; winner: number }>(
    db,
    sql`SELECT s.direction_id,
               count(*)::int AS draft,
               count(*) FILTER (WHERE a.status <> 'draft')::int AS submitted,
               count(*) FILTER (WHERE ${statusIn(RECOMMENDED_OR_LATER)})::int AS recommended,
               count(*) FILTER (WHERE ${statusIn(ELIGIBLE_OR_LATER)})::int AS eligible,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM review_assignments ra JOIN reviews rv ON rv.assignment_id = ra.id
                 WHERE ra.application_id = a.id AND rv.state = 'submitted'))::int AS reviewed,
               count(*) FILTER (WHERE a.status IN ('finalist', 'finalist_confirmed', 'winner', 'winner_confirmed', 'winner_revoked'))::int AS finalist,
               count(*) FILTER (WHERE a.status IN ('winner', 'winner_confirmed'))::int AS winner
        FROM applications a JOIN subfields s ON s.id = a.subfield_id
        WHERE a.program_id = ${programId}
        GROUP BY s.direction_id`,
  );
}

export function countsByStatus(db: DbOrTx, programId: string) {
  return rows<{ status: string; n: number }>(db, sql`SELECT status, count(*)::int AS n FROM applications WHERE program_id = ${programId} GROUP BY status`);
}

export async function readCache(db: DbOrTx, key: string) {
  const [row] = await rows<{ payload: unknown; computed_at: Date | string }>(db, sql`SELECT payload, computed_at FROM statistics_cache WHERE key = ${key}`);
  return row ? { payload: row.payload, computedAt: new Date(row.computed_at) } : null;
}

export async function writeCache(db: DbOrTx, key: string, payload: unknown, computedAt: Date) {
  await db.execute(sql`
    INSERT INTO statistics_cache (key, payload, computed_at) VALUES (${key}, ${JSON.stringify(payload)}::jsonb, ${computedAt.toISOString()})
    ON CONFLICT (key) DO UPDATE SET payload = EXCLUDED.payload, computed_at = EXCLUDED.computed_at`);
}

/** Only one process recomputes a key at a time; the others keep serving what is cached. */
export async function tryComputeLock(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await rows<{ locked: boolean }>(db, sql`SELECT pg_try_advisory_xact_lock(hashtext(${`statistics:${key}`})) AS locked`);
  return row?.locked === true;
}
