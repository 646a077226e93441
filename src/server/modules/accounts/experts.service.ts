// The expert pool, first part: program admins create expert accounts with the profile conflicts and matching need.
import { desc, eq, inArray } from 'drizzle-orm';
import { isProvinceCode } from '../../../shared/regions.js';
import type { CreateExpertBody, ExpertView } from '../../../shared/schemas/accounts.js';
import { USCC_MESSAGES, usccProblem } from '../../../shared/uscc.js';
import { expertProfiles, subfields, users } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { readSecurityPolicy } from '../security/security.repository.js';
import * as repo from './accounts.repository.js';
import { hashPassword, passwordProblem } from './password.js';

export async function createExpert(ctx: ServiceContext, input: CreateExpertBody): Promise<{ id: string }> {
  const actor = ctx.actor!;
  const problems: Array<{ path: string; message: Localized }> = [];
  if (input.organization.uscc !== undefined && input.organization.uscc !== '') {
    const problem = usccProblem(input.organization.uscc);
    if (problem) problems.push({ path: 'organization.uscc', message: USCC_MESSAGES[problem] });
  }
  if (!isProvinceCode(input.regionCode)) {
    problems.push({ path: 'regionCode', message: { zh: '所在地区应为省级行政区划代码', en: 'The region must be a province-level code' } });
  }
  const policy = await readSecurityPolicy(ctx.db);
  const weak = passwordProblem(input.password, input.email, policy.passwordProfile);
  if (weak) problems.push({ path: 'password', message: weak });
  const wanted = [...new Set(input.subfieldIds)];
  if (wanted.length > 0) {
    const found = await ctx.db.select({ id: subfields.id, programId: subfields.programId }).from(subfields).where(inArray(subfields.id, wanted));
    const usable = new Set(found.filter((s) => actor.programIds === null || actor.programIds.includes(s.programId)).map((s) => s.id));
    wanted.forEach((id, index) => {
      if (!usable.has(id)) problems.push({ path: `subfieldIds.${index}`, message: { zh: '细分领域不存在', en: 'No such subfield' } });
    });
  }
  if (problems.length > 0) throw invalidFields(problems);

  return ctx.db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw new AppError('CONFLICT', { zh: `邮箱 ${input.email} 已被注册`, en: `The e-mail ${input.email} is already registered` });
    }
    const user = await repo.insertUser(tx, {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      roles: ['expert'],
      passwordChangedAt: ctx.now,
    });
    await tx.insert(expertProfiles).values({
      userId: user.id,
      organizationName: input.organization.name,
      organizationUscc: input.organization.uscc || null,
      regionCode: input.regionCode,
      subfieldIds: wanted,
      keywords: [...new Set(input.keywords)],
    });
    await audit(ctx, tx, { action: 'expert.create', objectType: 'user', objectId: user.id, details: { subfields: wanted.length } });
    return { id: user.id };
  });
}

export async function listExperts(ctx: ServiceContext): Promise<ExpertView[]> {
  const rows = await ctx.db
    .select({ user: users, profile: expertProfiles })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    // The newest first: the one an admin has just added or imported is on top.
    .orderBy(desc(users.createdAt));
  return rows.map(({ user, profile }) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    organizationName: profile.organizationName,
    organizationUscc: profile.organizationUscc,
    regionCode: profile.regionCode,
    subfieldIds: profile.subfieldIds,
    keywords: profile.keywords,
    disabled: user.disabled,
  }));
}
