// Values of the indicator table, typed by the indicator's kind: numbers in sane bounds (a percentage within 0–100),
// reached / not reached for boolean indicators, a short text for qualitative ones.
import { APPLICATION_LIMITS, type IndicatorValue } from '../../../shared/schemas/applications.js';
import type { Problem } from '../programs/catalogue-rules.js';

interface Typed {
  kind: 'number' | 'boolean' | 'text';
  unit: string;
}

/** The problem with a value for this indicator, or null when it fits (null itself fits: not filled in yet). */
export function valueProblem(indicator: Typed, value: IndicatorValue | undefined, path: string): Problem | null {
  if (value === null || value === undefined) return null;
  if (indicator.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return { path, message: { zh: '应为数字', en: 'must be a number' } };
    if (Math.abs(value) > APPLICATION_LIMITS.maxMagnitude) return { path, message: { zh: '数值超出合理范围', en: 'is out of any sensible range' } };
    if (indicator.unit === '%' && (value < 0 || value > 100)) return { path, message: { zh: '百分比须在 0 到 100 之间', en: 'a percentage lies between 0 and 100' } };
    return null;
  }
  if (indicator.kind === 'boolean') {
    return typeof value === 'boolean' ? null : { path, message: { zh: '应为“达到”或“未达到”', en: 'must be reached or not reached' } };
  }
  if (typeof value !== 'string') return { path, message: { zh: '应为文字', en: 'must be text' } };
  if (value.length > APPLICATION_LIMITS.indicatorText) {
    return { path, message: { zh: `不能超过 ${APPLICATION_LIMITS.indicatorText} 个字`, en: `at most ${APPLICATION_LIMITS.indicatorText} characters` } };
  }
  return null;
}

/** At submission every value is there (a blank text counts as missing). */
export function missing(value: IndicatorValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
