// The program list and the built-in program.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { ensureBuiltInProgram } from './programs.service.js';

describe('GET /api/programs', () => {
  it('lists the built-in 2018 AI program with its quotas', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ method: 'GET', url: '/api/programs' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const builtIn = items.find((p: { code: string }) => p.code === 'ai-2018');
    expect(builtIn).toMatchObject({
      title: '新一代人工智能产业创新重点任务揭榜',
      quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 },
    });
  });

  it('returns phases in lifecycle order with ISO times', async () => {
    const { app, database } = await createTestApp();
    const id = (await app.inject({ method: 'GET', url: '/api/programs' })).json().items[0].id;
    await database.pool.query(
      `INSERT INTO program_phases (program_id, key, opens_at, closes_at) VALUES
       ($1, 'review', '2019-01-01T00:00:00+08:00', '2019-02-01T00:00:00+08:00'),
       ($1, 'application', '2018-11-14T09:00:00+08:00', '2018-12-14T17:00:00+08:00')`,
      [id],
    );
    const program = (await app.inject({ method: 'GET', url: '/api/programs' })).json().items[0];
    expect(program.phases.map((p: { key: string }) => p.key)).toEqual(['application', 'review']);
    expect(program.phases[0].opensAt).toBe('2018-11-14T01:00:00.000Z');
  });

  it('loads the built-in program only once', async () => {
    const { database } = await createTestApp();
    expect(await ensureBuiltInProgram(database.db)).toEqual({ created: false });
    const n = await database.pool.query(`SELECT count(*)::int AS n FROM programs WHERE code = 'ai-2018'`);
    expect(n.rows[0].n).toBe(1);
  });
});
