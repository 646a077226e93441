// The one clock behind every phase check. In test mode an offset stored in PostgreSQL shifts it for all processes.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './db/client.js';
import { appSettings } from './db/schema/index.js';

const OFFSET_KEY = 'test_clock_offset_ms';

export interface Clock {
  readonly testMode: boolean;
  now(): Promise<Date>;
}

export function createClock(db: DbOrTx, testMode: boolean): Clock {
  if (!testMode) return { testMode, now: async () => new Date() };
  return {
    testMode,
    async now() {
      return new Date(Date.now() + (await readClockOffset(db)));
    },
  };
}

export async function readClockOffset(db: DbOrTx): Promise<number> {
  const rows = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, OFFSET_KEY));
  const value = rows[0]?.value;
  return typeof value === 'number' ? value : 0;
}

export async function writeClockOffset(db: DbOrTx, offsetMs: number): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key: OFFSET_KEY, value: offsetMs })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: offsetMs, updatedAt: sql`now()` } });
}
