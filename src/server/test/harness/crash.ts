// The crash harness (QUALITY R3): the real server process (src/server/main.ts) takes many concurrent submissions —
// create, fill, upload a PDF, submit with an Idempotency-Key — and is killed with SIGKILL at random moments (on the
// embedded database, sometimes its PostgreSQL too), restarted, and the clients go on as a person would. Then every
// acknowledged receipt must be stored exactly once with its files intact, and the invariants and audit chain whole.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { clearStaleServer, freePort } from '../../db/embedded.js';
import { registrationBody } from '../factories.js';
import { runTs, type ChildRun } from '../process.js';
import { client, sha256, untilAnswered, upload, type Acknowledged, type Client } from './crash-client.js';

export interface CrashOptions {
  applications: number;
  kills: number;
  concurrency: number;
  seed: number;
  /** A PostgreSQL server database (else the embedded one in the data folder). */
  databaseUrl?: string;
  /** On the embedded database, also kill its postmaster with SIGKILL on every other kill. */
  killPostgres?: boolean;
  /** A planted defect: something between the clients and the platform (it gets the platform's port). */
  front?: (platformPort: number) => Promise<{ port: number; close(): Promise<void> }>;
}

export interface CrashReport {
  applications: number;
  concurrency: number;
  acknowledged: number;
  kills: number;
  postgresKills: number;
  lost: string[];
  duplicated: string[];
  damagedFiles: string[];
  clientErrors: string[];
  invariants: { ok: boolean; output: string };
  audit: { ok: boolean; output: string };
  personalDataInLogs: number;
  seconds: number;
}

const ADMIN = { email: 'crash.admin@example.gov.cn', password: 'Crash-harbour-Lamp7' };
const phoneOf = (i: number) => `1392222${String(i).padStart(4, '0')}`;

/** A small seeded generator, so a run's kill moments can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const sessionOf = (setCookie: string | null) => /jiebang_session=[^;]+/.exec(setCookie ?? '')?.[0] ?? '';

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const rand = random(options.seed);
  const dataDir = fs.mkdtempSync('/tmp/jiebang-crash-');
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = {
    JIEBANG_DATA_DIR: dataDir,
    PORT: String(port),
    JIEBANG_DB_PORT: String(await freePort()),
    DATABASE_URL: options.databaseUrl,
    JIEBANG_TEST_MODE: '1',
    JIEBANG_ADMIN_EMAIL: ADMIN.email,
    JIEBANG_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
  };
  let server: ChildRun | null = null;
  let logs = '';
  const start = async () => {
    server = runTs('src/server/main.ts', [], env);
    await server.waitFor(/is running at/, 120_000);
  };
  const report: CrashReport = { applications: options.applications, concurrency: options.concurrency, acknowledged: 0, kills: 0, postgresKills: 0, lost: [], duplicated: [], damagedFiles: [], clientErrors: [], invariants: { ok: false, output: '' }, audit: { ok: false, output: '' }, personalDataInLogs: 0, seconds: 0 };
  await start();
  const front = options.front ? await options.front(port) : null;
  const http: Client = client(() => `http://127.0.0.1:${front?.port ?? port}`);
  let finished = false;
  const acknowledged: Acknowledged[] = [];
  try {
    // The program opens for applications; organizations register (each takes one subfield per application).
    const login = await http.request('POST', '/api/auth/login', { body: ADMIN });
    const admin = { cookie: sessionOf(login.headers.get('set-cookie')), csrf: (login.json() as { csrfToken: string }).csrfToken };
    const day = 86_400_000;
    await http.request('PUT', '/api/admin/programs/ai-2018/phases/application', { ...admin, body: { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 10 * day).toISOString() } });
    await http.request('PUT', '/api/admin/programs/ai-2018/quotas', { ...admin, body: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 100, recommendationsPerDirection: null } });
    const catalogue = (await http.request('GET', '/api/programs/ai-2018/catalogue')).json() as { programId: string; directions: Array<{ subfields: Array<{ id: string; indicators: Array<{ id: string; kind: string }> }> }> };
    const subfields = catalogue.directions.flatMap((d) => d.subfields);
    const sections = ((await http.request('GET', '/api/programs')).json() as { items: Array<{ code: string; sections: Array<{ key: string }> }> }).items.find((p) => p.code === 'ai-2018')!.sections;
    const unit = ((await http.request('GET', '/api/recommenders')).json() as { items: Array<{ id: string; kind: string; regionCode: string | null; cityCode: string | null }> }).items.find((r) => r.kind === 'province' && r.regionCode === '440000' && !r.cityCode)!;
    const orgs: Array<{ cookie: string; csrf: string }> = [];
    for (let o = 0; o < Math.ceil(options.applications / subfields.length); o += 1) {
      const res = await http.request('POST', '/api/auth/register', { body: registrationBody({ regionCode: '440000' }) });
      orgs.push({ cookie: sessionOf(res.headers.get('set-cookie')), csrf: (res.json() as { csrfToken: string }).csrfToken });
    }

    const submitsStarted = { n: 0 };
    const one = async (i: number) => {
      const owner = orgs[Math.floor(i / subfields.length)]!;
      const subfield = subfields[i % subfields.length]!;
      const call = (method: string, url: string, extra: Parameters<Client['request']>[2] = {}) => untilAnswered(() => http.request(method, url, { ...owner, ...extra }), () => false);
      let created = await call('POST', '/api/applications', { body: { programId: catalogue.programId, subfieldId: subfield.id } });
      if (created.status === 409) {
        // Created before a kill took the answer away: find it.
        const mine = (await call('GET', `/api/applications?programId=${catalogue.programId}&limit=200`)).json() as { items: Array<{ id: string; subfieldId: string }> };
        created = { ...created, json: () => ({ id: mine.items.find((a) => a.subfieldId === subfield.id)?.id }) };
      }
      const id = (created.json() as { id?: string }).id;
      if (!id) throw new Error(`application ${i}: create answered ${created.status}`);
      const value = (kind: string) => (kind === 'number' ? 90 : kind === 'boolean' ? true : '达到国际先进水平');
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const version = ((await call('GET', `/api/applications/${id}`)).json() as { version: number }).version;
        const patched = await call('PATCH', `/api/applications/${id}`, {
          body: {
            version,
            title: `崩溃测试项目 ${i}`,
            responsiblePerson: { name: '陈工', title: '总工程师', phone: phoneOf(i), email: `crash.person.${i}@example.com` },
            recommenderId: unit.id,
            sections: Object.fromEntries(sections.map((s) => [s.key, `第 ${i} 项的${s.key}`])),
            indicators: subfield.indicators.map((ind) => ({ indicatorId: ind.id, current: value(ind.kind), target: value(ind.kind) })),
          },
        });
        if (patched.status === 200) break;
        if (patched.status !== 409) throw new Error(`application ${i}: save answered ${patched.status}`);
      }
      const file = upload(`crash-${options.seed}-${i}`);
      const uploaded = await call('POST', `/api/applications/${id}/attachments`, { raw: file.payload, headers: file.headers });
      if (uploaded.status !== 201) throw new Error(`application ${i}: upload answered ${uploaded.status}`);
      submitsStarted.n += 1;
      const submitted = await call('POST', `/api/applications/${id}/submit`, { body: {}, headers: { 'idempotency-key': `crash-${options.seed}-${i}` } });
      if (submitted.status !== 200) throw new Error(`application ${i}: submit answered ${submitted.status}`);
      acknowledged.push({ applicationId: id, receipt: (submitted.json() as { receipt: Acknowledged['receipt'] }).receipt, files: [sha256(file.content)] });
    };
    const queue = Array.from({ length: options.applications }, (_, i) => i);
    const workers = Array.from({ length: options.concurrency }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        await one(i).catch((error: Error) => void report.clientErrors.push(error.message));
      }
    });
    const all = Promise.all(workers).then(() => void (finished = true));
    const pgDir = path.join(dataDir, 'pg');
    for (let k = 0; k < options.kills && !finished; k += 1) {
      // Spread the kills over the load (whatever the machine's speed), each at a random moment near its share.
      const share = Math.floor(((k + 1) * options.applications) / (options.kills + 1));
      const threshold = Math.min(options.applications - 1, Math.max(1, share + Math.floor(rand() * 3) - 1));
      while (!finished && submitsStarted.n < threshold) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, rand() * 300));
      if (finished) break;
      server!.child.kill('SIGKILL');
      await server!.exited;
      logs += server!.output();
      report.kills += 1;
      if (options.killPostgres && !options.databaseUrl && k % 2 === 1) {
        const pid = Number.parseInt(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
        if (pid > 0) {
          process.kill(pid, 'SIGKILL');
          report.postgresKills += 1;
        }
      }
      await start();
    }
    await all;
    report.acknowledged = acknowledged.length;
    await verify(report, acknowledged, options, dataDir, env);
    logs += server!.output();
    report.personalDataInLogs = Array.from({ length: options.applications }, (_, i) => phoneOf(i)).filter((p) => logs.includes(p)).length;
  } finally {
    await front?.close();
    if (server) {
      (server as ChildRun).child.kill('SIGINT');
      await (server as ChildRun).exited;
    }
    await clearStaleServer(path.join(dataDir, 'pg'), () => undefined).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  return report;
}

async function verify(report: CrashReport, acknowledged: Acknowledged[], options: CrashOptions, dataDir: string, env: Record<string, string | undefined>) {
  const url = options.databaseUrl ?? `postgres://postgres:${encodeURIComponent(fs.readFileSync(path.join(dataDir, 'pg.password'), 'utf8').trim())}@127.0.0.1:${env.JIEBANG_DB_PORT}/jiebang`;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const ack of acknowledged) {
      const stored = await db.query<{ application_id: string; sha256: string }>('SELECT application_id, sha256 FROM submissions WHERE number = $1', [ack.receipt.number]);
      const forApp = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE application_id = $1', [ack.applicationId]);
      if (stored.rowCount === 0 || stored.rows[0]!.application_id !== ack.applicationId || stored.rows[0]!.sha256 !== ack.receipt.sha256) report.lost.push(ack.receipt.number);
      if (forApp.rows[0]!.n > 1) report.duplicated.push(`${ack.applicationId}: ${forApp.rows[0]!.n} submissions`);
      const files = await db.query<{ storage_key: string; sha256: string }>('SELECT storage_key, sha256 FROM attachments WHERE application_id = $1 AND deleted_at IS NULL', [ack.applicationId]);
      for (const sent of ack.files) {
        const match = files.rows.find((f) => f.sha256 === sent);
        const file = match && path.join(dataDir, 'files', match.storage_key);
        if (!file || !fs.existsSync(file) || sha256(fs.readFileSync(file)) !== sent) report.damagedFiles.push(`${ack.receipt.number}: ${sent}`);
      }
    }
  } finally {
    await db.end();
  }
  const cliEnv = { ...env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  for (const [command, key] of [['check-invariants', 'invariants'], ['audit:verify', 'audit']] as const) {
    const run = runTs('src/server/cli/main.ts', [command], cliEnv);
    report[key] = { ok: (await run.exited) === 0, output: run.output() };
  }
}
