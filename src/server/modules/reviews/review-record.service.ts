// The application's review record for program admins: per round its experts (recused with the reason, or reviewed
// with the total) and its defence sessions and on-site visits.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { reviewAssignments, reviewRounds, reviews, users } from '../../db/schema/index.js';
import type { ServiceContext } from '../../http/request-context.js';
import { visibleApplication } from '../applications/applications.service.js';
import { adminProgramOfHidden } from '../assignment/assignment.service.js';
import { listEvents } from './review-events.service.js';

/** The application's review record, round by round: who was assigned, declined or reviewed (with the totals), and
 * its defence sessions and on-site visits. For the program's admins. */
export async function reviewRecord(ctx: ServiceContext, applicationId: string) {
  // Only applications the caller may see (never drafts, never another program's).
  const app = await visibleApplication(ctx, ctx.db, applicationId);
  const program = await adminProgramOfHidden(ctx, app.programId);
  const [rounds, assigned, events] = await Promise.all([
    ctx.db.select().from(reviewRounds).where(eq(reviewRounds.programId, program.id)).orderBy(asc(reviewRounds.position)),
    ctx.db
      .select({ a: reviewAssignments, expertName: users.name, review: reviews })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.expertId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(and(eq(reviewAssignments.applicationId, applicationId), inArray(reviewAssignments.status, ['released', 'declined']))),
    listEvents(ctx, program.id, { applicationId }),
  ]);
  return {
    rounds: rounds
      .map((r) => ({
        key: r.key,
        name: ctx.lang === 'en' && r.nameEn ? r.nameEn : r.name,
        reviews: assigned
          .filter((x) => x.a.round === r.key)
          .map((x) => ({
            expertName: x.expertName,
            status: x.a.status,
            conflictReason: x.a.conflictReason,
            state: x.review?.state ?? null,
            total: x.review?.state === 'submitted' ? x.review.total : null,
            submittedAt: x.review?.submittedAt?.toISOString() ?? null,
          })),
        events: events.items.filter((e) => e.round === r.key),
      }))
      .filter((r) => r.reviews.length > 0 || r.events.length > 0),
  };
}
