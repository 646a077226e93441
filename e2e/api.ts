// API helpers for journeys that need data made through the platform's own routes (sessions with their CSRF token).
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import { expect, inject } from 'vitest';

export const PASSWORD = 'Journey-passw0rd-1';

export interface ApiSession {
  api: APIRequestContext;
  csrf: string;
}

export async function session(email: string, password: string): Promise<ApiSession> {
  const api = await playwrightRequest.newContext({ baseURL: inject('baseUrl') });
  const res = await api.post('/api/auth/login', { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { api, csrf: (await res.json()).csrfToken };
}

/** Sends a state-changing request with the session's CSRF token and expects a 2xx answer. */
export async function send(s: ApiSession, method: 'post' | 'put' | 'patch', url: string, data: unknown, headers: Record<string, string> = {}) {
  const res = await s.api[method](url, { data, headers: { 'x-csrf-token': s.csrf, ...headers } });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** A valid 统一社会信用代码 in Guangdong, different for each call. */
let sequence = 0;
export function uniqueUscc(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  sequence += 1;
  const body = `9144010${String((Date.now() % 1e8) * 100 + sequence).padStart(10, '0').slice(-10)}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

/** The server's clock (test mode may shift it), in milliseconds. */
export async function serverNow(s: ApiSession): Promise<number> {
  return Date.parse((await (await s.api.get('/api/health')).json()).now);
}

/** Shifts the server's clock (test mode) by this much from the real time; 0 puts it back. */
export const setClock = (offsetMs: number) =>
  fetch(`${inject('baseUrl')}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });

/** Moves a phase of a program (admin session). */
export async function setPhase(admin: ApiSession, programId: string, key: string, opensAt: Date, closesAt: Date) {
  await send(admin, 'put', `/api/admin/programs/${programId}/phases/${key}`, { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() });
}

/** Opens these phases of a program from a day ago (on the server's clock, which other journeys may have moved) for
 * `days` days. */
export async function openPhases(admin: ApiSession, programId: string, keys: string[], days: number) {
  const now = await serverNow(admin);
  for (const key of keys) await setPhase(admin, programId, key, new Date(now - 86_400_000), new Date(now + days * 86_400_000));
}

/** A program of the journey's own (its quotas, notices and publication are the journey's alone), with a direction and
 * a subfield for each entry given; the subfields' ids by their codes. */
export async function ownProgram(
  admin: ApiSession,
  input: { code: string; title: string; subfields: Array<{ code: string; name: string; direction: { code: string; name: string; group: string } }> },
) {
  const created = await send(admin, 'post', '/api/admin/programs', {
    code: input.code,
    title: input.title,
    quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 },
  });
  const directions = new Map<string, string>();
  const subfields: Record<string, string> = {};
  for (const s of input.subfields) {
    if (!directions.has(s.direction.code)) directions.set(s.direction.code, (await send(admin, 'post', `/api/admin/programs/${created.id}/directions`, s.direction)).id);
    subfields[s.code] = (await send(admin, 'post', `/api/admin/directions/${directions.get(s.direction.code)}/subfields`, { code: s.code, name: s.name })).id;
  }
  return { id: created.id as string, code: input.code, title: input.title, subfields };
}

/** An applicant (in Guangdong unless told) with a complete, submitted application in the subfield (by its code in the
 * program's catalogue), choosing the given unit; `target` sets the committed target of number indicators, `extra`
 * replaces fields of the form (its own targets, custom indicators). */
export async function submittedApplication(
  programId: string,
  code: string,
  tag: string,
  unitId: string,
  options: { regionCode?: string; kind?: 'enterprise' | 'institute' | 'university' | 'other'; target?: number; extra?: Record<string, unknown> } = {},
) {
  const email = `app.${tag}@e2e.jiebang.cn`;
  const uscc = uniqueUscc();
  const api = await playwrightRequest.newContext({ baseURL: inject('baseUrl') });
  const reg = await api.post('/api/auth/register', {
    data: {
      organization: { name: `广州${tag}科技有限公司`, uscc, kind: options.kind ?? 'enterprise', regionCode: options.regionCode ?? '440000' },
      user: { name: '陈工', email, phone: '020-66668888', password: PASSWORD },
    },
  });
  expect(reg.status(), await reg.text()).toBe(201);
  const s: ApiSession = { api, csrf: (await reg.json()).csrfToken };
  // The catalogue route takes a program's id as well as its code: any program's subfields, not only the built-in one's.
  const catalogue = await (await api.get(`/api/programs/${programId}/catalogue`)).json();
  const subfield = catalogue.directions.flatMap((d: { subfields: unknown[] }) => d.subfields).find((x: { code: string }) => x.code === code);
  const created = await send(s, 'post', '/api/applications', { programId, subfieldId: subfield.id });
  const value = (kind: string, target = false) => (kind === 'number' ? (target ? (options.target ?? 80) : 80) : kind === 'boolean' ? true : '达到');
  const title = `${code} 攻关项目（${tag}）`;
  await send(s, 'patch', `/api/applications/${created.id}`, {
    version: created.version,
    title,
    responsiblePerson: { name: '陈工', title: '所长', phone: '020-66668888', email },
    recommenderId: unitId,
    sections: { basis: '已有车规级芯片流片经验', route: '面向自动驾驶的神经网络芯片', milestones: '进度', team: '团队', funding: '经费' },
    indicators: subfield.indicators.map((i: { id: string; kind: string }) => ({ indicatorId: i.id, current: value(i.kind), target: value(i.kind, true) })),
    ...options.extra,
  });
  await send(s, 'post', `/api/applications/${created.id}/submit`, {}, { 'idempotency-key': `journey-${tag}-${Date.now()}` });
  return { email, title, id: created.id as string, uscc };
}

/** A recommending unit of its own (an industry association, which anyone may choose) and its recommender account. */
export async function associationUnit(admin: ApiSession, tag: string) {
  const unit = await send(admin, 'post', '/api/admin/recommenders', { name: `人工智能产业联盟${tag}`, kind: 'association' });
  const email = `unit.${tag}@e2e.jiebang.cn`;
  await send(admin, 'post', '/api/admin/users', { role: 'recommender', name: '联盟推荐员', email, password: PASSWORD, recommenderId: unit.id });
  return { id: unit.id as string, email };
}

/** Opens the application and recommendation phases of the built-in program now (they may overlap) and returns a
 * function that puts the earlier dates back, so journeys that run after see the timeline they expect. */
export async function openApplicationAndRecommendation(admin: ApiSession): Promise<{ programId: string; restore(): Promise<void> }> {
  const program = (await (await admin.api.get('/api/programs')).json()).items[0] as { id: string; phases: Array<{ key: string; opensAt: string; closesAt: string }> };
  const now = await serverNow(admin);
  const moved = program.phases.filter((p) => p.key === 'application' || p.key === 'recommendation');
  for (const p of moved) await setPhase(admin, program.id, p.key, new Date(now - 86_400_000), new Date(now + 10 * 86_400_000));
  return {
    programId: program.id,
    restore: async () => {
      for (const p of moved) await setPhase(admin, program.id, p.key, new Date(p.opensAt), new Date(p.closesAt));
    },
  };
}
