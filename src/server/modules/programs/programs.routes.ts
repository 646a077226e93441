// Public program routes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { programListResponse } from '../../../shared/schemas/system.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { listProgramSummaries } from './programs.service.js';

export function registerProgramRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/programs', {
    config: { access: 'public' },
    schema: { tags: ['programs'], summary: 'Programs with their phases, quotas and sections', response: { 200: programListResponse } },
    handler: async (request) => ({ items: await listProgramSummaries(serviceContext(deps, request)) }),
  });
}
