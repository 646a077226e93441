// A fresh database per test file, cloned from the migrated template made by global-setup.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { withDatabase } from './db-url.js';
import { connectDatabase, type Database } from '../db/client.js';
import { sqlText } from '../db/sql-text.js';

export interface TestDatabase extends Database {
  url: string;
  name: string;
}


async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (no migrations), e.g. to test migrating from nothing. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jiebang_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(sqlText`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(inject('adminDatabaseUrl'), name),
    drop: () => admin((c) => c.query(sqlText`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Clones the template into a new database and drops it after the file's tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `jiebang_test_${randomBytes(6).toString('hex')}`;
  // Cloning needs the template to have no open connections; retry briefly if another file is cloning.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin((c) => c.query(sqlText`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = withDatabase(inject('adminDatabaseUrl'), name);
  const database = connectDatabase(url, { max: 10 });
  afterAll(async () => {
    await database.close();
    await admin((c) => c.query(sqlText`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return { ...database, url, name };
}
