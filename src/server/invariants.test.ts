// check-invariants: passes on a fresh database and catches each broken rule.
import { systemContext } from './system-context.js';
import { TEST_AUDIT_CONFIG } from './test/app.js';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants.js';
import { createAdmin } from './modules/accounts/accounts.service.js';
import { createTestDatabase } from './test/database.js';

describe('checkInvariants', () => {
  it('passes on a freshly migrated database', async () => {
    const { db } = await createTestDatabase();
    const report = await checkInvariants(db);
    expect(report.results.filter((r) => r.violations.length > 0)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('catches a missing built-in program, an unapplied migration, bad quotas and weights, and bad program grants', async () => {
    const { db, pool } = await createTestDatabase();
    const admin = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'a@example.cn', name: 'A', password: 'Passw0rd-long' });
    await pool.query(`UPDATE users SET roles = '{system_admin}', program_ids = ARRAY[gen_random_uuid()] WHERE id = $1`, [admin.id]);
    const other = await pool.query(`INSERT INTO programs (code, title, title_en) VALUES ('other', 'o', 'o') RETURNING id`);
    await pool.query(`UPDATE indicators SET program_id = $1 WHERE code = 'D01-01-I1'`, [other.rows[0].id]);
    await pool.query(`UPDATE subfields SET winners_quota = 9 WHERE code = 'D01-01'`);
    await pool.query(`UPDATE review_rounds SET criteria = criteria - 0 WHERE key = 'online'`);
    const org = await pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ('单位', '91110000MA00000000', 'enterprise', '110000') RETURNING id`);
    const application = await pool.query(
      `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status)
       SELECT program_id, id, $1, $2, 'submitted' FROM subfields WHERE code = 'D01-02' RETURNING id`,
      [org.rows[0].id, admin.id],
    );
    await pool.query(`INSERT INTO application_indicators (application_id, indicator_id) SELECT $1, id FROM indicators WHERE code = 'D01-01-I2'`, [application.rows[0].id]);
    await pool.query(`UPDATE programs SET code = 'renamed' WHERE code = 'ai-2018'`);
    await pool.query(`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`);
    const report = await checkInvariants(db);
    expect(report.ok).toBe(false);
    const broken = report.results.filter((r) => r.violations.length > 0).map((r) => r.name);
    expect(broken).toEqual([
      'every committed migration is applied',
      'the built-in program exists',
      'catalogue entries belong to the program of their parents',
      'every subfield has no more winners than finalists',
      'the criteria weights of a review round add up to 100',
      'the indicator rows of an application belong to its subfield',
      'every application past its draft has a stored receipt',
      'program grants of users name existing programs',
      'program grants are held by program admins only',
    ]);
  });

  it('catches overfilled quotas, winners never noticed as finalists, and evaluation records out of place', async () => {
    const { db, pool } = await createTestDatabase();
    const admin = await createAdmin(systemContext(db, TEST_AUDIT_CONFIG), { email: 'e@example.cn', name: 'E', password: 'Passw0rd-long' });
    const notLab = admin.id;
    const lab = (await pool.query(`INSERT INTO users (email, name, password_hash, roles) SELECT 'lab@example.cn', '评测', password_hash, '{lab}' FROM users WHERE id = $1 RETURNING id`, [admin.id])).rows[0].id;
    const org = (await pool.query(`INSERT INTO organizations (name, uscc, kind, region_code) VALUES ('单位', '91110000MA00000000', 'enterprise', '110000') RETURNING id`)).rows[0].id;
    const apps: string[] = [];
    for (const code of ['D01-01', 'D01-02', 'D01-03', 'D01-04', 'D02-01', 'D02-02']) {
      apps.push(
        (
          await pool.query(
            `INSERT INTO applications (program_id, subfield_id, organization_id, created_by, status)
             SELECT program_id, id, $1, $2, 'finalist_confirmed' FROM subfields WHERE code = $3 RETURNING id`,
            [org, admin.id, code],
          )
        ).rows[0].id,
      );
    }
    const [first] = apps;
    // Six finalists in one subfield (the rows say so, whatever the applications' own subfields).
    const subfield = (await pool.query(`SELECT id, program_id FROM subfields WHERE code = 'D01-01'`)).rows[0];
    for (const id of apps) {
      await pool.query(`INSERT INTO selections (program_id, subfield_id, application_id, stage, selected_by, selected_at) VALUES ($1, $2, $3, 'finalist', $4, now())`, [subfield.program_id, subfield.id, id, admin.id]);
    }
    await pool.query(`INSERT INTO selections (program_id, subfield_id, application_id, stage, selected_by, selected_at) VALUES ($1, $2, $3, 'winner', $4, now())`, [subfield.program_id, subfield.id, first, admin.id]);
    await pool.query(`INSERT INTO lab_assignments (program_id, application_id, lab_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $3, now())`, [subfield.program_id, apps[1], notLab]);
    const indicator = (await pool.query(`SELECT id FROM indicators WHERE code = 'D05-01-I1'`)).rows[0].id;
    await pool.query(`INSERT INTO measurements (application_id, indicator_id, measured, method, tested_on, lab_id, recorded_at, updated_at) VALUES ($1, $2, '1', 'x', '2026-01-01', $3, now(), now())`, [first, indicator, lab]);
    const other = (await pool.query(`INSERT INTO programs (code, title, title_en) VALUES ('other-ev', 'o', 'o') RETURNING id`)).rows[0].id;
    const milestone = (await pool.query(`INSERT INTO progress_milestones (program_id, title, due_at, created_by) VALUES ($1, '中期', now(), $2) RETURNING id`, [other, admin.id])).rows[0].id;
    await pool.query(`INSERT INTO progress_reports (milestone_id, application_id) VALUES ($1, $2)`, [milestone, first]);
    const assignment = (
      await pool.query(`INSERT INTO review_assignments (program_id, round, application_id, expert_id, status, affinity) VALUES ($1, 'final', $2, $3, 'released', 0) RETURNING id`, [subfield.program_id, first, admin.id])
    ).rows[0].id;
    await pool.query(`INSERT INTO reviews (assignment_id, scores, state, total, submitted_at) VALUES ($1, '{"metShare": 3, "level": 5, "application": 5, "industry": 5}', 'submitted', 50, now())`, [assignment]);
    const report = await checkInvariants(db);
    const broken = report.results.filter((r) => r.violations.length > 0).map((r) => r.name);
    expect(broken).toEqual(
      expect.arrayContaining([
        'no subfield has more finalists or winners than its quota',
        'every winner is a published finalist of its subfield',
        'every lab assignment gives a lab account an application of its program',
        'every measurement was recorded by a lab assigned to its application',
        'every measurement is of an indicator its application declares, with its own test report',
        'progress reports belong to the program of their due date',
        'automatic metShare scores follow the measured attainment',
      ]),
    );
  });
});
