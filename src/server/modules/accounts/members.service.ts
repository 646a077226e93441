// Account administration beyond creation: listing, disabling, reset links, organization members and invitations.
import { desc, eq, sql } from 'drizzle-orm';
import { ADMIN_ROLES, type UserSummary } from '../../../shared/schemas/accounts.js';
import { users } from '../../db/schema/index.js';
import { AppError, invalidFields } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { readSecurityPolicy } from '../security/security.repository.js';
import { hasRole, type Actor } from './actor.js';
import * as repo from './accounts.repository.js';
import { consumeLink, issueLink } from './one-time-links.js';
import { hashPassword, passwordProblem } from './password.js';
import { createSession, revokeUserSessions } from './sessions.js';

const summary = (u: repo.UserRow): UserSummary => ({
  id: u.id,
  name: u.name,
  email: u.email,
  roles: u.roles,
  disabled: u.disabled,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

const isAdminAccount = (u: Pick<repo.UserRow, 'roles'>) => u.roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r));
const isApplicantAccount = (u: Pick<repo.UserRow, 'roles'>) => u.roles.some((r) => r === 'applicant' || r === 'org_admin');

/** Whose account an actor may manage: the system admin all; a program admin the accounts it creates; an org admin its members. */
export function canManageUser(actor: Actor, user: repo.UserRow): boolean {
  if (hasRole(actor, 'system_admin')) return true;
  if (hasRole(actor, 'program_admin') && !isAdminAccount(user) && !isApplicantAccount(user)) return true;
  return hasRole(actor, 'org_admin') && user.organizationId !== null && user.organizationId === actor.organizationId;
}

async function manageableUser(ctx: ServiceContext, userId: string): Promise<repo.UserRow> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user || !canManageUser(ctx.actor!, user)) throw new AppError('NOT_FOUND');
  return user;
}

export async function listManageableUsers(ctx: ServiceContext): Promise<UserSummary[]> {
  const actor = ctx.actor!;
  const rows = hasRole(actor, 'system_admin', 'program_admin', 'security_admin')
    ? await ctx.db.select().from(users).orderBy(desc(users.createdAt)).limit(2000)
    : await ctx.db.select().from(users).where(eq(users.organizationId, actor.organizationId ?? '00000000-0000-0000-0000-000000000000')).orderBy(desc(users.createdAt));
  // The security admin sees every account (to end its sessions) but manages none of them.
  return rows.filter((u) => hasRole(actor, 'security_admin') || canManageUser(actor, u)).map(summary);
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setUserDisabled(ctx: ServiceContext, userId: string, disabled: boolean): Promise<void> {
  const user = await manageableUser(ctx, userId);
  if (user.id === ctx.actor!.id) {
    throw invalidFields([{ path: 'disabled', message: { zh: '不能停用自己的账户', en: 'You cannot disable your own account' } }]);
  }
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { disabled });
    const ended = disabled ? await revokeUserSessions(tx, user.id) : 0;
    await audit(ctx, tx, { action: disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectId: user.id, details: { endedSessions: ended } });
  });
}

/** A one-time password-reset link for an account the actor manages (copied from the page until e-mail exists). */
export async function createResetLink(ctx: ServiceContext, userId: string) {
  const user = await manageableUser(ctx, userId);
  return ctx.db.transaction(async (tx) => {
    const link = await issueLink(tx, { purpose: 'reset', email: user.email, userId: user.id, createdBy: ctx.actor!.id, now: ctx.now });
    await audit(ctx, tx, { action: 'user.reset_link', objectType: 'user', objectId: user.id });
    return { path: link.path, expiresAt: link.expiresAt.toISOString() };
  });
}

/** Sets a new password through a reset link; every session of the account ends. */
export async function resetPassword(ctx: ServiceContext, input: { token: string; password: string }): Promise<void> {
  const policy = await readSecurityPolicy(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const link = await consumeLink(tx, input.token, 'reset', ctx.now);
    const weak = passwordProblem(input.password, link.email, policy.passwordProfile);
    if (weak) throw invalidFields([{ path: 'password', message: weak }]);
    await repo.updateUser(tx, link.userId!, { passwordHash: await hashPassword(input.password), passwordChangedAt: ctx.now });
    const ended = await revokeUserSessions(tx, link.userId!);
    await audit(ctx, tx, { action: 'user.password_reset', objectType: 'user', objectId: link.userId!, details: { endedSessions: ended } });
  });
}

/** The organization admin invites a colleague: a one-time link that creates an applicant account in the organization. */
export async function inviteMember(ctx: ServiceContext, input: { email: string }) {
  const actor = ctx.actor!;
  if (!actor.organizationId) throw new AppError('FORBIDDEN');
  if (await repo.findUserByEmail(ctx.db, input.email)) {
    throw new AppError('CONFLICT', { zh: `邮箱 ${input.email} 已有账户`, en: `The e-mail ${input.email} already has an account` });
  }
  return ctx.db.transaction(async (tx) => {
    const link = await issueLink(tx, { purpose: 'invite', email: input.email, organizationId: actor.organizationId!, createdBy: actor.id, now: ctx.now });
    await audit(ctx, tx, { action: 'organization.invite', objectType: 'organization', objectId: actor.organizationId!, details: { email: input.email } });
    return { path: link.path, expiresAt: link.expiresAt.toISOString() };
  });
}

/** Accepting an invitation creates the colleague's account (role applicant) and signs them in. */
export async function acceptInvitation(ctx: ServiceContext, input: { token: string; name: string; phone: string; password: string }) {
  const policy = await readSecurityPolicy(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const link = await consumeLink(tx, input.token, 'invite', ctx.now);
    const weak = passwordProblem(input.password, link.email, policy.passwordProfile);
    if (weak) throw invalidFields([{ path: 'password', message: weak }]);
    if (await repo.findUserByEmail(tx, link.email)) {
      throw new AppError('CONFLICT', { zh: `邮箱 ${link.email} 已有账户`, en: `The e-mail ${link.email} already has an account` });
    }
    const user = await repo.insertUser(tx, {
      email: link.email,
      name: input.name,
      phone: input.phone,
      passwordHash: await hashPassword(input.password),
      roles: ['applicant'],
      organizationId: link.organizationId,
      passwordChangedAt: ctx.now,
    });
    const session = await createSession(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent, now: ctx.now }, policy);
    await audit(ctx, tx, { action: 'organization.join', objectType: 'organization', objectId: link.organizationId!, details: { userId: user.id } });
    return { user: { id: user.id, name: user.name, email: user.email, roles: user.roles, recommenderId: user.recommenderId }, session };
  });
}

/** Ends every session of an account (security admin). */
export async function endUserSessions(ctx: ServiceContext, userId: string): Promise<{ ended: number }> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, user.id);
    await audit(ctx, tx, { action: 'security.end_sessions', objectType: 'user', objectId: user.id, details: { ended } });
    return { ended };
  });
}

export const countActiveSessions = async (ctx: ServiceContext) =>
  Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions`)).rows[0]?.n ?? 0);

