// Platform routes: health, the OpenAPI document, and (test mode only) the test clock.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { healthResponse } from '../../../shared/schemas/system.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { checkHealth, setTestClock } from './system.service.js';

const clockBody = z.strictObject({
  offsetMs: z.number().int().min(-10 * 365 * 24 * 3600 * 1000).max(10 * 365 * 24 * 3600 * 1000),
});
const clockResponse = z.object({ offsetMs: z.number().int(), now: z.string() });

export function registerSystemRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Database reachable; the server clock', response: { 200: healthResponse } },
    handler: async (request) => checkHealth(serviceContext(deps, request), deps.clock),
  });

  r.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'This OpenAPI 3 document',
      response: { 200: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
    },
    handler: async () => app.swagger() as unknown as { openapi: string; paths: Record<string, unknown> },
  });

  if (!deps.clock.testMode) return;

  r.post('/api/test/clock', {
    config: { access: 'public' },
    schema: {
      tags: ['test mode'],
      summary: 'Shift the server clock (test mode only)',
      body: clockBody,
      response: { 200: clockResponse },
    },
    handler: async (request) => setTestClock(serviceContext(deps, request), deps.clock, request.body.offsetMs),
  });
}
