// Account use cases available so far: the first administrator (CLI or JIEBANG_ADMIN_* at first start).
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError, type Localized } from '../../http/app-error.js';
import * as repo from './accounts.repository.js';
import { hashPassword, passwordProblem } from './password.js';

export interface AdminInput {
  email: string;
  name: string;
  password: string;
}

export interface CreatedAdmin {
  id: string;
  email: string;
}

/** Creates an account holding system_admin and program_admin for all programs. */
export async function createAdmin(db: DbOrTx, input: AdminInput): Promise<CreatedAdmin> {
  const email = input.email.trim();
  const name = input.name.trim();
  const password = input.password;
  const details: Array<{ path: string; message: Localized }> = [];
  if (!z.email().safeParse(email).success) details.push({ path: 'email', message: { zh: '邮箱地址无效', en: 'Invalid e-mail address' } });
  if (name.length === 0 || name.length > 100) {
    details.push({ path: 'name', message: { zh: '姓名须为 1–100 个字符', en: 'The name needs 1 to 100 characters' } });
  }
  const problem = passwordProblem(password, email);
  if (problem) details.push({ path: 'password', message: problem });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', undefined, { details });
  if (await repo.findUserByEmail(db, email)) {
    throw new AppError('CONFLICT', { zh: `邮箱 ${email} 已被使用`, en: `The e-mail ${email} is already taken` });
  }
  const user = await repo.insertUser(db, {
    email,
    name,
    passwordHash: await hashPassword(password),
    roles: ['system_admin', 'program_admin'],
    programIds: null,
  });
  return { id: user.id, email: user.email };
}

/** At start: creates the admin named by JIEBANG_ADMIN_EMAIL once; later starts leave the account alone. */
export async function ensureAdminFromEnv(
  db: DbOrTx,
  email: string | undefined,
  password: string | undefined,
): Promise<'created' | 'exists' | 'not-configured'> {
  if (!email || !password) return 'not-configured';
  if (await repo.findUserByEmail(db, email)) return 'exists';
  await createAdmin(db, { email, name: '系统管理员', password });
  return 'created';
}

export const hasAnyAccount = async (db: DbOrTx) => (await repo.countUsers(db)) > 0;
