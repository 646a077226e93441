// Health, the OpenAPI document and the test clock.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';

describe('GET /api/health', () => {
  it('reports ok with the server clock', async () => {
    const { app } = await createTestApp({ testMode: false });
    const before = Date.now();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.testMode).toBe(false);
    expect(Math.abs(Date.parse(body.now) - before)).toBeLessThan(60_000);
  });

  it('fails with INTERNAL when the database is unreachable', async () => {
    const { app, database } = await createTestApp({ testMode: false });
    await database.pool.end();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
  });
});

describe('test clock', () => {
  it('moves the server clock in test mode and keeps it in the database', async () => {
    const { app } = await createTestApp({ testMode: true });
    const day = 24 * 3600 * 1000;
    const set = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 3 * day } });
    expect(set.statusCode).toBe(200);
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(Date.parse(health.now) - Date.now()).toBeGreaterThan(3 * day - 60_000);
    expect(health.testMode).toBe(true);

    const back = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 0 } });
    expect(Math.abs(Date.parse(back.json().now) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a malformed offset', async () => {
    const { app } = await createTestApp({ testMode: true });
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 'soon' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('offsetMs');
  });

  it('does not exist outside test mode', async () => {
    const { app } = await createTestApp({ testMode: false });
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 1000 } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every API route', async () => {
    const { app, routes } = await createTestApp({ testMode: true });
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const missing = routes
      .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });
});
