// The whole process: start-up failures in one sentence, Ctrl-C, kill -9 and restart, and an external server.
import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clearStaleServer, findRunningServer, freePort } from './db/embedded.js';
import { createEmptyDatabase } from './test/database.js';
import { runTs, type ChildRun } from './test/process.js';
import path from 'node:path';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync('/tmp/jiebang-main-');
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => {
    await clearStaleServer(path.join(dir, 'pg'), () => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function startMain(env: Record<string, string>): ChildRun {
  const run = runTs('src/server/main.ts', [], env);
  cleanups.push(async () => {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGINT');
      await run.exited;
    }
  });
  return run;
}

async function baseEnv(dataDir: string) {
  return { JIEBANG_DATA_DIR: dataDir, PORT: String(await freePort()), JIEBANG_DB_PORT: String(await freePort()), JIEBANG_TEST_MODE: '1' };
}

const RUNNING = /is running at (http:\/\/\S+)/;

function errorLines(output: string): string[] {
  return output.split('\n').filter((l) => l.startsWith('启动失败'));
}

describe('npm start (src/server/main.ts)', () => {
  it('explains a taken HTTP port in one sentence and exits with 1', async () => {
    const env = await baseEnv(tempDataDir());
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(Number(env.PORT), '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => blocker.close(r)));
    const run = startMain(env);
    expect(await run.exited).toBe(1);
    const lines = errorLines(run.output());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`端口 ${env.PORT} 已被占用`);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('explains a bad environment variable in one sentence and exits with 1', async () => {
    const run = startMain({ ...(await baseEnv(tempDataDir())), PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(errorLines(run.output())).toEqual([expect.stringContaining('PORT')]);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('explains an unwritable data folder in one sentence and exits with 1', async () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, 'file'), '');
    const run = startMain({ ...(await baseEnv(dir)), JIEBANG_DATA_DIR: path.join(dir, 'file', 'data') });
    expect(await run.exited).toBe(1);
    expect(errorLines(run.output())).toEqual([expect.stringMatching(/数据目录 .* 不可写/)]);
  });

  it('explains an administrator password the policy refuses, in one sentence', async () => {
    const run = startMain({ ...(await baseEnv(tempDataDir())), JIEBANG_ADMIN_EMAIL: 'chief@example.gov.cn', JIEBANG_ADMIN_PASSWORD: 'short' });
    expect(await run.exited).toBe(1);
    expect(errorLines(run.output())).toEqual([expect.stringContaining('JIEBANG_ADMIN_PASSWORD 无法创建管理员：密码至少 10 个字符')]);
  });

  it('survives kill -9: the next start works and keeps the data; Ctrl-C then stops PostgreSQL', async () => {
    const dir = tempDataDir();
    const env = await baseEnv(dir);
    const first = startMain(env);
    await first.waitFor(RUNNING);
    const base = RUNNING.exec(first.output())![1]!;
    const offsetMs = 7 * 24 * 3600 * 1000;
    const set = await fetch(`${base}/api/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs }),
    });
    expect(set.status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exited;

    const second = startMain(env);
    await second.waitFor(RUNNING);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { now: string };
    // The clock offset written before the kill is still in the database.
    expect(Date.parse(health.now) - Date.now()).toBeGreaterThan(offsetMs - 60_000);

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(findRunningServer(path.join(dir, 'pg'))).toBeNull();
  });

  it('uses DATABASE_URL when set and starts no embedded PostgreSQL', async () => {
    const dir = tempDataDir();
    const empty = await createEmptyDatabase();
    cleanups.push(() => empty.drop());
    const run = startMain({ ...(await baseEnv(dir)), DATABASE_URL: empty.url });
    await run.waitFor(RUNNING);
    const base = RUNNING.exec(run.output())![1]!;
    const programs = (await (await fetch(`${base}/api/programs`)).json()) as { items: Array<{ code: string }> };
    expect(programs.items.map((p) => p.code)).toContain('ai-2018');
    expect(fs.existsSync(path.join(dir, 'pg'))).toBe(false);
    expect(run.output()).not.toContain('embedded PostgreSQL');
  });
});
