// Start-up checks of the database server: reachable, and durable in production (QUALITY R7).
import type pg from 'pg';
import { LaunchError } from '../launch-error.js';

export async function checkReachable(pool: pg.Pool, external: boolean): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? 'unknown';
    throw external
      ? new LaunchError(
          `无法连接 DATABASE_URL 指定的数据库：${reason}`,
          `cannot connect to the database in DATABASE_URL: ${reason}`,
          { cause: error },
        )
      : new LaunchError(`无法连接内置数据库：${reason}`, `cannot connect to the embedded database: ${reason}`, {
          cause: error,
        });
  }
}

/** Refuses to run in production on a server that may lose acknowledged writes. */
export async function checkDurability(pool: pg.Pool): Promise<void> {
  const settings = await pool.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')",
  );
  for (const { name, setting } of settings.rows) {
    if (setting !== 'on') {
      throw new LaunchError(
        `生产模式要求数据库参数 ${name} 为 on（当前为 ${setting}），否则已确认的提交可能丢失`,
        `production mode needs the database setting ${name}=on (it is ${setting}); otherwise acknowledged submissions can be lost`,
      );
    }
  }
}
