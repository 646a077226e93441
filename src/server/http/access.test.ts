// Deny by default (QUALITY S1): every API route declares who may call it, or the app refuses to build.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../test/app.js';

describe('route access declarations', () => {
  it('every registered API route declares its access', async () => {
    const { routes } = await createTestApp();
    const api = routes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThan(0);
    const undeclared = api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses to register an API route without a declared access', async () => {
    await expect(
      createTestApp({
        beforeReady: (app) => {
          app.get('/api/forgotten', { schema: { response: { 200: z.object({}) } } }, async () => ({}));
        },
      }),
    ).rejects.toThrow(/declares no access/);
  });
});
