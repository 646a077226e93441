// Who may see an application's evaluation record (measurements, attainment, test reports, progress reports): its
// owner, the program's admins, the lab measuring it, and the experts who opened it. Everyone else: 404.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/request-context.js';
import { administersProgram, hasRole, type Actor } from '../accounts/actor.js';
import { currentLab, expertMayOpen } from './evaluation.repository.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type EvaluationRole = 'owner' | 'admin' | 'lab' | 'expert';

/** Confirmed finalists: the attack period's reporters, the labs' subjects, the final round's pool. */
export const CONFIRMED_FINALIST_STATUSES = ['finalist_confirmed', 'winner', 'winner_confirmed', 'winner_revoked'] as const;

export const ownsApplication = (actor: Actor | null, app: Pick<ApplicationRow, 'organizationId'>): boolean =>
  hasRole(actor, 'applicant', 'org_admin') && actor!.organizationId !== null && actor!.organizationId === app.organizationId;

/** The caller's part in an application's evaluation, or null when it is none of theirs. */
export async function evaluationRole(ctx: ServiceContext, db: DbOrTx, app: ApplicationRow): Promise<EvaluationRole | null> {
  const actor = ctx.actor;
  if (!actor) return null;
  if (ownsApplication(actor, app)) return 'owner';
  if (administersProgram(actor, app.programId)) return 'admin';
  if (hasRole(actor, 'lab') && (await currentLab(db, app.id))?.a.labId === actor.id) return 'lab';
  if (hasRole(actor, 'expert') && (await expertMayOpen(db, actor.id, app.id))) return 'expert';
  return null;
}

/** The application with the caller's part in its evaluation; NOT_FOUND for anyone without one (or for a draft). */
export async function evaluatedApplication(ctx: ServiceContext, db: DbOrTx, id: string, options: { lock?: boolean; roles?: readonly EvaluationRole[] } = {}) {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [app] = options.lock ? await query.for('update') : await query;
  if (!app || app.status === 'draft') throw new AppError('NOT_FOUND');
  const role = await evaluationRole(ctx, db, app);
  if (!role) throw new AppError('NOT_FOUND');
  if (options.roles && !options.roles.includes(role)) throw new AppError('FORBIDDEN');
  return { app, role };
}
