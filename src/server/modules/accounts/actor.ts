// The signed-in caller as services see it.
import type { Role, SessionUser } from '../../../shared/schemas/system.js';

export interface Actor extends SessionUser {
  organizationId: string | null;
  recommenderId: string | null;
  /** Programs a program admin is granted; null means all programs. */
  programIds: string[] | null;
  sessionId: string;
  csrfToken: string;
  /** The password is older than the policy allows (等保 profile): only a password change is possible. */
  mustChangePassword: boolean;
}

export const hasRole = (actor: Pick<Actor, 'roles'> | null, ...roles: Role[]): boolean =>
  actor !== null && roles.some((r) => actor.roles.includes(r));

/** Whether a program admin may act in this program. */
export const administersProgram = (actor: Actor | null, programId: string): boolean =>
  hasRole(actor, 'program_admin') && (actor!.programIds === null || actor!.programIds.includes(programId));
