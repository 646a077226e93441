// Registration, sign-in, sessions, CSRF and lockout (QUALITY S5, S6, S7, S10).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { sqlText } from '../../db/sql-text.js';
import { PASSWORD, as, registerApplicant, registrationBody, signIn, validUscc } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ testMode: true });
});

const count = async (table: string) => (await t.database.pool.query(sqlText`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
const moveClock = (offsetMs: number) => t.app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs } });

describe('registration', () => {
  it('creates the organization and its admin, signs in with an HttpOnly SameSite cookie', async () => {
    const body = registrationBody();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
    expect(res.statusCode).toBe(201);
    const json = res.json();
    expect(json.user.roles).toEqual(['applicant', 'org_admin']);
    expect(json.organization).toMatchObject({ uscc: body.organization.uscc, kind: 'enterprise', regionCode: '440000' });
    const cookie = res.cookies.find((c) => c.name === 'jiebang_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `jiebang_session=${cookie.value}` } });
    expect(session.json().user.email).toBe(body.user.email);
    expect(session.json().csrfToken).toBe(json.csrfToken);
  });

  it('names a wrong check character exactly and saves nothing', async () => {
    const good = validUscc();
    const last = good[17] === '0' ? '1' : '0';
    const before = await count('organizations');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: registrationBody({ uscc: good.slice(0, 17) + last }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'organization.uscc', message: '统一社会信用代码校验位错误' }]);
    expect(await count('organizations')).toBe(before);
  });

  it('lists every problem at once, in English on request', async () => {
    const body = registrationBody({ uscc: '123', password: 'short', regionCode: '990000' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', headers: { 'accept-language': 'en' }, payload: body });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['organization.regionCode', 'organization.uscc', 'user.password']);
  });

  it('refuses fields a client may not set, such as roles', async () => {
    const body = registrationBody();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...body, user: { ...body.user, roles: ['system_admin'] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'user.roles', message: '不允许提交该字段（未知或只读）' }]);
  });

  it('allows one organization per code and one account per e-mail', async () => {
    const first = registrationBody();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: first })).statusCode).toBe(201);
    const sameCode = registrationBody({ uscc: first.organization.uscc });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: sameCode })).json().error.code).toBe('CONFLICT');
    const sameEmail = registrationBody({ email: first.user.email.toUpperCase() });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: sameEmail })).statusCode).toBe(409);
  });
});

describe('sign-in and sessions', () => {
  it('gives a new session id at each sign-in and ends it on sign-out', async () => {
    const applicant = await registerApplicant(t.app);
    const again = await signIn(t.app, applicant.email);
    expect(again.cookie).not.toBe(applicant.cookie);
    const out = await as(t.app, again, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: again.cookie } });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
    // The other session is untouched.
    const other = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } });
    expect(other.json().user.email).toBe(applicant.email);
  });

  it('refuses a cookie-authenticated mutation without the CSRF token', async () => {
    const applicant = await registerApplicant(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: applicant.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: applicant.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } });
    expect(session.json().user).not.toBeNull();
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const applicant = await registerApplicant(t.app);
    const minute = 60_000;
    await moveClock(29 * minute);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } })).json().user).not.toBeNull();
    // Kept busy, the session still ends 12 hours after sign-in.
    for (let m = 29 + 25; m < 12 * 60; m += 25) {
      await moveClock(m * minute);
      const alive = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } })).json().user;
      expect(alive, `at ${m} minutes`).not.toBeNull();
    }
    await moveClock(12 * 60 * minute + minute);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } })).json().user).toBeNull();

    const idle = await signIn(t.app, applicant.email);
    await moveClock(12 * 60 * minute + 32 * minute);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: idle.cookie } })).json().user).toBeNull();
    await moveClock(0);
  });

  it('locks sign-in after 5 failures without revealing whether the account exists', async () => {
    const applicant = await registerApplicant(t.app);
    const attempt = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    const unknown = 'nobody.here@example.cn';
    for (let i = 0; i < 5; i += 1) {
      const a = await attempt(applicant.email, 'Wrong-passw0rd');
      const b = await attempt(unknown, 'Wrong-passw0rd');
      expect(a.statusCode).toBe(401);
      expect(b.statusCode).toBe(401);
      expect(a.json()).toEqual(b.json());
    }
    const locked = await attempt(applicant.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(unknown, PASSWORD)).json()).toEqual(locked.json());
    await moveClock(16 * 60_000);
    expect((await attempt(applicant.email, PASSWORD)).statusCode).toBe(200);
    await moveClock(0);
  });

  it('changes the password, ends the other sessions, and refuses the old password', async () => {
    const applicant = await registerApplicant(t.app);
    const second = await signIn(t.app, applicant.email);
    const weak = await as(t.app, applicant, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'abc' } });
    expect(weak.json().error.details[0].path).toBe('newPassword');
    const wrong = await as(t.app, applicant, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope', newPassword: 'Fresh-passw0rd-2' } });
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const ok = await as(t.app, applicant, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'Fresh-passw0rd-2' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: second.cookie } })).json().user).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: applicant.cookie } })).json().user).not.toBeNull();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: applicant.email, password: PASSWORD } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: applicant.email, password: 'Fresh-passw0rd-2' } })).statusCode).toBe(200);
  });

  it('stores passwords as argon2id and session ids as hashes, never the secrets', async () => {
    const applicant = await registerApplicant(t.app);
    const user = (await t.database.pool.query('SELECT password_hash FROM users WHERE id = $1', [applicant.userId])).rows[0];
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const token = applicant.cookie.split('=')[1]!;
    const stored = await t.database.pool.query('SELECT id FROM sessions WHERE user_id = $1', [applicant.userId]);
    expect(stored.rows.map((r) => r.id)).not.toContain(token);
    expect(stored.rows[0].id).toMatch(/^[0-9a-f]{64}$/);
  });
});
