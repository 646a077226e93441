// Benchmark: the public statistics with 300,000 applications (issue 10: "the page stays fast with 300,000
// applications"). Seeds a throwaway PostgreSQL with the built-in program and N applications spread over regions,
// kinds, statuses and recommending units, with targets on every comparable indicator; then measures
//   1. one full computation of the statistics (what a reader pays once a minute at most), against a plain
//      `SELECT count(*) … GROUP BY subfield_id` over the same rows in the same run (the least any figure costs);
//   2. the cached route served by the real platform process under 32 concurrent keep-alive connections, against a
//      bare node:http + pg handler returning the same cached row, in the same run.
//   npm run bench -- statistics [--applications 300000] [--seconds 8]
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../src/server/db/client.js';
import { freePort, startTemporaryPostgres } from '../src/server/db/embedded.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { ensureProvincialRecommenders } from '../src/server/modules/accounts/recommenders.service.js';
import { ensureBuiltInProgram } from '../src/server/modules/programs/programs.service.js';
import { computePublicStatistics } from '../src/server/modules/statistics/statistics.service.js';
import { systemContext } from '../src/server/system-context.js';
import { TEST_AUDIT_CONFIG } from '../src/server/test/audit-config.js';
import { runTs } from '../src/server/test/process.js';
import { PROVINCES } from '../src/shared/regions.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function seed(pool: pg.Pool, programId: string, n: number) {
  const regions = PROVINCES.map((p) => p.code);
  const organizations = Math.ceil(n / 3);
  await pool.query(`INSERT INTO users (email, name, password_hash, roles) VALUES ('bench@example.gov.cn', '基准', '$argon2id$v=19$m=19456,t=2,p=1$bench$bench', '{program_admin}')`);
  await pool.query(
    `INSERT INTO organizations (name, uscc, kind, region_code)
     SELECT '基准单位' || g, '91' || lpad(g::text, 16, '0'), (ARRAY['enterprise','enterprise','enterprise','institute','university','other'])[1 + g % 6],
            ($1::text[])[1 + (g * 7) % $2]
     FROM generate_series(1, $3::int) g`,
    [regions, regions.length, organizations],
  );
  // Each organization applies in up to three different subfields (the unique index allows one per subfield).
  await pool.query(
    `
    WITH subs AS (SELECT array_agg(id ORDER BY code) AS ids FROM subfields WHERE program_id = $1),
         orgs AS (SELECT array_agg(id ORDER BY name) AS ids FROM organizations),
         units AS (SELECT array_agg(id ORDER BY name) AS ids FROM recommenders),
         creator AS (SELECT id FROM users WHERE email = 'bench@example.gov.cn')
    INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status, title, recommender_id)
    SELECT $1, subs.ids[1 + ((g % $2) + (g / $2) * 7) % array_length(subs.ids, 1)],
           orgs.ids[1 + g % $2], creator.id,
           (ARRAY['draft','submitted','submitted','returned','recommended','recommended','not_recommended','eligible','eligible','ineligible','finalist','withdrawn'])[1 + (g::bigint * 7919) % 12],
           '基准项目' || g, units.ids[1 + (g * 31) % array_length(units.ids, 1)]
    FROM generate_series(0, $3::int - 1) g, subs, orgs, units, creator`,
    [programId, organizations, n],
  );
  await pool.query(
    `
    INSERT INTO application_indicators (application_id, indicator_id, target)
    SELECT a.id, i.id, CASE WHEN i.kind = 'boolean' THEN to_jsonb(random() < 0.7) ELSE to_jsonb(round((i.plan_value * (0.5 + random()))::numeric, 2)) END
    FROM applications a JOIN indicators i ON i.subfield_id = a.subfield_id
    WHERE a.program_id = $1 AND ((i.kind = 'number' AND i.plan_comparator IS NOT NULL) OR i.kind = 'boolean')`,
    [programId],
  );
  await pool.query('ANALYZE');
}

/** Requests per second from `connections` keep-alive loops for `seconds`, and the p99 latency. */
async function load(url: string, connections: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      http
        .get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors += 1;
            latencies.push(performance.now() - start);
            resolve();
          });
        })
        .on('error', () => {
          errors += 1;
          resolve();
        });
    });
  await Promise.all(Array.from({ length: connections }, async () => {
    while (Date.now() < until) await one();
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, errors };
}

/** The reference: node:http + pg serving the cached row of the same key, nothing else. */
function bareServer(url: string, key: string): Promise<{ port: number; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const server = http.createServer((_req, res) => {
    pool.query('SELECT payload FROM statistics_cache WHERE key = $1', [key]).then(
      (r) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(r.rows[0]?.payload ?? null));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ port, close: async () => void (await new Promise((r) => server.close(r)), await pool.end()) });
    });
  });
}

export async function benchStatistics(applications: number, seconds: number) {
  const embedded = await startTemporaryPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiebang-bench-'));
  const database = connectDatabase(embedded.url, { max: 10 });
  try {
    await runMigrations(database.pool);
    await ensureBuiltInProgram(database.db);
    await ensureProvincialRecommenders(systemContext(database.db, TEST_AUDIT_CONFIG));
    const programId = (await database.pool.query(`SELECT id FROM programs WHERE code = 'ai-2018'`)).rows[0].id as string;
    const seeded = performance.now();
    await seed(database.pool, programId, applications);
    const rows = (await database.pool.query(`SELECT count(*)::int AS n FROM applications`)).rows[0].n as number;
    const targets = (await database.pool.query(`SELECT count(*)::int AS n FROM application_indicators`)).rows[0].n as number;
    console.log(`seeded ${rows} applications and ${targets} targets in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const compute: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      let t = performance.now();
      await computePublicStatistics(database.db, programId, new Date());
      compute.push(performance.now() - t);
      t = performance.now();
      await database.pool.query(`SELECT subfield_id, count(*) FROM applications WHERE program_id = $1 AND status NOT IN ('draft', 'withdrawn') GROUP BY subfield_id`, [programId]);
      reference.push(performance.now() - t);
    }
    console.log(`full computation: median ${median(compute).toFixed(0)} ms; one GROUP BY over the same rows ${median(reference).toFixed(0)} ms; ratio ${(median(compute) / median(reference)).toFixed(1)}`);

    const port = await freePort();
    const server = runTs('src/server/main.ts', [], { DATABASE_URL: embedded.url, PORT: String(port), JIEBANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await server.waitFor(/is running at/, 120_000);
    const ours = `http://127.0.0.1:${port}/api/public/programs/${programId}/statistics`;
    const first = performance.now();
    const warm = await fetch(ours);
    if (warm.status !== 200) throw new Error(`statistics answered ${warm.status}: ${await warm.text()}`);
    console.log(`first request (computes and caches): ${(performance.now() - first).toFixed(0)} ms, ${(Buffer.byteLength(await warm.text()) / 1024).toFixed(0)} KB`);
    const bare = await bareServer(embedded.url, `public:${programId}`);
    const a = await load(ours, 32, seconds);
    const b = await load(`http://127.0.0.1:${bare.port}/`, 32, seconds);
    console.log(`cached route, 32 connections: ours ${a.rps.toFixed(0)} req/s (p99 ${a.p99.toFixed(0)} ms, ${a.errors} errors); bare node:http + pg ${b.rps.toFixed(0)} req/s (p99 ${b.p99.toFixed(0)} ms); ratio ${(a.rps / b.rps).toFixed(2)}`);
    await bare.close();
    server.child.kill('SIGINT');
    await server.exited;
  } finally {
    await database.close();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
