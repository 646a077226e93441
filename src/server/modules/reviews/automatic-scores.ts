// Criteria the platform scores itself, never the expert: `metShare` of a final-evaluation round, the share of the
// committed targets the lab measured as met, times the criterion's maximum. Kept current when measurements change.
import { and, eq } from 'drizzle-orm';
import { isAutomaticCriterion, metShareScore } from '../../../shared/attainment.js';
import type { ReviewCriterion } from '../../../shared/schemas/catalogue.js';
import type { DbOrTx } from '../../db/client.js';
import { applications, reviewAssignments, reviewRounds, reviews } from '../../db/schema/index.js';
import { applicationMetShare } from '../evaluation/attainment.service.js';
import { weightedTotal } from './scoring.js';

interface RoundLike {
  phase: string;
  criteria: ReviewCriterion[];
}

export const automaticCriteria = (round: RoundLike): ReviewCriterion[] => round.criteria.filter((c) => isAutomaticCriterion(round, c.key));

/** The automatic scores of a round for an application, from a metShare (null: cannot be computed yet). */
export function automaticScoresFrom(round: RoundLike, share: number | null): Record<string, number> {
  return share === null ? {} : Object.fromEntries(automaticCriteria(round).map((c) => [c.key, metShareScore(share, c.maxScore)]));
}

/** The automatic scores of a round for an application now. In a transaction, the application's share lock waits for
 * a lab's save in progress (which holds it for update), so a review never keeps a metShare older than the last save. */
export async function automaticScores(db: DbOrTx, round: RoundLike, applicationId: string): Promise<Record<string, number>> {
  if (automaticCriteria(round).length === 0) return {};
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId)).for('share');
  return app ? automaticScoresFrom(round, await applicationMetShare(db, app)) : {};
}

/** The typed scores without the automatic criteria, then the automatic ones as computed. */
export function mergeScores(round: RoundLike, typed: Record<string, number>, automatic: Record<string, number>): Record<string, number> {
  const auto = new Set(automaticCriteria(round).map((c) => c.key));
  return { ...Object.fromEntries(Object.entries(typed).filter(([k]) => !auto.has(k))), ...automatic };
}

export interface RefreshedScore {
  assignmentId: string;
  round: string;
  before: Record<string, number>;
  after: Record<string, number>;
  total: number | null;
}

/**
 * Brings every review of the application in rounds with automatic criteria (drafts and submitted ones) in line with
 * a new metShare, in the caller's transaction; a submitted review's total follows. Returns what changed, for the
 * caller's audit record.
 */
export async function refreshAutomaticScores(tx: DbOrTx, applicationId: string, share: number | null, now: Date): Promise<RefreshedScore[]> {
  const rows = await tx
    .select({ review: reviews, round: reviewRounds })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(reviewRounds, and(eq(reviewRounds.programId, reviewAssignments.programId), eq(reviewRounds.key, reviewAssignments.round)))
    .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewRounds.phase, 'evaluation')))
    .for('update', { of: reviews });
  const changed: RefreshedScore[] = [];
  for (const { review, round } of rows) {
    if (automaticCriteria(round).length === 0) continue;
    const after = mergeScores(round, review.scores, automaticScoresFrom(round, share));
    const same = automaticCriteria(round).every((c) => review.scores[c.key] === after[c.key]);
    if (same) continue;
    const total = review.state === 'submitted' ? weightedTotal(round.criteria, after) : null;
    await tx
      .update(reviews)
      .set({ scores: after, ...(total !== null ? { total } : {}), updatedAt: now })
      .where(eq(reviews.assignmentId, review.assignmentId));
    changed.push({ assignmentId: review.assignmentId, round: round.key, before: review.scores, after, total });
  }
  return changed;
}
