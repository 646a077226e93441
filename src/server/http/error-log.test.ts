// A failing query's log line names what failed, never the values it carried (QUALITY S12): neither Drizzle's
// `params:` line nor the database's own message and detail, which echo the refused values.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';

const PHONE = '13800009999';
const EMAIL = 'canary.log@example.com';
const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  t = await createTestApp({
    logger: { level: 'error', stream },
    beforeReady: (app: FastifyInstance) => {
      app.get('/api/probe/failing-query', { config: { access: 'public' } }, async () => {
        // A cast the database refuses, and a duplicate whose detail would repeat the value.
        await t.database.db.execute(sql`SELECT ${PHONE}::int AS n`);
        return { ok: true };
      });
      app.get('/api/probe/duplicate', { config: { access: 'public' } }, async () => {
        await t.database.db.execute(sql`INSERT INTO app_settings (key, value) VALUES (${EMAIL}, '{}'::jsonb)`);
        await t.database.db.execute(sql`INSERT INTO app_settings (key, value) VALUES (${EMAIL}, '{}'::jsonb)`);
        return { ok: true };
      });
    },
  });
});

describe('error logs', () => {
  it('keep the query’s values out of the log line of a failing query', async () => {
    for (const url of ['/api/probe/failing-query', '/api/probe/duplicate']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(PHONE);
      expect(res.body).not.toContain(EMAIL);
    }
    const logged = lines.join('');
    expect(logged).toContain('unhandled error');
    // What failed is still there to debug: the SQL with its placeholders and the database's error code.
    expect(logged).toContain('Failed query');
    expect(logged).toMatch(/"code":"22003"/);
    expect(logged).toMatch(/"code":"23505"/);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain(EMAIL);
  });
});
