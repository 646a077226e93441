// The first administrator: policy, argon2id hashing, uniqueness.
import { systemContext } from '../../system-context.js';
import { TEST_AUDIT_CONFIG } from '../../test/app.js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.js';
import { createTestDatabase } from '../../test/database.js';
import { createAdmin, ensureAdminFromEnv } from './accounts.service.js';
import { verifyPassword } from './password.js';

describe('createAdmin', () => {
  it('creates a system and program admin of all programs with an argon2id hash', async () => {
    const { db, pool } = await createTestDatabase();
    const created = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'Chief@Example.gov.cn', name: '管理员', password: 'Kq7-horse-battery' });
    const row = (await pool.query('SELECT * FROM users WHERE id = $1', [created.id])).rows[0];
    expect(row.roles).toEqual(['system_admin', 'program_admin']);
    expect(row.program_ids).toBeNull();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('Kq7-horse-battery');
    expect(await verifyPassword(row.password_hash, 'Kq7-horse-battery')).toBe(true);
    expect(await verifyPassword(row.password_hash, 'kq7-horse-battery')).toBe(false);
  });

  it('refuses weak passwords and bad e-mails with field-level reasons', async () => {
    const { db } = await createTestDatabase();
    const error = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'not-an-email', name: '', password: 'short' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.localizedDetails('zh').map((d: { path: string }) => d.path).sort()).toEqual(['email', 'name', 'password']);
    const lettersOnly = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'a@b.cn', name: 'x', password: 'onlyletterslong' }).catch((e) => e);
    expect(lettersOnly.localizedDetails('zh')[0].message).toBe('密码须同时包含字母和数字');
    const mailbox = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'wangwei@b.cn', name: 'x', password: 'Wangwei2026!' }).catch((e) => e);
    expect(mailbox.localizedDetails('en')[0].message).toBe('The password must not contain the e-mail name');
  });

  it('refuses an e-mail already taken, whatever its case', async () => {
    const { db } = await createTestDatabase();
    await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'one@example.cn', name: 'A', password: 'Passw0rd-long' });
    const error = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'ONE@example.cn', name: 'B', password: 'Passw0rd-long' }).catch((e) => e);
    expect(error.code).toBe('CONFLICT');
  });

  it('creates the environment admin once and leaves it alone afterwards', async () => {
    const { db, pool } = await createTestDatabase();
    expect(await ensureAdminFromEnv(systemContext(db, TEST_AUDIT_CONFIG), undefined, undefined)).toBe('not-configured');
    expect(await ensureAdminFromEnv(systemContext(db, TEST_AUDIT_CONFIG), 'env@example.cn', 'Kq7-harbour-lamp')).toBe('created');
    expect(await ensureAdminFromEnv(systemContext(db, TEST_AUDIT_CONFIG), 'env@example.cn', 'Other-passw0rd')).toBe('exists');
    const n = (await pool.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;
    expect(n).toBe(1);
  });
});
