// Session routes. Sign-in arrives with the accounts issue; until then nobody has a session.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sessionResponse } from '../../../shared/schemas/system.js';

export function registerAccountRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'The current session, if any', response: { 200: sessionResponse } },
    handler: async (request) => ({ user: request.actor, csrfToken: null }),
  });
}
