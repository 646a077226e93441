// Public statistics of a program, the admin dashboard's funnel and every role's to-do list (待办), as served.
import { z } from 'zod';
import { FUNNEL_STAGES } from '../vocabulary.js';
import { ORGANIZATION_KIND_VALUES } from './accounts.js';

/** A cell with fewer applications than this is not shown, so no single applicant's targets can be inferred. */
export const SMALL_CELL = 3;

const named = { code: z.string(), name: z.string(), nameEn: z.string() };

export const publicStatistics = z.object({
  programId: z.string(),
  computedAt: z.string(),
  totals: z.object({ applications: z.number().int(), organizations: z.number().int(), regions: z.number().int(), recommenders: z.number().int() }),
  byDirection: z.array(
    z.object({
      ...named,
      id: z.string(),
      group: z.string(),
      count: z.number().int(),
      subfields: z.array(z.object({ ...named, id: z.string(), count: z.number().int() })),
    }),
  ),
  /** Province-level regions (and the Corps) with at least one application. */
  byRegion: z.array(z.object({ regionCode: z.string(), name: z.string(), nameEn: z.string(), mapName: z.string(), count: z.number().int() })),
  byKind: z.array(z.object({ kind: z.enum(ORGANIZATION_KIND_VALUES), count: z.number().int() })),
  recommenders: z.object({
    byKind: z.array(z.object({ kind: z.enum(['province', 'central_enterprise', 'association']), units: z.number().int(), applications: z.number().int(), recommended: z.number().int() })),
    /** Units with at least one application, most applications first. */
    units: z.array(z.object({ name: z.string(), kind: z.string(), applications: z.number().int(), recommended: z.number().int() })),
  }),
  /** How ambitious the committed targets are against the plan target, per reference indicator that has a comparable
   * plan target (numbers with a comparator; capabilities reached or not). Cells under SMALL_CELL are suppressed. */
  ambition: z.array(
    z.object({
      indicatorId: z.string(),
      ...named,
      subfieldCode: z.string(),
      kind: z.enum(['number', 'boolean']),
      unit: z.string(),
      better: z.enum(['higher', 'lower']).nullable(),
      plan: z.object({ comparator: z.string(), value: z.number() }).nullable(),
      /** Applications in the cell (with a target); null when suppressed. */
      n: z.number().int().nullable(),
      suppressed: z.boolean(),
      /** Share of targets that beat the plan target (for capabilities: committed to reach it), 0–1. */
      beatsPlan: z.number().nullable(),
      p25: z.number().nullable(),
      median: z.number().nullable(),
      p75: z.number().nullable(),
    }),
  ),
});
export type PublicStatistics = z.infer<typeof publicStatistics>;

export { FUNNEL_STAGES };
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
const funnelCounts = z.object(Object.fromEntries(FUNNEL_STAGES.map((s) => [s, z.number().int()])) as Record<FunnelStage, z.ZodNumber>);

export const adminDashboard = z.object({
  programId: z.string(),
  computedAt: z.string(),
  funnel: funnelCounts,
  byDirection: z.array(z.object({ ...named, id: z.string(), funnel: funnelCounts })),
  byStatus: z.record(z.string(), z.number().int()),
});
export type AdminDashboard = z.infer<typeof adminDashboard>;

/** What a signed-in user has to do next. `key` names the message; `link` is the page where it is done. */
export const TO_DO_KEYS = [
  'drafts',
  'returned',
  'toDecide',
  'batchPending',
  'toDeclare',
  'toReview',
  'formalCheck',
  'toAssign',
  'unreleased',
  'objections',
  'toPublish',
  'progressDue',
  'progressToReview',
  'labsToAssign',
  'toMeasure',
  'recommendersWithoutAccount',
  'lockedAccounts',
  'policyDefault',
  'auditUnverified',
] as const;
export type TodoKey = (typeof TO_DO_KEYS)[number];

export const todoItem = z.object({
  key: z.enum(TO_DO_KEYS),
  count: z.number().int(),
  /** When it must be done by (a phase or round closing), if anything sets one. */
  deadline: z.string().nullable(),
  link: z.string(),
  programId: z.string().nullable(),
  programTitle: z.string().nullable(),
  programTitleEn: z.string().nullable(),
});
export type TodoItem = z.infer<typeof todoItem>;
export const todoResponse = z.object({ items: z.array(todoItem), nextDeadline: z.string().nullable() });
export type TodoResponse = z.infer<typeof todoResponse>;
