// QUALITY R1: a time-boxed sqlmap scan of the real server process on loopback finds nothing injectable in routes
// that take filters and ids (query, path and JSON body); the same scan finds a planted injectable endpoint.
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../db/embedded.js';
import { registrationBody, PASSWORD } from '../test/factories.js';
import { startPlatform, type Platform } from '../test/harness/platform-process.js';
import { recordSection } from '../test/harness/report.js';
import { runSqlmap, sqlmapInstalled, type SqlmapTarget, type SqlmapVerdict } from '../test/harness/sqlmap.js';

const TIME_BOX = 60;
let platform: Platform;
const verdicts: SqlmapVerdict[] = [];

beforeAll(async () => {
  if (!sqlmapInstalled()) throw new Error('sqlmap is missing: apt-get install sqlmap (`npm run test:security` installs it)');
  platform = await startPlatform();
});
afterAll(async () => {
  await platform?.stop();
  recordSection('sqlmap', [
    ...verdicts.map((v): [string, string] => [v.target, `${v.injectable ? 'INJECTABLE' : 'not injectable'}${v.completed ? '' : ' (cut off by the time box)'}, ${v.seconds} s`]),
    ['techniques, level, risk', 'boolean, error, UNION, stacked queries; level 2; risk 1; DBMS PostgreSQL'],
    ['time box per target', `${TIME_BOX} s`],
  ]);
});

describe('sqlmap against the platform', () => {
  it('finds nothing injectable in filters, ids and bodies', async () => {
    const { base, request } = platform;
    const admin = await platform.signIn(platform.admin.email, platform.admin.password);
    const auditor = await platform.signIn((await request('POST', '/api/admin/users', { ...admin, body: { role: 'audit_admin', name: '审计员', email: 'auditor@example.gov.cn', password: PASSWORD } })).email, PASSWORD);
    const registered = await request('POST', '/api/auth/register', { body: registrationBody({ regionCode: '440000' }) });
    const applicant = { cookie: registered.cookie, csrf: registered.json.csrfToken as string, email: (registered.json.user as { email: string }).email };
    const units = (await request('GET', '/api/recommenders')).json.items as Array<{ id: string; kind: string; regionCode: string | null; cityCode: string | null }>;
    const unit = units.find((u) => u.kind === 'province' && u.regionCode === '440000' && !u.cityCode)!;
    // A submitted application, so that the ids and the receipt number probed exist.
    const day = 86_400_000;
    await request('PUT', '/api/admin/programs/ai-2018/phases/application', { ...admin, body: { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 10 * day).toISOString() } });
    const catalogue = (await request('GET', '/api/programs/ai-2018/catalogue')).json as { programId: string; directions: Array<{ subfields: Array<{ id: string; indicators: Array<{ id: string; kind: string }> }> }> };
    const subfield = catalogue.directions[0]!.subfields[0]!;
    const id = (await request('POST', '/api/applications', { ...applicant, body: { programId: catalogue.programId, subfieldId: subfield.id } })).json.id as string;
    const draft = (await request('GET', `/api/applications/${id}`, applicant)).json as { version: number; sections: Record<string, string> };
    const value = (kind: string) => (kind === 'number' ? 90 : kind === 'boolean' ? true : '达到');
    await request('PATCH', `/api/applications/${id}`, {
      ...applicant,
      body: {
        version: draft.version,
        title: '扫描用项目',
        responsiblePerson: { name: '周工', title: '主任', phone: '020-87654321', email: 'zhou@example.cn' },
        recommenderId: unit.id,
        sections: Object.fromEntries(Object.keys(draft.sections).map((k) => [k, '内容'])),
        indicators: subfield.indicators.map((i) => ({ indicatorId: i.id, current: value(i.kind), target: value(i.kind) })),
      },
    });
    const submitted = await fetch(`${base}/api/applications/${id}/submit`, { method: 'POST', headers: { cookie: applicant.cookie, 'x-csrf-token': applicant.csrf, 'content-type': 'application/json', 'idempotency-key': 'sqlmap-scan-1' }, body: '{}' });
    const receipt = ((await submitted.json()) as { receipt: { number: string } }).receipt.number;
    const targets: SqlmapTarget[] = [
      { name: 'GET /api/applications?programId&status&cursor (applicant)', url: `${base}/api/applications?programId=ai-2018*&status=submitted&cursor=abc*`, headers: { Cookie: applicant.cookie } },
      { name: 'GET /api/programs/:programId/catalogue', url: `${base}/api/programs/ai-2018*/catalogue` },
      { name: 'GET /api/audit/events?action&result (audit admin)', url: `${base}/api/audit/events?action=user.login*&result=ok*`, headers: { Cookie: auditor.cookie } },
      { name: 'GET /api/public/receipts/:number', url: `${base}/api/public/receipts/${receipt}*` },
      { name: 'GET /api/applications/:id (applicant)', url: `${base}/api/applications/${id}*`, headers: { Cookie: applicant.cookie } },
      { name: 'GET /api/recommenders/:id/batch?programId (program admin)', url: `${base}/api/recommenders/${unit.id}*/batch?programId=ai-2018*`, headers: { Cookie: admin.cookie } },
      { name: 'POST /api/auth/login (JSON body)', url: `${base}/api/auth/login`, method: 'POST', data: `{"email":"${applicant.email}*","password":"${PASSWORD}*"}`, headers: { 'Content-Type': 'application/json' }, ignoreCodes: [401, 429] },
    ];
    for (const target of targets) verdicts.push(await runSqlmap(target, { timeBoxSeconds: TIME_BOX }));
    expect(verdicts.filter((v) => v.injectable).map((v) => `${v.target}:\n${v.excerpt}`)).toEqual([]);
    expect(verdicts.filter((v) => !v.completed).map((v) => `${v.target}: ${v.excerpt}`)).toEqual([]);
  });
});

describe('sqlmap on a planted defect', () => {
  it('finds an endpoint that builds its SQL from the query string', async () => {
    const db = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await db.connect();
    const server = http.createServer(async (req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').searchParams.get('name') ?? '';
      try {
        // The planted defect itself: a value pasted into SQL text.
        // eslint-disable-next-line no-restricted-syntax -- this endpoint exists to be found injectable
        const rows = (await db.query("SELECT datname FROM pg_database WHERE datname = '" + name + "'")).rows;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ found: rows.length }));
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(String((error as Error).message));
      }
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const verdict = await runSqlmap({ name: 'planted', url: `http://127.0.0.1:${port}/items?name=postgres` }, { timeBoxSeconds: TIME_BOX });
      expect(verdict.injectable, verdict.excerpt).toBe(true);
      verdicts.push({ ...verdict, target: 'a planted endpoint building SQL from the query string' });
    } finally {
      server.close();
      await db.end();
    }
  });
});
