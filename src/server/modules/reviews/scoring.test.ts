// Review arithmetic on hand-computed examples.
import { describe, expect, it } from 'vitest';
import { rank, scoreProblems, spread, weightedTotal, zScores } from './scoring.js';

const criteria = [
  { key: 'advanced', label: '先进性', labelEn: 'Advancement', weight: 40, maxScore: 10 },
  { key: 'feasible', label: '可行性', labelEn: 'Feasibility', weight: 60, maxScore: 5 },
];

describe('review scoring', () => {
  it('weights each criterion by its share of 100 over its own scale', () => {
    // 40 × 7/10 + 60 × 4/5 = 28 + 48
    expect(weightedTotal(criteria, { advanced: 7, feasible: 4 })).toBe(76);
    expect(weightedTotal(criteria, { advanced: 10, feasible: 5 })).toBe(100);
    expect(weightedTotal(criteria, { advanced: 3.5, feasible: 0 })).toBe(14);
  });

  it('names missing, out-of-range and unknown scores', () => {
    expect(scoreProblems(criteria, { advanced: 11, other: 1 }, true)).toEqual([
      { key: 'other', problem: 'unknown' },
      { key: 'advanced', problem: 'range' },
      { key: 'feasible', problem: 'missing' },
    ]);
    expect(scoreProblems(criteria, { advanced: 5 }, false)).toEqual([]);
    expect(scoreProblems(criteria, { feasible: -1 }, false)).toEqual([{ key: 'feasible', problem: 'range' }]);
  });

  it('uses the sample spread', () => {
    expect(spread([60, 90])).toBeCloseTo(21.2132, 4);
    expect(spread([90, 85, 95])).toBe(5);
    expect(spread([70])).toBe(0);
  });

  // E1 is harsh (A 60, B 80: mean 70, spread 14.1421); E2 is lenient (A 90, C 85, D 95: mean 90, spread 5).
  const reviews = [
    { applicationId: 'A', expertId: 'E1', total: 60 },
    { applicationId: 'B', expertId: 'E1', total: 80 },
    { applicationId: 'A', expertId: 'E2', total: 90 },
    { applicationId: 'C', expertId: 'E2', total: 85 },
    { applicationId: 'D', expertId: 'E2', total: 95 },
  ];

  it('turns each review into a z-score on its expert’s own scale', () => {
    const z = [...zScores(reviews).values()].map((v) => Math.round(v * 10_000) / 10_000);
    expect(z).toEqual([-0.7071, 0.7071, 0, -1, 1]);
    expect([...zScores([{ applicationId: 'A', expertId: 'E9', total: 70 }]).values()]).toEqual([0]);
  });

  it('ranks by mean total: D 95, C 85, B 80, A 75', () => {
    const ranked = rank(reviews, 'mean');
    expect(ranked.map((r) => [r.applicationId, r.score, r.rank])).toEqual([
      ['D', 95, 1],
      ['C', 85, 2],
      ['B', 80, 3],
      ['A', 75, 4],
    ]);
    expect(ranked.find((r) => r.applicationId === 'A')).toMatchObject({ reviews: 2, mean: 75, spread: 21.2132, disagreement: true });
    expect(ranked.find((r) => r.applicationId === 'C')).toMatchObject({ reviews: 1, spread: 0, disagreement: false });
  });

  it('ranks by normalised score: C falls to last, its 85 being the lenient expert’s lowest', () => {
    expect(rank(reviews, 'normalized').map((r) => [r.applicationId, r.score, r.rank])).toEqual([
      ['D', 1, 1],
      ['B', 0.7071, 2],
      ['A', -0.3536, 3],
      ['C', -1, 4],
    ]);
  });

  it('gives equal scores the same rank, ordered by the tie order', () => {
    const tied = [
      { applicationId: 'Y', expertId: 'E1', total: 70 },
      { applicationId: 'X', expertId: 'E2', total: 70 },
      { applicationId: 'Z', expertId: 'E3', total: 50 },
    ];
    expect(rank(tied, 'mean').map((r) => [r.applicationId, r.rank])).toEqual([
      ['X', 1],
      ['Y', 1],
      ['Z', 3],
    ]);
  });
});
