// How ambitious a committed target is: whether it beats the plan target, and how far it moves from the current level.
// Shared, so the form shows the same judgement as the server stores and the review sees.
import type { IndicatorValue } from './schemas/applications.js';
import type { PlanTarget } from './schemas/catalogue.js';

interface Judged {
  kind: 'number' | 'boolean' | 'text';
  better: 'higher' | 'lower' | null;
  planTarget: PlanTarget | null;
}

/** true or false when comparable; null when the plan target has no comparator (a sentence) or the target is missing.
 * A boolean target reaches the plan when it is true (the capability is reached). */
export function beatsPlanTarget(indicator: Judged, target: IndicatorValue): boolean | null {
  if (target === null) return null;
  if (indicator.kind === 'boolean') return typeof target === 'boolean' ? target : null;
  if (indicator.kind !== 'number' || typeof target !== 'number') return null;
  const plan = indicator.planTarget;
  if (!plan || plan.comparator === undefined || plan.value === undefined) return null;
  switch (plan.comparator) {
    case '>':
      return target > plan.value;
    case '>=':
      return target >= plan.value;
    case '<':
      return target < plan.value;
    case '<=':
      return target <= plan.value;
  }
}

/** The improvement a number target commits to over the current level, in the direction that is better: the
 * difference in the indicator's unit and, when the current level is not zero, the relative change. */
export function improvement(indicator: Judged, current: IndicatorValue, target: IndicatorValue): { delta: number; ratio: number | null } | null {
  if (indicator.kind !== 'number' || typeof current !== 'number' || typeof target !== 'number' || !indicator.better) return null;
  const delta = indicator.better === 'higher' ? target - current : current - target;
  return { delta, ratio: current === 0 ? null : delta / Math.abs(current) };
}
