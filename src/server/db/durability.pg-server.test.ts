// QUALITY R7 against real PostgreSQL servers: production refuses a server started with fsync=off, and the platform
// process itself stops with one sentence naming the setting.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LaunchError } from '../launch-error.js';
import { startDebianPostgres } from '../test/harness/debian-postgres.js';
import { machine, recordSection } from '../test/harness/report.js';
import { runTs } from '../test/process.js';
import { checkDurability } from './checks.js';
import { freePort } from './embedded.js';

describe('durability check on a PostgreSQL server', () => {
  it('refuses a server started with fsync=off, in the check and at start-up in production', async () => {
    const lossy = await startDebianPostgres({ fsync: 'off' });
    const pool = new pg.Pool({ connectionString: lossy.url, max: 1 });
    afterAll(async () => {
      await pool.end();
      await lossy.stop();
    });
    expect((await pool.query('SHOW fsync')).rows[0].fsync).toBe('off');
    const error = await checkDurability(pool).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toContain('fsync');

    const server = runTs('src/server/main.ts', [], { DATABASE_URL: lossy.url, NODE_ENV: 'production', PORT: String(await freePort()), JIEBANG_DATA_DIR: '/tmp/jiebang-r7-unused' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/启动失败：生产模式要求数据库参数 fsync 为 on（当前为 off）/);
    recordSection(
      'durability',
      [
        ['server started with fsync=off: checkDurability', 'refused (LaunchError naming fsync)'],
        ['the platform in production mode on it', 'exit code 1, one sentence naming fsync'],
        ['synchronous_commit=off', 'refused (checks.test.ts, on every run of the suite)'],
      ],
      { machine: machine('Debian PostgreSQL 15 server started for the test') },
    );
  });

  it('accepts a server with the durable defaults', async () => {
    const durable = await startDebianPostgres();
    const pool = new pg.Pool({ connectionString: durable.url, max: 1 });
    afterAll(async () => {
      await pool.end();
      await durable.stop();
    });
    await expect(checkDurability(pool)).resolves.toBeUndefined();
  });
});
