// The arithmetic of review scores: a review's weighted total, per-application statistics, per-expert normalisation
// (z-scores against harsh or lenient experts), disagreement flags, and the ranking. Pure functions.
import type { ReviewCriterion } from '../../../shared/schemas/catalogue.js';

/** Weighted total on a 0–100 scale: Σ weight × score ÷ maxScore (weights add up to 100). */
export function weightedTotal(criteria: ReviewCriterion[], scores: Record<string, number>): number {
  const total = criteria.reduce((sum, c) => sum + (c.weight * (scores[c.key] ?? 0)) / c.maxScore, 0);
  return Math.round(total * 100) / 100;
}

/** Which criteria lack a score or have one outside 0–maxScore. */
export function scoreProblems(criteria: ReviewCriterion[], scores: Record<string, number>, requireAll: boolean): Array<{ key: string; problem: 'missing' | 'range' | 'unknown' }> {
  const problems: Array<{ key: string; problem: 'missing' | 'range' | 'unknown' }> = [];
  const known = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(scores)) if (!known.has(key)) problems.push({ key, problem: 'unknown' });
  for (const c of criteria) {
    const score = scores[c.key];
    if (score === undefined) {
      if (requireAll) problems.push({ key: c.key, problem: 'missing' });
    } else if (!Number.isFinite(score) || score < 0 || score > c.maxScore) {
      problems.push({ key: c.key, problem: 'range' });
    }
  }
  return problems;
}

export const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function spread(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

export interface SubmittedReview {
  applicationId: string;
  expertId: string;
  total: number;
}

/**
 * Each review's z-score among the same expert's reviews of the round: (total − the expert's mean) ÷ the expert's
 * spread. An expert with fewer than two reviews, or who gave every application the same total, gets 0: there is no
 * scale to correct.
 */
export function zScores(reviews: SubmittedReview[]): Map<SubmittedReview, number> {
  const byExpert = new Map<string, number[]>();
  for (const r of reviews) byExpert.set(r.expertId, [...(byExpert.get(r.expertId) ?? []), r.total]);
  const result = new Map<SubmittedReview, number>();
  for (const r of reviews) {
    const totals = byExpert.get(r.expertId)!;
    const s = spread(totals);
    result.set(r, s === 0 ? 0 : (r.total - mean(totals)) / s);
  }
  return result;
}

/** Totals this far apart (on 0–100) mark a disagreement worth a look. */
export const DISAGREEMENT_RANGE = 30;

export interface RankedApplication {
  applicationId: string;
  reviews: number;
  mean: number;
  spread: number;
  /** Mean of the reviews' z-scores (the experts' own scales taken out). */
  normalized: number;
  /** The score the ranking is by: the mean, or the normalised score. */
  score: number;
  rank: number;
  disagreement: boolean;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Ranks applications by mean total or by normalised score (higher first). Equal scores share a rank (1, 2, 2, 4);
 * `tieOrder` orders them for display (e.g. by receipt number). Applications without a submitted review are left out.
 */
export function rank(
  reviews: SubmittedReview[],
  by: 'mean' | 'normalized',
  tieOrder: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
  /** The z-scores, when computed over more reviews than these (the whole round, for one subfield's ranking). */
  z: Map<SubmittedReview, number> = zScores(reviews),
): RankedApplication[] {
  const byApp = new Map<string, SubmittedReview[]>();
  for (const r of reviews) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
  const rows = [...byApp.entries()].map(([applicationId, list]) => {
    const totals = list.map((r) => r.total);
    const normalized = round4(mean(list.map((r) => z.get(r)!)));
    const m = round4(mean(totals));
    return {
      applicationId,
      reviews: list.length,
      mean: m,
      spread: round4(spread(totals)),
      normalized,
      score: by === 'mean' ? m : normalized,
      rank: 0,
      disagreement: Math.max(...totals) - Math.min(...totals) >= DISAGREEMENT_RANGE,
    };
  });
  rows.sort((a, b) => b.score - a.score || tieOrder(a.applicationId, b.applicationId));
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.score === row.score ? rows[i - 1]!.rank : i + 1));
  return rows;
}
