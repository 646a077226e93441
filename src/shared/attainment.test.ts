// Attainment: higher- and lower-is-better numbers against every comparator (edges included), booleans, texts judged by
// the lab, nothing committed or nothing measured, and the share of targets met.
import { describe, expect, it } from 'vitest';
import { committed, direction, isAutomaticCriterion, judgeItem, metShare, metShareScore, type JudgedIndicator } from './attainment.js';
import type { PlanTarget } from './schemas/catalogue.js';

const number = (better: 'higher' | 'lower' | null, planTarget: PlanTarget | null = null): JudgedIndicator => ({ kind: 'number', better, planTarget });
const plan = (comparator: PlanTarget['comparator'], value: number): PlanTarget => ({ text: `${comparator}${value}`, comparator, value });
const m = (measured: number | boolean | string | null, judgement: 'met' | 'not_met' | null = null) => ({ measured, judgement });

describe('number indicators against the committed target', () => {
  it('higher is better: above and equal meet, below does not, with the margin', () => {
    const ind = number('higher');
    expect(judgeItem(ind, 100, m(120))).toMatchObject({ metTarget: true, margin: { delta: 20, ratio: 0.2 } });
    expect(judgeItem(ind, 100, m(100))).toMatchObject({ metTarget: true, margin: { delta: 0, ratio: 0 } });
    expect(judgeItem(ind, 100, m(99.5))).toMatchObject({ metTarget: false, margin: { delta: -0.5, ratio: -0.005 } });
  });

  it('lower is better: below and equal meet, above does not, the margin positive when better', () => {
    const ind = number('lower');
    expect(judgeItem(ind, 10, m(8))).toMatchObject({ metTarget: true, margin: { delta: 2, ratio: 0.2 } });
    expect(judgeItem(ind, 10, m(10))).toMatchObject({ metTarget: true, margin: { delta: 0 } });
    expect(judgeItem(ind, 10, m(12))).toMatchObject({ metTarget: false, margin: { delta: -2, ratio: -0.2 } });
  });

  it('a target of zero has a margin but no ratio; negative targets keep the direction', () => {
    expect(judgeItem(number('lower'), 0, m(0.1))).toMatchObject({ metTarget: false, margin: { delta: -0.1, ratio: null } });
    expect(judgeItem(number('higher'), -5, m(-4))).toMatchObject({ metTarget: true, margin: { delta: 1, ratio: 0.2 } });
  });

  it('takes the direction from the plan comparator when the indicator has none, and is null without either', () => {
    expect(direction(number(null, plan('<=', 1)))).toBe('lower');
    expect(direction(number(null, plan('>', 1)))).toBe('higher');
    expect(judgeItem(number(null, plan('<', 5)), 4, m(3)).metTarget).toBe(true);
    expect(judgeItem(number(null), 4, m(3))).toMatchObject({ metTarget: null, margin: null });
  });

  it('is null when nothing was committed or nothing measured, or the value is of the wrong kind', () => {
    expect(judgeItem(number('higher', plan('>=', 90)), null, m(95))).toMatchObject({ metTarget: null, metPlanTarget: true });
    expect(judgeItem(number('higher', plan('>=', 90)), 90, null)).toEqual({ metTarget: null, metPlanTarget: null, margin: null, planMargin: null });
    expect(judgeItem(number('higher', plan('>=', 90)), 90, m(null))).toMatchObject({ metTarget: null, metPlanTarget: null });
    expect(judgeItem(number('higher'), 90, m('95'))).toMatchObject({ metTarget: null, metPlanTarget: null });
  });
});

describe('number indicators against the plan target', () => {
  // Every comparator, just above, equal to and just below the plan value.
  const cases: Array<[PlanTarget['comparator'], number, boolean]> = [
    ['>', 95.01, true],
    ['>', 95, false],
    ['>', 94.99, false],
    ['>=', 95.01, true],
    ['>=', 95, true],
    ['>=', 94.99, false],
    ['<', 0.99, true],
    ['<', 1, false],
    ['<', 1.01, false],
    ['<=', 0.99, true],
    ['<=', 1, true],
    ['<=', 1.01, false],
  ];
  it.each(cases)('plan %s: measured %s meets it: %s', (comparator, measured, expected) => {
    const value = comparator === '>' || comparator === '>=' ? 95 : 1;
    const better = comparator === '>' || comparator === '>=' ? 'higher' : 'lower';
    const result = judgeItem(number(better, plan(comparator, value)), value, m(measured));
    expect(result.metPlanTarget).toBe(expected);
    // Equal to the plan value meets the committed target of the same value (≥ or ≤), whatever the comparator.
    expect(result.metTarget).toBe(better === 'higher' ? measured >= value : measured <= value);
    expect(Math.sign(result.planMargin!.delta)).toBe(measured === value ? 0 : (better === 'higher') === measured > value ? 1 : -1);
  });

  it('is null when the plan target is a sentence or missing', () => {
    expect(judgeItem(number('higher', { text: '国际先进水平' }), 10, m(12))).toMatchObject({ metTarget: true, metPlanTarget: null, planMargin: null });
    expect(judgeItem(number('higher', null), 10, m(12)).metPlanTarget).toBeNull();
  });

  it('meets the plan and misses the target, or the other way round, independently', () => {
    const ind = number('higher', plan('>=', 90));
    expect(judgeItem(ind, 98, m(93))).toMatchObject({ metTarget: false, metPlanTarget: true });
    expect(judgeItem(number('lower', plan('<', 5)), 6, m(5.5))).toMatchObject({ metTarget: true, metPlanTarget: false });
  });
});

describe('boolean indicators', () => {
  const ind: JudgedIndicator = { kind: 'boolean', better: null, planTarget: { text: '通过车规级认证' } };
  it('a committed capability is met when reached', () => {
    expect(judgeItem(ind, true, m(true))).toMatchObject({ metTarget: true, metPlanTarget: true, margin: null });
    expect(judgeItem(ind, true, m(false))).toMatchObject({ metTarget: false, metPlanTarget: false });
  });
  it('a target of false commits to nothing: metTarget is null, the plan is still judged', () => {
    expect(committed(ind, false)).toBe(false);
    expect(judgeItem(ind, false, m(true))).toMatchObject({ metTarget: null, metPlanTarget: true });
    expect(judgeItem(ind, null, m(false))).toMatchObject({ metTarget: null, metPlanTarget: false });
  });
  it('custom boolean indicators have no plan target', () => {
    expect(judgeItem({ kind: 'boolean', better: null, planTarget: null }, true, m(true))).toMatchObject({ metTarget: true, metPlanTarget: null });
  });
});

describe('text indicators', () => {
  const ind: JudgedIndicator = { kind: 'text', better: null, planTarget: { text: 'ASIL-D' } };
  it('follow the lab’s judgement against the committed level; the plan is not comparable', () => {
    expect(judgeItem(ind, 'ASIL-D', m('ASIL-D', 'met'))).toMatchObject({ metTarget: true, metPlanTarget: null });
    expect(judgeItem(ind, 'ASIL-D', m('ASIL-B', 'not_met'))).toMatchObject({ metTarget: false, metPlanTarget: null });
  });
  it('are null with no level committed (empty or blank) or no judgement', () => {
    expect(judgeItem(ind, '  ', m('ASIL-B', 'met')).metTarget).toBeNull();
    expect(judgeItem(ind, null, m('ASIL-B', 'met')).metTarget).toBeNull();
    expect(judgeItem(ind, 'ASIL-D', m('ASIL-D')).metTarget).toBeNull();
  });
});

describe('metShare', () => {
  it('is the share met among the items where it can be said', () => {
    expect(metShare([{ metTarget: true }, { metTarget: false }, { metTarget: null }, { metTarget: true }])).toBeCloseTo(2 / 3, 12);
    expect(metShare([{ metTarget: true }])).toBe(1);
    expect(metShare([{ metTarget: false }, { metTarget: false }])).toBe(0);
  });
  it('is null when nothing can be said', () => {
    expect(metShare([])).toBeNull();
    expect(metShare([{ metTarget: null }, { metTarget: null }])).toBeNull();
  });
  it('scores the criterion as share × maximum, to two decimals, only in evaluation rounds', () => {
    expect(metShareScore(2 / 3, 10)).toBe(6.67);
    expect(metShareScore(1, 10)).toBe(10);
    expect(metShareScore(0, 10)).toBe(0);
    expect(isAutomaticCriterion({ phase: 'evaluation' }, 'metShare')).toBe(true);
    expect(isAutomaticCriterion({ phase: 'review' }, 'metShare')).toBe(false);
    expect(isAutomaticCriterion({ phase: 'evaluation' }, 'level')).toBe(false);
  });
});
