// Vitest global setup for the server project: one PostgreSQL per run (embedded, or TEST_DATABASE_URL) with a migrated template.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../db/client.js';
import { startTemporaryPostgres, type EmbeddedServer } from '../db/embedded.js';
import { runMigrations } from '../db/migrate.js';
import { sqlText } from '../db/sql-text.js';
import { ensureProvincialRecommenders } from '../modules/accounts/recommenders.service.js';
import { ensureBuiltInProgram } from '../modules/programs/programs.service.js';
import { systemContext } from '../system-context.js';
import { TEST_AUDIT_CONFIG } from './audit-config.js';
import { withDatabase } from './db-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance connection of the test server (database `postgres` or the one in TEST_DATABASE_URL). */
    adminDatabaseUrl: string;
    /** Name of the migrated, seeded template every test file clones. */
    templateDatabase: string;
  }
}

const TEMPLATE = `jiebang_template_${process.pid}`;


let embedded: EmbeddedServer | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startTemporaryPostgres();
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(sqlText`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(sqlText`CREATE DATABASE ${TEMPLATE}`);
  const template = connectDatabase(withDatabase(adminUrl, TEMPLATE), { max: 2 });
  await runMigrations(template.pool);
  await ensureBuiltInProgram(template.db);
  await ensureProvincialRecommenders(systemContext(template.db, TEST_AUDIT_CONFIG));
  await template.close();

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE);

  return async () => {
    // Databases cloned by test files are dropped by them; drop whatever a crashed file left.
    const left = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'jiebang_test_%' OR datname = $1`,
      [TEMPLATE],
    );
    for (const row of left.rows) await admin.query(sqlText`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
