// The demo accounts for the sign-in page, when the platform runs its demo (elsewhere the route says the demo is off).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demoAccounts } from './demo.js';

export function registerDemoRoutes(app: FastifyInstance, enabled: boolean): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/demo', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Demo mode: the demo accounts (one per role) and their password; `enabled` is false outside demo mode',
      response: {
        200: z.object({ enabled: z.boolean(), password: z.string().nullable(), accounts: z.array(z.object({ role: z.string(), email: z.string(), name: z.string() })) }),
      },
    },
    handler: async () => (enabled ? { enabled: true, ...demoAccounts() } : { enabled: false, password: null, accounts: [] }),
  });
}
