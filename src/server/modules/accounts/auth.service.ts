// Sign-in and sign-out. Failures are counted per e-mail whether or not the account exists, so neither the answer
// nor the lockout reveals which e-mails are registered.
import { AppError } from '../../http/app-error.js';
import { clearRateLimit, countInWindow, hitRateLimit, pruneRateLimits } from '../../http/rate-limit.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { readSecurityPolicy } from '../security/security.repository.js';
import * as repo from './accounts.repository.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { actorFromUser, createSession, pruneExpiredSessions, revokeSession, type NewSession } from './sessions.js';

const WRONG = { zh: '邮箱或密码错误', en: 'Wrong e-mail or password' };

export async function login(ctx: ServiceContext, input: { email: string; password: string }) {
  const policy = await readSecurityPolicy(ctx.db);
  const failKey = `login-fail:${input.email.toLowerCase()}`;
  const windowMs = policy.lockoutMinutes * 60_000;
  // A generous per-address budget against spraying many accounts from one place.
  await hitRateLimit(ctx.db, { key: `login:ip:${ctx.ip}`, max: 300, windowMs: 3_600_000 }, ctx.now);

  if ((await countInWindow(ctx.db, failKey, windowMs, ctx.now)) >= policy.lockoutThreshold) {
    await audit(ctx, ctx.db, { action: 'auth.login', objectType: 'account', objectId: input.email, result: 'denied', details: { reason: 'locked' } });
    const retryAfter = Math.ceil((Math.floor(ctx.now.getTime() / windowMs) * windowMs + windowMs - ctx.now.getTime()) / 1000);
    throw new AppError(
      'RATE_LIMITED',
      { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
      { headers: { 'retry-after': String(Math.max(1, retryAfter)) } },
    );
  }

  const user = await repo.findUserByEmail(ctx.db, input.email);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  if (!user || !ok || user.disabled) {
    await hitRateLimit(ctx.db, { key: failKey, max: Number.MAX_SAFE_INTEGER, windowMs }, ctx.now);
    await audit(ctx, ctx.db, {
      action: 'auth.login',
      objectType: 'account',
      objectId: input.email,
      result: 'failed',
      details: { reason: !user ? 'unknown' : user.disabled ? 'disabled' : 'password' },
    });
    throw new AppError('UNAUTHENTICATED', WRONG);
  }

  const session: NewSession = await ctx.db.transaction(async (tx) => {
    const created = await createSession(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent, now: ctx.now }, policy);
    await repo.updateUser(tx, user.id, { lastLoginAt: ctx.now });
    await audit({ ...ctx, actor: actorFromUser(user) }, tx, { action: 'auth.login', objectType: 'user', objectId: user.id });
    return created;
  });
  await clearRateLimit(ctx.db, failKey);
  await pruneExpiredSessions(ctx.db, ctx.now);
  await pruneRateLimits(ctx.db, ctx.now);
  return { user: { id: user.id, name: user.name, email: user.email, roles: user.roles, recommenderId: user.recommenderId }, session };
}

export async function logout(ctx: ServiceContext): Promise<void> {
  const actor = ctx.actor!;
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId);
    await audit(ctx, tx, { action: 'auth.logout', objectType: 'user', objectId: actor.id });
  });
}
