// Fixed-window rate limits counted in PostgreSQL, so every app process shares them (QUALITY S10).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { AppError } from './app-error.js';

export interface Limit {
  /** What is limited and for whom, e.g. `register:ip:203.0.113.9`. */
  key: string;
  max: number;
  windowMs: number;
}

/** Counts one hit; throws RATE_LIMITED (with Retry-After) when the window's budget is spent. */
export async function hitRateLimit(db: DbOrTx, limit: Limit, now: Date): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
  const result = await db.execute<{ count: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${limit.key}, ${windowStart.toISOString()}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`);
  const count = Number(result.rows[0]?.count ?? 0);
  if (count > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + limit.windowMs - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', undefined, { headers: { 'retry-after': String(retryAfter) } });
  }
}

/** Old windows are useless; called now and then (e.g. at sign-in) to keep the table small. */
export async function pruneRateLimits(db: DbOrTx, now: Date): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${new Date(now.getTime() - 2 * 86_400_000).toISOString()}`);
}

/** How many hits the key has in the current window, without counting one. */
export async function countInWindow(db: DbOrTx, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const result = await db.execute<{ count: number }>(
    sql`SELECT count FROM rate_limits WHERE key = ${key} AND window_start = ${windowStart.toISOString()}`,
  );
  return Number(result.rows[0]?.count ?? 0);
}

export async function clearRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}
