// Account use cases: the first administrator, applicant self-registration, accounts made by admins, password change.
import { z } from 'zod';
import { ADMIN_ROLES, type RegisterBody } from '../../../shared/schemas/accounts.js';
import type { Role } from '../../../shared/schemas/system.js';
import { regionByCode, isPlanCityCode, PLAN_CITIES } from '../../../shared/regions.js';
import { USCC_MESSAGES, usccProblem } from '../../../shared/uscc.js';
import type { DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { hitRateLimit } from '../../http/rate-limit.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { readSecurityPolicy } from '../security/security.repository.js';
import { hasRole } from './actor.js';
import * as repo from './accounts.repository.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { createSession, revokeUserSessions } from './sessions.js';

const emailTaken = (email: string): AppError =>
  new AppError('CONFLICT', { zh: `邮箱 ${email} 已被注册`, en: `The e-mail ${email} is already registered` });

export interface AdminInput {
  email: string;
  name: string;
  password: string;
}

/** Creates an account holding system_admin and program_admin for all programs (CLI and first start). */
export async function createAdmin(ctx: ServiceContext, input: AdminInput): Promise<{ id: string; email: string }> {
  const email = input.email.trim();
  const name = input.name.trim();
  const problems: Array<{ path: string; message: Localized }> = [];
  if (!z.email().safeParse(email).success) problems.push({ path: 'email', message: { zh: '邮箱地址无效', en: 'Invalid e-mail address' } });
  if (name.length === 0 || name.length > 100) {
    problems.push({ path: 'name', message: { zh: '姓名须为 1–100 个字符', en: 'The name needs 1 to 100 characters' } });
  }
  const policy = await readSecurityPolicy(ctx.db);
  const problem = passwordProblem(input.password, email, policy.passwordProfile);
  if (problem) problems.push({ path: 'password', message: problem });
  if (problems.length > 0) throw invalidFields(problems);
  return ctx.db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, email)) throw emailTaken(email);
    const user = await repo.insertUser(tx, {
      email,
      name,
      passwordHash: await hashPassword(input.password),
      roles: ['system_admin', 'program_admin'],
      programIds: null,
      passwordChangedAt: ctx.now,
    });
    await audit(ctx, tx, { action: 'user.create_admin', objectType: 'user', objectId: user.id, details: { email } });
    return { id: user.id, email: user.email };
  });
}

/** At start: creates the admin named by JIEBANG_ADMIN_EMAIL once; later starts leave the account alone. */
export async function ensureAdminFromEnv(
  ctx: ServiceContext,
  email: string | undefined,
  password: string | undefined,
): Promise<'created' | 'exists' | 'not-configured'> {
  if (!email || !password) return 'not-configured';
  if (await repo.findUserByEmail(ctx.db, email)) return 'exists';
  await createAdmin(ctx, { email, name: '系统管理员', password });
  return 'created';
}

export const hasAnyAccount = async (db: DbOrTx) => (await repo.countUsers(db)) > 0;

function organizationProblems(org: RegisterBody['organization']): Array<{ path: string; message: Localized }> {
  const problems: Array<{ path: string; message: Localized }> = [];
  const uscc = usccProblem(org.uscc);
  if (uscc) problems.push({ path: 'organization.uscc', message: USCC_MESSAGES[uscc] });
  const region = regionByCode(org.regionCode);
  if (!region || isPlanCityCode(org.regionCode)) {
    problems.push({ path: 'organization.regionCode', message: { zh: '所在地区应为省级行政区划代码', en: 'The region must be a province-level code' } });
  }
  if (org.cityCode !== undefined) {
    const city = PLAN_CITIES.find((c) => c.code === org.cityCode);
    if (!city) {
      problems.push({ path: 'organization.cityCode', message: { zh: '计划单列市代码无效', en: 'Not a city with separate planning status' } });
    } else if (city.provinceCode !== org.regionCode) {
      problems.push({ path: 'organization.cityCode', message: { zh: `${city.name}不属于所选省份`, en: `${city.nameEn} is not in the chosen province` } });
    }
  }
  if (org.parentUscc !== undefined) {
    const parent = usccProblem(org.parentUscc);
    if (parent) problems.push({ path: 'organization.parentUscc', message: USCC_MESSAGES[parent] });
    else if (org.parentUscc === org.uscc) {
      problems.push({ path: 'organization.parentUscc', message: { zh: '上级单位不能是本单位', en: 'The parent cannot be the organization itself' } });
    }
  }
  return problems;
}

/** Applicant self-registration: the organization and its first user (its administrator), then signed in. */
export async function register(ctx: ServiceContext, body: RegisterBody) {
  await hitRateLimit(ctx.db, { key: `register:ip:${ctx.ip}`, max: 60, windowMs: 3_600_000 }, ctx.now);
  const policy = await readSecurityPolicy(ctx.db);
  const problems = organizationProblems(body.organization);
  const weak = passwordProblem(body.user.password, body.user.email, policy.passwordProfile);
  if (weak) problems.push({ path: 'user.password', message: weak });
  if (problems.length > 0) throw invalidFields(problems);

  const alreadyRegistered = () =>
    new AppError('CONFLICT', {
      zh: '该统一社会信用代码或邮箱已注册，请联系本单位管理员邀请您加入',
      en: 'This unified social credit code or e-mail is already registered; ask your organization admin to invite you',
    });
  // A concurrent registration of the same code or e-mail loses on the unique index: the same answer.
  return ctx.db.transaction(async (tx) => {
    if (await repo.findOrganizationByUscc(tx, body.organization.uscc)) {
      throw new AppError('CONFLICT', {
        zh: '该统一社会信用代码已注册，请联系本单位管理员邀请您加入',
        en: 'This unified social credit code is already registered; ask your organization admin to invite you',
      }, { details: [{ path: 'organization.uscc', message: { zh: '已注册', en: 'Already registered' } }] });
    }
    if (await repo.findUserByEmail(tx, body.user.email)) throw emailTaken(body.user.email);
    const organization = await repo.insertOrganization(tx, {
      name: body.organization.name,
      uscc: body.organization.uscc,
      kind: body.organization.kind,
      regionCode: body.organization.regionCode,
      cityCode: body.organization.cityCode ?? null,
      parentUscc: body.organization.parentUscc ?? null,
    });
    const user = await repo.insertUser(tx, {
      email: body.user.email,
      name: body.user.name,
      phone: body.user.phone,
      passwordHash: await hashPassword(body.user.password),
      roles: ['applicant', 'org_admin'],
      organizationId: organization.id,
      passwordChangedAt: ctx.now,
    });
    const session = await createSession(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent, now: ctx.now }, policy);
    await audit({ ...ctx, actor: null }, tx, {
      action: 'auth.register',
      objectType: 'organization',
      objectId: organization.id,
      details: { userId: user.id, uscc: organization.uscc },
    });
    return {
      user: { id: user.id, name: user.name, email: user.email, roles: user.roles, recommenderId: user.recommenderId },
      organization: {
        id: organization.id,
        name: organization.name,
        uscc: organization.uscc,
        kind: organization.kind,
        regionCode: organization.regionCode,
        cityCode: organization.cityCode,
      },
      session,
    };
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? alreadyRegistered() : error;
  });
}

/** Accounts made by admins: recommender, expert, lab and program admin accounts; the three admin roles by the system admin only. */
export async function createUser(
  ctx: ServiceContext,
  input: { role: Role; name: string; email: string; password: string; recommenderId?: string; programIds?: string[] },
): Promise<{ id: string }> {
  const actor = ctx.actor!;
  const isAdminRole = (ADMIN_ROLES as readonly string[]).includes(input.role);
  if (isAdminRole && !hasRole(actor, 'system_admin')) {
    throw new AppError('FORBIDDEN', { zh: '只有系统管理员可以创建管理员账户', en: 'Only the system admin creates administrator accounts' });
  }
  if (!isAdminRole && !hasRole(actor, 'program_admin', 'system_admin')) throw new AppError('FORBIDDEN');
  if (input.programIds && actor.programIds !== null && input.programIds.some((p) => !actor.programIds!.includes(p))) {
    throw new AppError('FORBIDDEN', { zh: '只能授予您自己管理的项目', en: 'You can only grant programs you administer' });
  }

  const problems: Array<{ path: string; message: Localized }> = [];
  if (input.role === 'applicant' || input.role === 'org_admin') {
    problems.push({ path: 'role', message: { zh: '申报单位用户须自行注册或由本单位管理员邀请', en: 'Applicant users register themselves or are invited by their organization admin' } });
  }
  if (input.role === 'expert') {
    problems.push({ path: 'role', message: { zh: '评审专家请通过专家库创建', en: 'Create experts through the expert pool' } });
  }
  if (input.role === 'recommender' && !input.recommenderId) {
    problems.push({ path: 'recommenderId', message: { zh: '推荐单位账户须指定推荐单位', en: 'A recommender account needs its recommending unit' } });
  }
  if (input.role !== 'recommender' && input.recommenderId) {
    problems.push({ path: 'recommenderId', message: { zh: '只有推荐单位账户可以指定推荐单位', en: 'Only recommender accounts belong to a recommending unit' } });
  }
  if (input.role !== 'program_admin' && input.programIds) {
    problems.push({ path: 'programIds', message: { zh: '只有主管部门账户按项目授权', en: 'Only program admins are granted programs' } });
  }
  const policy = await readSecurityPolicy(ctx.db);
  const weak = passwordProblem(input.password, input.email, policy.passwordProfile);
  if (weak) problems.push({ path: 'password', message: weak });
  if (problems.length > 0) throw invalidFields(problems);

  return ctx.db.transaction(async (tx) => {
    if (input.recommenderId && !(await repo.findRecommenderById(tx, input.recommenderId))) {
      throw invalidFields([{ path: 'recommenderId', message: { zh: '推荐单位不存在', en: 'No such recommending unit' } }]);
    }
    if (await repo.findUserByEmail(tx, input.email)) throw emailTaken(input.email);
    const user = await repo.insertUser(tx, {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      roles: [input.role],
      recommenderId: input.recommenderId ?? null,
      programIds: input.role === 'program_admin' ? (input.programIds ?? actor.programIds) : null,
      passwordChangedAt: ctx.now,
    });
    await audit(ctx, tx, { action: 'user.create', objectType: 'user', objectId: user.id, details: { role: input.role, email: input.email } });
    return { id: user.id };
  });
}

/** The signed-in user changes their password; every other session of theirs ends. */
export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = ctx.actor!;
  const user = await repo.findUserById(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await audit(ctx, ctx.db, { action: 'user.password_change', objectType: 'user', objectId: actor.id, result: 'failed' });
    throw invalidFields([{ path: 'currentPassword', message: { zh: '当前密码不正确', en: 'The current password is wrong' } }]);
  }
  const policy = await readSecurityPolicy(ctx.db);
  const weak = passwordProblem(input.newPassword, user.email, policy.passwordProfile);
  if (weak) throw invalidFields([{ path: 'newPassword', message: weak }]);
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw invalidFields([{ path: 'newPassword', message: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' } }]);
  }
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: ctx.now });
    const ended = await revokeUserSessions(tx, user.id, actor.sessionId);
    await audit(ctx, tx, { action: 'user.password_change', objectType: 'user', objectId: user.id, details: { endedSessions: ended } });
  });
}
