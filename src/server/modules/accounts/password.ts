// Password hashing (argon2id); the rules themselves are in shared/password-policy.ts.
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MESSAGES, minPasswordLength, passwordProblem as problemOf } from '../../../shared/password-policy.js';
import type { SecurityPolicy } from '../../../shared/schemas/security.js';
import type { Localized } from '../../http/app-error.js';

// OWASP's argon2id minimum (19 MiB, 2 passes) doubled in memory: ~30 ms here, far below scrypt's 2.7 s.
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 38_912, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the account does not exist, so timing does not reveal which e-mails are registered. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-account-0');
  return dummyHash;
}

/** The problem with a password under the profile, worded for the user, or null. */
export function passwordProblem(
  password: string,
  email?: string,
  profile: SecurityPolicy['passwordProfile'] = 'standard',
): Localized | null {
  const problem = problemOf(password, profile, email);
  if (!problem) return null;
  if (problem === 'tooShort') {
    const n = minPasswordLength(profile);
    return { zh: `密码至少 ${n} 个字符`, en: `The password needs at least ${n} characters` };
  }
  return PASSWORD_MESSAGES[problem];
}
