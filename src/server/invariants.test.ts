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
});
