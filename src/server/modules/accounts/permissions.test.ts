// Who may create which accounts and units, denials answered and audited (QUALITY S1, S13).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { PASSWORD, as, registerApplicant, registrationBody, signedInAs, type Session } from '../../test/factories.js';

let t: TestApp;
let system: Session;
let program: Session;
let applicant: Session;
let auditor: Session;
let someRecommenderId: string;

beforeAll(async () => {
  t = await createTestApp();
  system = await signedInAs(t.app, t.database.db, ['system_admin']);
  program = await signedInAs(t.app, t.database.db, ['program_admin']);
  auditor = await signedInAs(t.app, t.database.db, ['audit_admin']);
  applicant = await registerApplicant(t.app);
  someRecommenderId = (await t.app.inject({ method: 'GET', url: '/api/recommenders' })).json().items[0].id;
});

const newUser = (role: string, extra: Record<string, unknown> = {}) => ({
  role,
  name: '新用户',
  email: `${role}.${Math.random().toString(36).slice(2)}@example.gov.cn`,
  password: PASSWORD,
  ...extra,
});

describe('POST /api/admin/users', () => {
  it('answers 401 signed out and 403 to an applicant', async () => {
    expect((await as(t.app, null, { method: 'POST', url: '/api/admin/users', payload: newUser('lab') })).statusCode).toBe(401);
    expect((await as(t.app, applicant, { method: 'POST', url: '/api/admin/users', payload: newUser('lab') })).statusCode).toBe(403);
  });

  it('checks permission before the body (a bad body from an applicant is still 403)', async () => {
    const res = await as(t.app, applicant, { method: 'POST', url: '/api/admin/users', payload: { nonsense: true } });
    expect(res.statusCode).toBe(403);
  });

  it('lets only the system admin create the three admin roles', async () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      expect((await as(t.app, program, { method: 'POST', url: '/api/admin/users', payload: newUser(role) })).statusCode, role).toBe(403);
      expect((await as(t.app, system, { method: 'POST', url: '/api/admin/users', payload: newUser(role) })).statusCode, role).toBe(201);
    }
  });

  it('lets a program admin create recommender, lab and program admin accounts', async () => {
    const rec = await as(t.app, program, { method: 'POST', url: '/api/admin/users', payload: newUser('recommender', { recommenderId: someRecommenderId }) });
    expect(rec.statusCode).toBe(201);
    expect((await as(t.app, program, { method: 'POST', url: '/api/admin/users', payload: newUser('lab') })).statusCode).toBe(201);
    expect((await as(t.app, program, { method: 'POST', url: '/api/admin/users', payload: newUser('program_admin') })).statusCode).toBe(201);
  });

  it('refuses inconsistent accounts with field-level reasons', async () => {
    const noUnit = await as(t.app, program, { method: 'POST', url: '/api/admin/users', payload: newUser('recommender') });
    expect(noUnit.json().error.details.map((d: { path: string }) => d.path)).toEqual(['recommenderId']);
    const applicantRole = await as(t.app, program, { method: 'POST', url: '/api/admin/users', payload: newUser('applicant') });
    expect(applicantRole.json().error.details[0].path).toBe('role');
  });

  it('writes one denial record per refused call', async () => {
    const before = (await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.denied'`)).rows[0].n;
    await as(t.app, applicant, { method: 'POST', url: '/api/admin/recommenders', payload: { name: 'x', kind: 'association' } });
    const after = (await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.denied'`)).rows[0].n;
    expect(after).toBe(before + 1);
  });
});

describe('recommending units', () => {
  it('has the 37 provincial-level units from the first start', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/recommenders' })).json().items;
    const provincial = items.filter((r: { kind: string }) => r.kind === 'province');
    expect(provincial).toHaveLength(37);
    expect(provincial.map((r: { cityCode: string | null }) => r.cityCode).filter(Boolean).sort()).toEqual(['210200', '330200', '350200', '370200', '440300']);
    expect(provincial.some((r: { regionCode: string }) => r.regionCode === '660000')).toBe(true);
  });

  it('are created by program or system admins, once per name', async () => {
    const body = { name: '中国人工智能产业发展联盟', kind: 'association' };
    expect((await as(t.app, program, { method: 'POST', url: '/api/admin/recommenders', payload: body })).statusCode).toBe(201);
    expect((await as(t.app, system, { method: 'POST', url: '/api/admin/recommenders', payload: body })).statusCode).toBe(409);
    const province = await as(t.app, system, { method: 'POST', url: '/api/admin/recommenders', payload: { name: '重复的广东', kind: 'province', regionCode: '440000' } });
    expect(province.statusCode).toBe(409);
  });
});

describe('CSRF', () => {
  it('refuses every cookie-authenticated mutation route without the token', async () => {
    const mutations = t.routes.filter((r) => r.url.startsWith('/api') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(mutations.length).toBeGreaterThan(10);
    for (const route of mutations) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: route.method as 'POST', url, headers: { cookie: program.cookie }, payload: {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    // The session itself is unharmed.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: program.cookie } })).json().user).not.toBeNull();
  });
});

describe('rate limits', () => {
  it('allows a normal pace of registrations from one address, then answers 429 with Retry-After', async () => {
    const ip = '198.51.100.7';
    let limited = null;
    for (let i = 0; i < 61 && !limited; i += 1) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: ip, payload: registrationBody() });
      if (res.statusCode === 429) limited = { i, res };
      else expect(res.statusCode).toBe(201);
    }
    expect(limited?.i).toBe(60);
    expect(Number(limited!.res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('separation of duties', () => {
  it('keeps the audit log from the system admin and opens it to the audit admin', async () => {
    expect((await as(t.app, system, { method: 'GET', url: '/api/audit/events' })).statusCode).toBe(403);
    expect((await as(t.app, program, { method: 'POST', url: '/api/audit/verify' })).statusCode).toBe(403);
    const list = await as(t.app, auditor, { method: 'GET', url: '/api/audit/events?limit=5' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(5);
    expect(list.json().nextCursor).not.toBeNull();
    const verify = await as(t.app, auditor, { method: 'POST', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('offers no route that changes or deletes audit records', () => {
    const auditRoutes = t.routes.filter((r) => r.url.startsWith('/api/audit'));
    expect(auditRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/audit/events',
      'GET /api/audit/export',
      'HEAD /api/audit/events',
      'HEAD /api/audit/export',
      'POST /api/audit/verify',
    ]);
  });

  it('exports the log as CSV for the audit admin, with formulas neutralised', async () => {
    const res = await as(t.app, auditor, { method: 'GET', url: '/api/audit/export?result=ok' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor_id,actor_roles,organization_id,action,object_type,object_id,result,ip,request_id,details,hash_alg,prev_hash,hash');
    expect(lines.length).toBeGreaterThan(3);
    expect((await as(t.app, system, { method: 'GET', url: '/api/audit/export' })).statusCode).toBe(403);
  });
});
