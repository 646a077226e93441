// The rules of a catalogue that no single field can check: indicator typing, quotas, unique keys, criteria weights.
// Pure functions returning located problems; the document import and the catalogue editor share them.
import type { IndicatorFields, ReviewRoundFields, SectionFields } from '../../../shared/schemas/program-document.js';
import type { Localized } from '../../http/app-error.js';

export type Problem = { path: string; message: Localized };

const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

export function winnersProblems(finalists: number, winners: number, path: string): Problem[] {
  return winners > finalists ? [{ path, message: { zh: '优胜名额不能多于入围名额', en: 'There cannot be more winners than finalists' } }] : [];
}

/** A number indicator has a unit and a better direction; only number indicators take a comparator. */
export function indicatorProblems(ind: IndicatorFields, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  if (ind.kind === 'number') {
    if (!ind.unit) problems.push({ path: at(prefix, 'unit'), message: { zh: '数值指标须有单位', en: 'A number indicator needs a unit' } });
    if (!ind.better) {
      problems.push({ path: at(prefix, 'better'), message: { zh: '数值指标须说明越高越好还是越低越好', en: 'A number indicator needs higher or lower is better' } });
    }
  } else {
    if (ind.better) problems.push({ path: at(prefix, 'better'), message: { zh: '只有数值指标有方向', en: 'Only number indicators have a better direction' } });
    if (ind.unit) problems.push({ path: at(prefix, 'unit'), message: { zh: '只有数值指标有单位', en: 'Only number indicators have a unit' } });
  }
  const target = ind.planTarget;
  if (ind.unit === '%' && target?.value !== undefined && (target.value < 0 || target.value > 100)) {
    problems.push({ path: at(prefix, 'planTarget.value'), message: { zh: '百分比须在 0 到 100 之间', en: 'A percentage lies between 0 and 100' } });
  }
  if (target && (target.comparator === undefined) !== (target.value === undefined)) {
    problems.push({ path: at(prefix, 'planTarget'), message: { zh: '比较符和数值须同时给出', en: 'A comparator and a value go together' } });
  }
  if (target?.comparator !== undefined && ind.kind !== 'number') {
    problems.push({ path: at(prefix, 'planTarget.comparator'), message: { zh: '只有数值指标可以有比较符', en: 'Only number indicators take a comparator' } });
  }
  return problems;
}

/** Each key once in a list; the repeat is reported where it occurs. */
export function repeatedKeys(keys: string[], pathOf: (index: number) => string, what: Localized): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  keys.forEach((key, i) => {
    if (seen.has(key)) problems.push({ path: pathOf(i), message: { zh: `${what.zh}重复：${key}`, en: `This ${what.en} repeats: ${key}` } });
    seen.add(key);
  });
  return problems;
}

export function sectionsProblems(sections: SectionFields[], prefix = 'sections'): Problem[] {
  return repeatedKeys(
    sections.map((s) => s.key),
    (i) => `${prefix}.${i}.key`,
    { zh: '章节键', en: 'section key' },
  );
}

/** Criterion keys are unique in a round and the weights of a round add up to 100. */
export function reviewRoundProblems(round: ReviewRoundFields, prefix = ''): Problem[] {
  const problems = repeatedKeys(
    round.criteria.map((c) => c.key),
    (i) => at(prefix, `criteria.${i}.key`),
    { zh: '评审标准键', en: 'criterion key' },
  );
  const total = round.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (round.criteria.length > 0 && Math.abs(total - 100) > 1e-6) {
    problems.push({
      path: at(prefix, 'criteria'),
      message: { zh: `各项权重之和须为 100（现为 ${Number(total.toFixed(4))}）`, en: `The weights must add up to 100 (now ${Number(total.toFixed(4))})` },
    });
  }
  return problems;
}
