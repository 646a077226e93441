// QUALITY R3 on a PostgreSQL server (TEST_DATABASE_URL in CI: Debian PostgreSQL 15; otherwise a throwaway one): the
// server process is killed with SIGKILL during concurrent submissions; the database server stays up, as it would.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlText } from '../db/sql-text.js';
import { runCrashHarness } from '../test/harness/crash.js';
import { crashFigures } from '../test/harness/crash-figures.js';
import { startDebianPostgres } from '../test/harness/debian-postgres.js';
import { machine, recordSection } from '../test/harness/report.js';
import { withDatabase } from '../test/db-url.js';

describe('crash safety on a PostgreSQL server', () => {
  it('keeps every acknowledged submission exactly once, with its files, through kill -9 of the app', async () => {
    const throwaway = process.env.TEST_DATABASE_URL ? null : await startDebianPostgres();
    const adminUrl = process.env.TEST_DATABASE_URL || throwaway!.url;
    const name = `jiebang_crash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(sqlText`CREATE DATABASE ${name}`);
    const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    afterAll(async () => {
      await admin.query(sqlText`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await throwaway?.stop();
    });
    const report = await runCrashHarness({ applications: 40, kills: 4, concurrency: 8, seed: 2020, databaseUrl: withDatabase(adminUrl, name) });
    recordSection('crash-server', crashFigures(report), { machine: machine(`PostgreSQL ${version} server`) });
    expect(report.clientErrors).toEqual([]);
    expect(report.kills).toBe(4);
    expect(report.acknowledged).toBe(40);
    expect(report.lost).toEqual([]);
    expect(report.duplicated).toEqual([]);
    expect(report.damagedFiles).toEqual([]);
    expect(report.invariants.ok, report.invariants.output).toBe(true);
    expect(report.audit.ok, report.audit.output).toBe(true);
  });
});
