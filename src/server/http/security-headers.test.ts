// Security headers on every route, static file, SPA fallback and error (QUALITY S9).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { SECURITY_HEADERS } from './security-headers.js';

let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiebang-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><h1>揭榜挂帅平台</h1></html>');
  fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  t = await createTestApp({ webDir });
});
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

function expectSecurityHeaders(headers: Record<string, unknown>, label: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers[name], `${label}: ${name}`).toBe(value);
  }
  expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('are sent by every registered API route, and API responses are not cached', async () => {
    const apiRoutes = t.routes.filter((r) => r.url.startsWith('/api') && (r.method === 'GET' || r.method === 'POST'));
    expect(apiRoutes.length).toBeGreaterThan(3);
    for (const route of apiRoutes) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');
      const res = await t.app.inject({ method: route.method as 'GET' | 'POST', url, payload: route.method === 'POST' ? {} : undefined });
      expectSecurityHeaders(res.headers, `${route.method} ${route.url} (${res.statusCode})`);
      expect(res.headers['cache-control'], route.url).toBe('no-store');
    }
  });

  it('are sent with static files, the SPA fallback and errors', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expectSecurityHeaders(asset.headers, 'asset');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const page = await t.app.inject({ method: 'GET', url: '/some/client/route' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('揭榜挂帅平台');
    expectSecurityHeaders(page.headers, 'spa fallback');
    expect(page.headers['cache-control']).toBe('no-cache');

    const missingAsset = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missingAsset.statusCode).toBe(404);
    expectSecurityHeaders(missingAsset.headers, 'missing asset');

    const apiMissing = await t.app.inject({ method: 'DELETE', url: '/api/nothing' });
    expect(apiMissing.statusCode).toBe(404);
    expectSecurityHeaders(apiMissing.headers, 'api 404');
  });

  it('serve the web app at / and never the SPA page for unknown API paths', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    const api = await t.app.inject({ method: 'GET', url: '/api/unknown' });
    expect(api.headers['content-type']).toContain('application/json');
  });

  it('do not let a path escape the web folder', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/..%2f..%2f..%2fetc%2fpasswd' });
    expect(res.body).not.toContain('root:');
  });
});
