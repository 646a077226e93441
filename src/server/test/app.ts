// Test factory for the HTTP app: a fresh database and buildApp() with the test clock, driven through app.inject.
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp, type AppOptions, type App } from '../app.js';
import { createClock } from '../clock.js';
import { TEST_AUDIT_CONFIG } from './audit-config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export { TEST_AUDIT_CONFIG };

export interface TestApp extends App {
  database: TestDatabase;
}

export async function createTestApp(
  options: AppOptions & { testMode?: boolean; beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createClock(database.db, options.testMode ?? true);
  const built = await buildApp({ db: database.db, clock, auditConfig: TEST_AUDIT_CONFIG }, { webDir: '/nonexistent', ...options });
  options.beforeReady?.(built.app);
  await built.app.ready();
  afterAll(() => built.app.close());
  return { ...built, database };
}
