// Statistics of a program: the public figures (by direction and subfield, region, kind of organization, recommending
// unit, and how ambitious the committed targets are) and the admin dashboard's funnel. Computed by the database and
// kept in statistics_cache for a minute, so a page read by many costs one aggregation whatever the number of readers.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { directions, indicators, subfields } from '../../db/schema/index.js';
import type { ServiceContext } from '../../http/request-context.js';
import { regionByCode } from '../../../shared/regions.js';
import { FUNNEL_STAGES, SMALL_CELL, type AdminDashboard, type FunnelStage, type PublicStatistics } from '../../../shared/schemas/statistics.js';
import { adminProgram } from '../assignment/assignment.service.js';
import { findProgram } from '../programs/catalogue.service.js';
import * as repo from './statistics.repository.js';

/** How long computed figures are served before they are computed again. */
export const STATISTICS_TTL_MS = 60_000;

/**
 * The cached value of `key`, computed again when older than `maxAgeMs`. One process recomputes at a time (an advisory
 * lock); the others serve the previous figures meanwhile, or compute themselves when there are none yet.
 */
async function cached<T>(ctx: ServiceContext, key: string, maxAgeMs: number, compute: (db: DbOrTx, at: Date) => Promise<T>): Promise<T> {
  const hit = await repo.readCache(ctx.db, key);
  const age = hit ? ctx.now.getTime() - hit.computedAt.getTime() : Infinity;
  // A reading from the future (the test clock was moved back) is stale too.
  if (hit && age >= 0 && age < maxAgeMs) return hit.payload as T;
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.tryComputeLock(tx, key))) return hit ? (hit.payload as T) : compute(tx, ctx.now);
    const payload = await compute(tx, ctx.now);
    await repo.writeCache(tx, key, payload, ctx.now);
    return payload;
  });
}

async function catalogueOf(db: DbOrTx, programId: string) {
  // One query after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const dirs = await db.select().from(directions).where(eq(directions.programId, programId)).orderBy(asc(directions.position), asc(directions.code));
  const subs = await db.select().from(subfields).where(eq(subfields.programId, programId)).orderBy(asc(subfields.position), asc(subfields.code));
  return { dirs, subs };
}

const quantile = (v: number | null) => (v === null ? null : Number(v));

export async function computePublicStatistics(db: DbOrTx, programId: string, at: Date): Promise<PublicStatistics> {
  const { dirs, subs } = await catalogueOf(db, programId);
  const bySubfield = await repo.countsBySubfield(db, programId);
  const byRegion = await repo.countsByRegion(db, programId);
  const byKind = await repo.countsByKind(db, programId);
  const total = await repo.totals(db, programId);
  const byUnit = await repo.countsByRecommender(db, programId);
  const ambition = await repo.ambitionByIndicator(db, programId);
  const inds = await db.select().from(indicators).where(eq(indicators.programId, programId)).orderBy(asc(indicators.position), asc(indicators.code));
  const countOf = new Map(bySubfield.map((r) => [r.subfield_id, r.n]));
  const subfieldCode = new Map(subs.map((s) => [s.id, s.code]));
  const ambitionOf = new Map(ambition.map((r) => [r.indicator_id, r]));
  const unitKinds = ['province', 'central_enterprise', 'association'] as const;

  return {
    programId,
    computedAt: at.toISOString(),
    totals: total,
    byDirection: dirs
      .map((d) => {
        const own = subs.filter((s) => s.directionId === d.id).map((s) => ({ id: s.id, code: s.code, name: s.name, nameEn: s.nameEn, count: countOf.get(s.id) ?? 0, retired: s.retired }));
        return {
          id: d.id,
          code: d.code,
          name: d.name,
          nameEn: d.nameEn,
          group: d.group,
          count: own.reduce((sum, s) => sum + s.count, 0),
          // A retired subfield is shown while it still holds applications.
          subfields: own.filter((s) => !s.retired || s.count > 0).map(({ retired: _retired, ...s }) => s),
          retired: d.retired,
        };
      })
      .filter((d) => !d.retired || d.count > 0)
      .map(({ retired: _retired, ...d }) => d),
    byRegion: byRegion
      .map((r) => {
        const region = regionByCode(r.region_code);
        return { regionCode: r.region_code, name: region?.name ?? r.region_code, nameEn: region?.nameEn ?? r.region_code, mapName: region?.short ?? '', count: r.n };
      })
      .sort((a, b) => b.count - a.count || a.regionCode.localeCompare(b.regionCode)),
    byKind: byKind.map((k) => ({ kind: k.kind as PublicStatistics['byKind'][number]['kind'], count: k.n })).sort((a, b) => b.count - a.count),
    recommenders: {
      byKind: unitKinds.map((kind) => {
        const own = byUnit.filter((u) => u.kind === kind);
        return { kind, units: own.length, applications: own.reduce((s, u) => s + u.applications, 0), recommended: own.reduce((s, u) => s + u.recommended, 0) };
      }),
      units: byUnit.map((u) => ({ name: u.name, kind: u.kind, applications: u.applications, recommended: u.recommended })),
    },
    ambition: inds
      .filter((i) => (i.kind === 'number' && i.planComparator !== null && i.planValue !== null) || i.kind === 'boolean')
      .map((i) => {
        const cell = ambitionOf.get(i.id);
        const n = cell?.n ?? 0;
        const suppressed = n < SMALL_CELL;
        return {
          indicatorId: i.id,
          code: i.code,
          name: i.name,
          nameEn: i.nameEn,
          subfieldCode: subfieldCode.get(i.subfieldId) ?? '',
          kind: i.kind as 'number' | 'boolean',
          unit: i.unit,
          better: i.better,
          plan: i.planComparator !== null && i.planValue !== null ? { comparator: i.planComparator, value: i.planValue } : null,
          n: suppressed ? null : n,
          suppressed,
          beatsPlan: suppressed || !cell ? null : cell.beats / n,
          p25: suppressed || i.kind !== 'number' ? null : quantile(cell?.p25 ?? null),
          median: suppressed || i.kind !== 'number' ? null : quantile(cell?.median ?? null),
          p75: suppressed || i.kind !== 'number' ? null : quantile(cell?.p75 ?? null),
        };
      }),
  };
}

/** The public statistics of a program (by id or code), at most a minute old. */
export async function publicStatistics(ctx: ServiceContext, programIdOrCode: string): Promise<PublicStatistics> {
  const program = await findProgram(ctx, programIdOrCode);
  return cached(ctx, `public:${program.id}`, STATISTICS_TTL_MS, (db, at) => computePublicStatistics(db, program.id, at));
}

const emptyFunnel = (): Record<FunnelStage, number> => Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as Record<FunnelStage, number>;

export async function computeAdminDashboard(db: DbOrTx, programId: string, at: Date): Promise<AdminDashboard> {
  const { dirs } = await catalogueOf(db, programId);
  const funnels = await repo.funnelByDirection(db, programId);
  const statuses = await repo.countsByStatus(db, programId);
  const byDirection = dirs
    .map((d) => {
      const row = funnels.find((f) => f.direction_id === d.id);
      const funnel = emptyFunnel();
      for (const s of FUNNEL_STAGES) funnel[s] = row?.[s] ?? 0;
      return { id: d.id, code: d.code, name: d.name, nameEn: d.nameEn, funnel, retired: d.retired };
    })
    .filter((d) => !d.retired || d.funnel.draft > 0)
    .map(({ retired: _retired, ...d }) => d);
  const funnel = emptyFunnel();
  for (const d of byDirection) for (const s of FUNNEL_STAGES) funnel[s] += d.funnel[s];
  return { programId, computedAt: at.toISOString(), funnel, byDirection, byStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])) };
}

/** The program admin's dashboard: the funnel per direction and the count of every status. `fresh` computes it now. */
export async function adminDashboard(ctx: ServiceContext, programIdOrCode: string, fresh: boolean): Promise<AdminDashboard> {
  const program = await adminProgram(ctx, programIdOrCode);
  return cached(ctx, `admin:${program.id}`, fresh ? 0 : STATISTICS_TTL_MS, (db, at) => computeAdminDashboard(db, program.id, at));
}
