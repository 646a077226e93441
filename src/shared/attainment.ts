// Attainment (达成度): whether a measured value meets the committed target and the plan target, by how much, and the
// share of committed targets met (metShare). Pure and shared, so the lab's page, the admin's view, the experts' final
// round and the public winner page all judge alike.
import { beatsPlanTarget } from './ambition.js';
import type { IndicatorValue } from './schemas/applications.js';
import type { PlanTarget } from './schemas/catalogue.js';

export interface JudgedIndicator {
  kind: 'number' | 'boolean' | 'text';
  better: 'higher' | 'lower' | null;
  /** Reference indicators carry the plan's target; custom indicators have none. */
  planTarget: PlanTarget | null;
}

export interface MeasuredValue {
  measured: IndicatorValue;
  /** The lab's judgement, for text indicators (a qualitative level is judged, not compared). */
  judgement: 'met' | 'not_met' | null;
}

/** How far a measured number lies beyond a mark, in the better direction: positive is better than the mark. */
export interface Margin {
  /** In the indicator's unit. */
  delta: number;
  /** delta relative to the mark; null when the mark is 0. */
  ratio: number | null;
}

export interface ItemAttainment {
  /** null: nothing committed (no target, a boolean target of false, an empty text) or nothing measured. */
  metTarget: boolean | null;
  /** null: the plan target is not comparable (a sentence, a text indicator, a custom indicator) or nothing measured. */
  metPlanTarget: boolean | null;
  margin: Margin | null;
  planMargin: Margin | null;
}

const NOTHING: ItemAttainment = { metTarget: null, metPlanTarget: null, margin: null, planMargin: null };

/** Which way is better for a number indicator: its own `better`, else what the plan's comparator implies. */
export function direction(indicator: JudgedIndicator): 'higher' | 'lower' | null {
  if (indicator.better) return indicator.better;
  const c = indicator.planTarget?.comparator;
  if (c === '>' || c === '>=') return 'higher';
  if (c === '<' || c === '<=') return 'lower';
  return null;
}

/** Whether the applicant committed to anything on this indicator. A boolean target of false commits to nothing. */
export function committed(indicator: JudgedIndicator, target: IndicatorValue): boolean {
  if (indicator.kind === 'number') return typeof target === 'number' && Number.isFinite(target);
  if (indicator.kind === 'boolean') return target === true;
  return typeof target === 'string' && target.trim() !== '';
}

function margin(way: 'higher' | 'lower', measured: number, mark: number): Margin {
  const delta = way === 'higher' ? measured - mark : mark - measured;
  return { delta, ratio: mark === 0 ? null : delta / Math.abs(mark) };
}

/** The attainment of one indicator of one application. */
export function judgeItem(indicator: JudgedIndicator, target: IndicatorValue, measurement: MeasuredValue | null): ItemAttainment {
  const measured = measurement?.measured ?? null;
  if (measured === null) return NOTHING;
  const promised = committed(indicator, target);
  if (indicator.kind === 'number') {
    if (typeof measured !== 'number') return NOTHING;
    const way = direction(indicator);
    const vsTarget = promised && way ? margin(way, measured, target as number) : null;
    const plan = indicator.planTarget;
    const comparable = plan && plan.comparator !== undefined && plan.value !== undefined;
    return {
      // Equal to the target meets it: a commitment of 95 % is kept by 95 %.
      metTarget: vsTarget ? vsTarget.delta >= 0 : null,
      metPlanTarget: comparable ? beatsPlanTarget(indicator, measured) : null,
      margin: vsTarget,
      planMargin: comparable ? margin(plan.comparator === '>' || plan.comparator === '>=' ? 'higher' : 'lower', measured, plan.value!) : null,
    };
  }
  if (indicator.kind === 'boolean') {
    if (typeof measured !== 'boolean') return NOTHING;
    return {
      metTarget: promised ? measured : null,
      // A capability in the plan is reached when the measured capability is; custom indicators have no plan.
      metPlanTarget: indicator.planTarget ? beatsPlanTarget(indicator, measured) : null,
      margin: null,
      planMargin: null,
    };
  }
  // A qualitative level: the lab judges it against the commitment and says why.
  const judged = measurement?.judgement ?? null;
  return { metTarget: promised && judged ? judged === 'met' : null, metPlanTarget: null, margin: null, planMargin: null };
}

/** The share of items whose committed target was met, among those where it can be said (null when none can). */
export function metShare(items: ReadonlyArray<{ metTarget: boolean | null }>): number | null {
  const judged = items.filter((i) => i.metTarget !== null);
  if (judged.length === 0) return null;
  return judged.filter((i) => i.metTarget).length / judged.length;
}

/** The criterion key of a final round that the platform fills in from the attainment, never the expert. */
export const MET_SHARE_CRITERION = 'metShare';

/** Whether a criterion of a round is filled in automatically: `metShare` in a round of the evaluation phase. */
export const isAutomaticCriterion = (round: { phase: string }, key: string): boolean => round.phase === 'evaluation' && key === MET_SHARE_CRITERION;

/** The score of the metShare criterion: the share times the criterion's maximum, to two decimals. */
export const metShareScore = (share: number, maxScore: number): number => Math.round(share * maxScore * 100) / 100;
