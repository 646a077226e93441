// Test factory for the HTTP app: a fresh database and buildApp() with the test clock, driven through app.inject.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp, type AppOptions, type App } from '../app.js';
import { createClock } from '../clock.js';
import { TEST_AUDIT_CONFIG } from './audit-config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { LocalFileStore } from '../storage/file-store.js';
import { jobHandlers } from '../jobs/handlers.js';
import { lazyJobQueue, startJobQueue } from '../jobs/queue.js';

export { TEST_AUDIT_CONFIG };

export interface TestApp extends App {
  database: TestDatabase;
  /** The folder the app's file store writes to. */
  filesDir: string;
}

export async function createTestApp(
  options: AppOptions & { testMode?: boolean; beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createClock(database.db, options.testMode ?? true);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiebang-files-'));
  const files = new LocalFileStore(filesDir);
  const deps = { db: database.db, clock, auditConfig: TEST_AUDIT_CONFIG };
  const jobs = lazyJobQueue(() => startJobQueue(database.pool, jobHandlers(deps), { pollingIntervalSeconds: 0.5 }));
  const built = await buildApp({ ...deps, files, jobs }, { webDir: '/nonexistent', ...options });
  options.beforeReady?.(built.app);
  await built.app.ready();
  afterAll(async () => {
    await built.app.close();
    await jobs.stop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });
  return { ...built, database, filesDir };
}
