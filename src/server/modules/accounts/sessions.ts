// Server-side sessions in PostgreSQL: a random token in an HttpOnly cookie, its SHA-256 as the row id; idle and
// absolute timeouts from the security policy; revoked on sign-out, password change and account disable.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { SecurityPolicy } from '../../../shared/schemas/security.js';
import type { DbOrTx } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'jiebang_session';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  origin: { ip: string | null; userAgent: string | null; now: Date },
  policy: SecurityPolicy,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(origin.now.getTime() + policy.sessionAbsoluteHours * 3_600_000);
  await db.insert(sessions).values({
    id: digest(token),
    userId,
    csrfToken,
    createdAt: origin.now,
    lastSeenAt: origin.now,
    expiresAt,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/** The actor behind a cookie token, or null when unknown, expired, idle too long, or the account is disabled. */
export async function resolveSession(db: DbOrTx, token: string, now: Date, policy: SecurityPolicy): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = digest(token);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  const row = rows[0];
  if (!row) return null;
  const { session, user } = row;
  const idleLimit = session.lastSeenAt.getTime() + policy.sessionIdleMinutes * 60_000;
  if (user.disabled || now >= session.expiresAt || now.getTime() >= idleLimit) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute: reads must not turn into a write each.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const passwordAgeDays = (now.getTime() - user.passwordChangedAt.getTime()) / 86_400_000;
  return actorFromUser(user, {
    sessionId: id,
    csrfToken: session.csrfToken,
    mustChangePassword: policy.passwordProfile === 'dengbao' && passwordAgeDays > policy.passwordMaxAgeDays,
  });
}

/** The actor a user row stands for, with its session's parts (empty before a session exists, e.g. at sign-in). */
export function actorFromUser(
  user: typeof users.$inferSelect,
  session: Pick<Actor, 'sessionId' | 'csrfToken' | 'mustChangePassword'> = { sessionId: '', csrfToken: '', mustChangePassword: false },
): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    organizationId: user.organizationId,
    recommenderId: user.recommenderId,
    programIds: user.programIds,
    ...session,
  };
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except (optionally) the one making the change. */
export async function revokeUserSessions(db: DbOrTx, userId: string, keepSessionId?: string): Promise<number> {
  const where = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  const deleted = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

export async function pruneExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now.toISOString()}`);
}
