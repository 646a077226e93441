// The embedded PostgreSQL launcher: failures explained in one sentence, crashes recovered, data kept.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { LaunchError } from '../launch-error.js';
import { PACKAGE_ROOT } from '../paths.js';
import { runTs, type ChildRun } from '../test/process.js';
import { clearStaleServer, findRunningServer, freePort, startEmbeddedPostgres, type EmbeddedServer } from './embedded.js';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function tempDataDir(): string {
  // /tmp, not os.tmpdir(): the postgres user must be able to traverse it when the tests run as root.
  const dir = fs.mkdtempSync('/tmp/jiebang-launcher-');
  fs.chmodSync(dir, 0o755);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port: number, log?: (line: string) => void): Promise<EmbeddedServer> {
  const server = await startEmbeddedPostgres({ dataDir, port, log });
  cleanups.push(() => server.stop());
  return server;
}

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function hold(dataDir: string, port: number): ChildRun {
  const run = runTs('src/server/test/fixtures/hold-embedded.ts', [dataDir, String(port)], {});
  cleanups.push(async () => {
    run.child.kill('SIGKILL');
    await run.exited;
    await clearStaleServer(path.join(dataDir, 'pg'), () => undefined);
  });
  return run;
}

describe('embedded PostgreSQL launcher', () => {
  it('names a taken port and the variable to change', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => blocker.close(r)));
    const error = await startEmbeddedPostgres({ dataDir: tempDataDir(), port }).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toContain(String(port));
    expect(error.toLine()).toContain('JIEBANG_DB_PORT');
  });

  it('names a data folder that cannot be written', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const error = await startEmbeddedPostgres({ dataDir: path.join(file, 'data'), port: await freePort() }).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toMatch(/数据目录 .* 不可写.*JIEBANG_DATA_DIR/);
  });

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  it.runIf(asRoot)('explains a data folder the postgres user cannot enter', async () => {
    const closed = fs.mkdtempSync('/tmp/jiebang-closed-'); // mode 0700, owned by root
    cleanups.push(() => fs.rmSync(closed, { recursive: true, force: true }));
    const error = await startEmbeddedPostgres({ dataDir: path.join(closed, 'data'), port: await freePort() }).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toContain(`postgres 用户无法进入目录 ${closed}`);
  });

  it.runIf(asRoot)('opens a closed folder of the project itself (a fresh clone is often 0700) for traversal only', async () => {
    const cache = path.join(PACKAGE_ROOT, 'node_modules', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    const closed = fs.mkdtempSync(path.join(cache, 'closed-'));
    cleanups.push(() => fs.rmSync(closed, { recursive: true, force: true }));
    expect(fs.statSync(closed).mode & 0o777).toBe(0o700);
    const server = await start(path.join(closed, 'data'), await freePort());
    expect(fs.statSync(closed).mode & 0o777).toBe(0o701);
    expect((await query(server.url, 'SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('rebuilds a half-initialised data folder left by a kill during the first start', async () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.join(dir, 'pg'));
    fs.writeFileSync(path.join(dir, 'pg', 'PG_VERSION'), '15\n');
    const lines: string[] = [];
    const server = await start(dir, await freePort(), (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/half-initialised/);
    expect((await query(server.url, 'SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('recovers after kill -9 of the app (orphaned server, stale lock) and keeps the data', async () => {
    const dir = tempDataDir();
    const port = await freePort();
    const first = hold(dir, port);
    await first.waitFor(/READY (\S+)/);
    const url = /READY (\S+)/.exec(first.output())![1]!;
    await query(url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('acknowledged')`);

    first.child.kill('SIGKILL');
    await first.exited;
    // The postmaster outlives its parent and still holds the folder and the port.
    const orphan = findRunningServer(path.join(dir, 'pg'));
    expect(orphan).not.toBeNull();
    expect(orphan!.owned).toBe(false);

    const lines: string[] = [];
    const server = await start(dir, port, (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/left running by an earlier start/);
    expect((await query(server.url, 'SELECT v FROM kept')).rows).toEqual([{ v: 'acknowledged' }]);
  });

  it('refuses a data folder that another running instance uses', async () => {
    const dir = tempDataDir();
    const port = await freePort();
    const first = hold(dir, port);
    await first.waitFor(/READY/);
    const error = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() }).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toMatch(/正被另一个运行中的 Jiebang 使用/);
    // The CLI may share it instead.
    const shared = await startEmbeddedPostgres({ dataDir: dir, port: 1, reuseRunning: true });
    expect(shared.port).toBe(port);
    expect((await query(shared.url, 'SELECT 2 AS two')).rows[0].two).toBe(2);
  });
});
