// Migrations from an empty database (also run against a PostgreSQL 15 server in CI), and the constraints they create.
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from './client.js';
import { runMigrations } from './migrate.js';
import { createEmptyDatabase } from '../test/database.js';
import { checkInvariants } from '../invariants.js';
import { ensureBuiltInProgram } from '../modules/programs/programs.service.js';

describe('migrations', () => {
  it('build the whole schema from an empty database, concurrently and idempotently', async () => {
    const empty = await createEmptyDatabase();
    const a = connectDatabase(empty.url, { max: 2 });
    const b = connectDatabase(empty.url, { max: 2 });
    afterAll(async () => {
      await a.close();
      await b.close();
      await empty.drop();
    });
    // Two app processes starting at once must not both apply the same migration.
    await Promise.all([runMigrations(a.pool), runMigrations(b.pool)]);
    await runMigrations(a.pool);
    const tables = await a.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'app_settings',
      'application_indicators',
      'applications',
      'assignment_bans',
      'attachments',
      'audit_events',
      'background_jobs',
      'calendar_overrides',
      'directions',
      'expert_profiles',
      'expert_ties',
      'indicators',
      'lab_assignments',
      'lab_reports',
      'measurements',
      'notices',
      'objections',
      'one_time_tokens',
      'organizations',
      'phase_changes',
      'program_phases',
      'programs',
      'progress_milestones',
      'progress_report_files',
      'progress_reports',
      'quota_changes',
      'rate_limits',
      'receipt_counters',
      'recommendation_batches',
      'recommenders',
      'review_assignments',
      'review_events',
      'review_rounds',
      'reviews',
      'round_entries',
      'selections',
      'sessions',
      'statistics_cache',
      'subfields',
      'submissions',
      'users',
    ]);
    await ensureBuiltInProgram(a.db);
    expect((await checkInvariants(a.db)).ok).toBe(true);

    const version = await a.pool.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    expect(Number(version.rows[0]!.v)).toBeGreaterThanOrEqual(150000);
  });

  it('let the database itself refuse bad states', async () => {
    const empty = await createEmptyDatabase();
    const d = connectDatabase(empty.url, { max: 2 });
    afterAll(async () => {
      await d.close();
      await empty.drop();
    });
    await runMigrations(d.pool);
    const bad = [
      `INSERT INTO programs (code, title, title_en) VALUES ('Bad Code!', 't', 't')`,
      `INSERT INTO programs (code, title, title_en, winners_per_subfield, finalists_per_subfield) VALUES ('x1', 't', 't', 6, 5)`,
      `INSERT INTO users (email, name, password_hash) VALUES ('a@b.cn', 'a', 'plaintext')`,
      `INSERT INTO users (email, name, password_hash, roles) VALUES ('a@b.cn', 'a', '$argon2id$x', '{emperor}')`,
    ];
    for (const statement of bad) await expect(d.pool.query(statement), statement).rejects.toThrow();
    const program = await d.pool.query(`INSERT INTO programs (code, title, title_en) VALUES ('p1', 't', 't') RETURNING id`);
    await expect(
      d.pool.query(`INSERT INTO program_phases (program_id, key, opens_at, closes_at) VALUES ($1, 'review', now(), now() - interval '1 day')`, [
        program.rows[0].id,
      ]),
    ).rejects.toThrow(/program_phases_order/);
    await expect(
      d.pool.query(`INSERT INTO program_phases (program_id, key, opens_at, closes_at) VALUES ($1, 'party', now(), now() + interval '1 day')`, [
        program.rows[0].id,
      ]),
    ).rejects.toThrow(/program_phases_key/);
  });
});
