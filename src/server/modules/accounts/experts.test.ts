// Expert accounts created by program admins, with the profile conflict rules and matching will use.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { PASSWORD, as, registerApplicant, signedInAs, validUscc, type Session } from '../../test/factories.js';

let t: TestApp;
let program: Session;
let subfieldIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  program = await signedInAs(t.app, t.database.db, ['program_admin']);
  const catalogue = (await t.app.inject({ method: 'GET', url: '/api/programs/ai-2018/catalogue' })).json();
  subfieldIds = catalogue.directions[0].subfields.map((s: { id: string }) => s.id);
});

const expert = (extra: Record<string, unknown> = {}) => ({
  name: '陈教授',
  email: `expert.${Math.random().toString(36).slice(2)}@example.edu.cn`,
  password: PASSWORD,
  organization: { name: '某某大学', uscc: validUscc('110000') },
  regionCode: '110000',
  subfieldIds: subfieldIds.slice(0, 2),
  keywords: ['自动驾驶', '车载芯片'],
  ...extra,
});

describe('POST /api/admin/experts', () => {
  it('creates an expert account with its profile', async () => {
    const body = expert();
    const res = await as(t.app, program, { method: 'POST', url: '/api/admin/experts', payload: body });
    expect(res.statusCode).toBe(201);
    const list = (await as(t.app, program, { method: 'GET', url: '/api/admin/experts' })).json().items;
    expect(list.find((e: { id: string }) => e.id === res.json().id)).toMatchObject({
      email: body.email,
      organizationUscc: body.organization.uscc,
      subfieldIds: body.subfieldIds,
      keywords: ['自动驾驶', '车载芯片'],
    });
    const roles = await t.database.pool.query('SELECT roles FROM users WHERE id = $1', [res.json().id]);
    expect(roles.rows[0].roles).toEqual(['expert']);
  });

  it('locates every problem: code, region, unknown subfield, weak password', async () => {
    const res = await as(t.app, program, {
      method: 'POST',
      url: '/api/admin/experts',
      payload: expert({
        organization: { name: '某某大学', uscc: '91110000802100433C' },
        regionCode: '210200',
        subfieldIds: [subfieldIds[0], '00000000-0000-4000-8000-000000000000'],
        password: 'weak',
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['organization.uscc', 'password', 'regionCode', 'subfieldIds.1']);
  });

  it('refuses subfields of programs the admin is not granted, and callers who are not program admins', async () => {
    const scoped = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [] });
    const res = await as(t.app, scoped, { method: 'POST', url: '/api/admin/experts', payload: expert() });
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['subfieldIds.0', 'subfieldIds.1']);
    const applicant = await registerApplicant(t.app);
    expect((await as(t.app, applicant, { method: 'POST', url: '/api/admin/experts', payload: expert() })).statusCode).toBe(403);
    const system = await signedInAs(t.app, t.database.db, ['system_admin']);
    expect((await as(t.app, system, { method: 'GET', url: '/api/admin/experts' })).statusCode).toBe(403);
  });
});
