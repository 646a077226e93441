// Start-up checks of the database server (QUALITY R7): production refuses a server that may lose acknowledged writes.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LaunchError } from '../launch-error.js';
import { createEmptyDatabase } from '../test/database.js';
import { checkDurability, checkReachable } from './checks.js';

describe('database start-up checks', () => {
  it('accept a durable server and refuse one with synchronous_commit off', async () => {
    const empty = await createEmptyDatabase();
    const durable = new pg.Pool({ connectionString: empty.url, max: 1 });
    const lossy = new pg.Pool({ connectionString: empty.url, max: 1, options: '-c synchronous_commit=off' });
    afterAll(async () => {
      await durable.end();
      await lossy.end();
      await empty.drop();
    });
    await expect(checkDurability(durable)).resolves.toBeUndefined();
    const error = await checkDurability(lossy).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toContain('synchronous_commit');
  });

  it('explain an unreachable DATABASE_URL in one sentence', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none', max: 1 });
    afterAll(() => pool.end());
    const error = await checkReachable(pool, true).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.toLine()).toMatch(/^启动失败：无法连接 DATABASE_URL 指定的数据库/);
  });
});
