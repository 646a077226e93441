// Process entry: config → database (embedded or DATABASE_URL) → migrations → built-in program → HTTP server.
import path from 'node:path';
import { buildApp } from './app.js';
import { createClock } from './clock.js';
import { checkDurability } from './db/checks.js';
import { isPortTaken } from './db/embedded.js';
import { openDatabase } from './db/open.js';
import { runMigrations } from './db/migrate.js';
import { loadConfig, type Config } from './config.js';
import { AppError } from './http/app-error.js';
import { LaunchError } from './launch-error.js';
import { ensureAdminFromEnv, hasAnyAccount } from './modules/accounts/accounts.service.js';
import { loadAuditKey } from './modules/audit/audit-key.js';
import { ensureProvincialRecommenders } from './modules/accounts/recommenders.service.js';
import { systemContext } from './system-context.js';
import { LocalFileStore } from './storage/file-store.js';
import { ensureBuiltInProgram } from './modules/programs/programs.service.js';
import { jobHandlers, requeueWaiting } from './jobs/handlers.js';
import { startJobQueue } from './jobs/queue.js';
import { buildDemo, demoAccounts, demoBuilt, platformIsEmpty } from './demo/demo.js';

const say = (line: string) => process.stdout.write(`[jiebang] ${line}\n`);

async function start(config: Config, cleanup: Array<() => Promise<void>>): Promise<void> {
  if (Boolean(config.adminEmail) !== Boolean(config.adminPassword)) {
    throw new LaunchError(
      'JIEBANG_ADMIN_EMAIL 与 JIEBANG_ADMIN_PASSWORD 必须同时设置',
      'JIEBANG_ADMIN_EMAIL and JIEBANG_ADMIN_PASSWORD must be set together',
    );
  }
  if (await isPortTaken(config.port, config.host === '0.0.0.0' ? '127.0.0.1' : config.host)) {
    throw new LaunchError(
      `端口 ${config.port} 已被占用，请关闭占用它的程序或设置 PORT 为其他端口`,
      `port ${config.port} is already in use; stop the program using it or set PORT to another port`,
    );
  }

  const database = await openDatabase(config, { log: say });
  cleanup.push(() => database.shutdown());
  if (config.production) await checkDurability(database.pool);
  await runMigrations(database.pool);
  const { created } = await ensureBuiltInProgram(database.db);
  if (created) say('loaded the built-in program ai-2018');
  const auditConfig = { key: loadAuditKey({ envKey: config.auditKey, dataDir: config.dataDir }), alg: config.auditHash };
  await ensureProvincialRecommenders(systemContext(database.db, auditConfig));
  const admin = await ensureAdminFromEnv(systemContext(database.db, auditConfig), config.adminEmail, config.adminPassword).catch(
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      const zh = (error.localizedDetails('zh') ?? []).map((d) => d.message).join('；') || error.localized.zh;
      const en = (error.localizedDetails('en') ?? []).map((d) => d.message).join('; ') || error.localized.en;
      throw new LaunchError(`JIEBANG_ADMIN_EMAIL/JIEBANG_ADMIN_PASSWORD 无法创建管理员：${zh}`, `cannot create the administrator from JIEBANG_ADMIN_EMAIL/JIEBANG_ADMIN_PASSWORD: ${en}`);
    },
  );
  if (admin === 'created') say(`created the administrator ${config.adminEmail}`);
  if (!config.demo && !(await hasAnyAccount(database.db))) {
    say('no account exists yet: set JIEBANG_ADMIN_EMAIL and JIEBANG_ADMIN_PASSWORD, or run `npm run cli -- create-admin`');
  }

  const clock = createClock(database.db, config.testMode);
  const jobs = await startJobQueue(database.pool, jobHandlers({ db: database.db, clock, auditConfig }));
  cleanup.unshift(() => jobs.stop());
  const requeued = await requeueWaiting(database.db, jobs);
  if (requeued > 0) say(`queued again ${requeued} background job(s) left waiting`);
  const files = new LocalFileStore(path.join(config.dataDir, 'files'));
  // Demo mode shows the demo once it exists: built now into an empty platform, never over one that holds data.
  let demoReady = config.demo && (await demoBuilt(database.db));
  if (config.demo && !demoReady) {
    if (await platformIsEmpty(database.db)) {
      await buildDemo({ db: database.db, auditConfig, jobs, files, log: say });
      demoReady = true;
    } else say('demo mode is on, but the platform already holds data: no demo is built (`npm run cli -- demo:reset` starts again with the demo)');
  }
  const { app } = await buildApp(
    { db: database.db, clock, auditConfig, files, jobs },
    {
      trustProxy: config.trustProxy,
      demo: demoReady,
      logger: {
        level: config.logLevel,
        redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      },
    },
  );
  cleanup.unshift(() => app.close());
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new LaunchError(
        `无法在 ${config.host}:${config.port} 上监听（${code}），请设置 HOST/PORT`,
        `cannot listen on ${config.host}:${config.port} (${code}); set HOST and PORT`,
        { cause: error },
      );
    }
    throw error;
  }
  if (config.testMode) say('TEST MODE: the clock can be moved with POST /api/test/clock');
  say(`Jiebang 揭榜挂帅平台 is running at http://${config.host}:${config.port}`);
  if (demoReady) {
    const demo = demoAccounts();
    say(`demo accounts (password ${demo.password}; JIEBANG_DEMO=0 turns the demo off):`);
    for (const a of demo.accounts) say(`  ${a.role.padEnd(15)} ${a.email}  ${a.name}`);
  }
}

async function runCleanup(cleanup: Array<() => Promise<void>>): Promise<void> {
  // In order: HTTP server, job queue, then the database (pool, then the embedded PostgreSQL).
  while (cleanup.length > 0) {
    const step = cleanup.shift()!;
    await step().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const cleanup: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await runCleanup(cleanup);
    process.exit(code);
  };
  process.on('SIGINT', () => {
    say('stopping (Ctrl-C)…');
    void stop(0);
  });
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`[jiebang] uncaught error, stopping: ${error.stack ?? String(error)}\n`);
    void stop(1);
  });

  try {
    await start(loadConfig(), cleanup);
  } catch (error) {
    if (error instanceof LaunchError) {
      process.stderr.write(`${error.toLine()}\n`);
    } else {
      process.stderr.write(`启动失败：意外错误（unexpected error）: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    await stop(1);
  }
}

await main();
