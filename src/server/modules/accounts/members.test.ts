// Invitations, reset links, disabling accounts, and the security admin's policy (QUALITY S5, S6, S13).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { PASSWORD, as, registerApplicant, registrationBody, signIn, signedInAs, type Session } from '../../test/factories.js';

let t: TestApp;
let system: Session;
let security: Session & { email: string };
let program: Session;

beforeAll(async () => {
  t = await createTestApp({ testMode: true });
  system = await signedInAs(t.app, t.database.db, ['system_admin']);
  security = await signedInAs(t.app, t.database.db, ['security_admin']);
  program = await signedInAs(t.app, t.database.db, ['program_admin']);
});

const moveClock = (offsetMs: number) => t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs } });
const tokenOf = (path: string) => path.split('/').pop()!;

describe('invitations', () => {
  it('lets an organization admin invite a colleague who joins once with the link', async () => {
    const admin = await registerApplicant(t.app);
    const invite = await as(t.app, admin, { method: 'POST', url: '/api/organization/invitations', payload: { email: 'colleague.one@example.cn' } });
    expect(invite.statusCode).toBe(201);
    const { path } = invite.json();
    expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const accept = { token: tokenOf(path), name: '赵强', phone: '13800000000', password: PASSWORD };
    const joined = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: accept });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().user).toMatchObject({ email: 'colleague.one@example.cn', roles: ['applicant'] });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: accept })).statusCode).toBe(404);

    const members = (await as(t.app, admin, { method: 'GET', url: '/api/admin/users' })).json().items;
    expect(members.map((m: { email: string }) => m.email).sort()).toEqual(['colleague.one@example.cn', admin.email].sort());
  });

  it('refuses an expired invitation and an invitation from a plain applicant', async () => {
    const admin = await registerApplicant(t.app);
    const { path } = (await as(t.app, admin, { method: 'POST', url: '/api/organization/invitations', payload: { email: 'late.one@example.cn' } })).json();
    await moveClock(73 * 3_600_000);
    const late = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token: tokenOf(path), name: 'x', phone: '13800000000', password: PASSWORD } });
    expect(late.statusCode).toBe(404);
    await moveClock(0);
    const colleague = await registerApplicant(t.app);
    await t.database.pool.query(`UPDATE users SET roles = '{applicant}' WHERE id = $1`, [colleague.userId]);
    const refused = await as(t.app, colleague, { method: 'POST', url: '/api/organization/invitations', payload: { email: 'x.y@example.cn' } });
    expect(refused.statusCode).toBe(403);
  });
});

describe('reset links and disabling', () => {
  it('resets a password once, ending every session of the account', async () => {
    const lab = await signedInAs(t.app, t.database.db, ['lab']);
    const { path } = (await as(t.app, program, { method: 'POST', url: `/api/admin/users/${lab.userId}/reset-link` })).json();
    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token: tokenOf(path), password: 'Brand-new-passw0rd' } });
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: lab.cookie } })).json().user).toBeNull();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token: tokenOf(path), password: 'Another-passw0rd' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: lab.email, password: 'Brand-new-passw0rd' } })).statusCode).toBe(200);
  });

  it('hides admin accounts from program admins and everyone from applicants', async () => {
    const res = await as(t.app, program, { method: 'POST', url: `/api/admin/users/${system.userId}/reset-link` });
    expect(res.statusCode).toBe(404);
    const applicant = await registerApplicant(t.app);
    expect((await as(t.app, applicant, { method: 'POST', url: `/api/admin/users/${system.userId}/reset-link` })).statusCode).toBe(404);
    const listed = (await as(t.app, program, { method: 'GET', url: '/api/admin/users' })).json().items;
    expect(listed.some((u: { roles: string[] }) => u.roles.includes('system_admin') || u.roles.includes('applicant'))).toBe(false);
  });

  it('disabling an account ends its sessions and refuses sign-in', async () => {
    const lab = await signedInAs(t.app, t.database.db, ['lab']);
    const off = await as(t.app, system, { method: 'POST', url: `/api/admin/users/${lab.userId}/disabled`, payload: { disabled: true } });
    expect(off.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: lab.cookie } })).json().user).toBeNull();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: lab.email, password: PASSWORD } })).statusCode).toBe(401);
  });
});

describe('security policy', () => {
  it('belongs to the security admin alone', async () => {
    for (const who of [system, program]) {
      expect((await as(t.app, who, { method: 'GET', url: '/api/security/policy' })).statusCode).toBe(403);
    }
    const res = await as(t.app, security, { method: 'GET', url: '/api/security/policy' });
    expect(res.json()).toMatchObject({ passwordProfile: 'standard', lockoutThreshold: 5 });
  });

  it('refuses values out of range, field by field', async () => {
    const res = await as(t.app, security, {
      method: 'PUT',
      url: '/api/security/policy',
      payload: { passwordProfile: 'weak', passwordMaxAgeDays: 90, sessionIdleMinutes: 0, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['passwordProfile', 'sessionIdleMinutes']);
  });

  it('applies the 等保 profile: complexity at registration and password expiry', async () => {
    const dengbao = { passwordProfile: 'dengbao', passwordMaxAgeDays: 30, sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 };
    expect((await as(t.app, security, { method: 'PUT', url: '/api/security/policy', payload: dengbao })).statusCode).toBe(200);
    try {
      const weak = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: registrationBody({ password: 'lowercase1234' }) });
      expect(weak.json().error.details).toEqual([{ path: 'user.password', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' }]);
      const applicant = await registerApplicant(t.app, { password: 'Strong-Passw0rd!' });

      await moveClock(31 * 86_400_000);
      const later = await signIn(t.app, applicant.email, 'Strong-Passw0rd!');
      const blocked = await as(t.app, later, { method: 'GET', url: '/api/admin/users' });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.message).toBe('密码已过期，请先修改密码');
      const changed = await as(t.app, later, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'Strong-Passw0rd!', newPassword: 'Renewed-Passw0rd!' } });
      expect(changed.statusCode).toBe(204);
      expect((await as(t.app, later, { method: 'GET', url: '/api/admin/users' })).statusCode).toBe(200);
    } finally {
      await moveClock(0);
      // The month-long jump ended every session, the security admin's too.
      security = { ...(await signIn(t.app, security.email)), email: security.email };
      const standard = { ...dengbao, passwordProfile: 'standard', passwordMaxAgeDays: 90 };
      expect((await as(t.app, security, { method: 'PUT', url: '/api/security/policy', payload: standard })).statusCode).toBe(200);
    }
    const audited = await t.database.pool.query(`SELECT details FROM audit_events WHERE action = 'security.policy' ORDER BY seq`);
    expect(audited.rows[0].details.after.passwordProfile).toBe('dengbao');
  });

  it('lets the security admin end all sessions of an account', async () => {
    const applicant = await registerApplicant(t.app);
    const res = await as(t.app, security, { method: 'POST', url: `/api/security/users/${applicant.userId}/end-sessions` });
    expect(res.json()).toEqual({ ended: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } })).json().user).toBeNull();
  });
});
