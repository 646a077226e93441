// Health and test-clock use cases.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { writeClockOffset } from '../../clock.js';
import { audit, type ServiceContext } from '../../http/request-context.js';

export async function checkHealth(ctx: ServiceContext, clock: Clock) {
  // A real round trip: health fails (500) when the database is unreachable.
  await ctx.db.execute(sql`SELECT 1`);
  return { status: 'ok' as const, now: ctx.now.toISOString(), testMode: clock.testMode };
}

export async function setTestClock(ctx: ServiceContext, clock: Clock, offsetMs: number) {
  await ctx.db.transaction(async (tx) => {
    await writeClockOffset(tx, offsetMs);
    await audit(ctx, tx, { action: 'test.clock.set', objectType: 'clock', details: { offsetMs } });
  });
  const now = await clock.now();
  return { offsetMs, now: now.toISOString() };
}
