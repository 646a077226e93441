// Routes for managing accounts: lists, disable, reset links, members and invitations, the security admin's tools.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userSummary } from '../../../shared/schemas/accounts.js';
import { securityPolicySchema } from '../../../shared/schemas/security.js';
import { sessionUser } from '../../../shared/schemas/system.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { getSecurityPolicy, setSecurityPolicy } from '../security/security.service.js';
import {
  acceptInvitation,
  createResetLink,
  endUserSessions,
  inviteMember,
  listManageableUsers,
  resetPassword,
  setUserDisabled,
} from './members.service.js';
import { setSessionCookie } from './accounts.routes.js';

const linkResponse = z.object({ path: z.string(), expiresAt: z.string() });
const userParams = z.strictObject({ userId: z.uuid() });
const token = z.string().min(1).max(100);
const password = z.string().max(128);

export function registerMemberRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => serviceContext(deps, request);

  r.get('/api/admin/users', {
    config: { access: ['system_admin', 'program_admin', 'org_admin', 'security_admin'] },
    schema: { tags: ['accounts'], summary: 'Accounts the caller manages', response: { 200: z.object({ items: z.array(userSummary), nextCursor: z.null() }) } },
    handler: async (request) => ({ items: await listManageableUsers(ctx(request)), nextCursor: null }),
  });

  r.post('/api/admin/users/:userId/disabled', {
    config: { access: ['system_admin', 'program_admin', 'org_admin'] },
    schema: { tags: ['accounts'], summary: 'Disable or enable an account (disabling ends its sessions)', params: userParams, body: z.strictObject({ disabled: z.boolean() }), response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await setUserDisabled(ctx(request), request.params.userId, request.body.disabled);
      return reply.code(204).send();
    },
  });

  r.post('/api/admin/users/:userId/reset-link', {
    config: { access: ['system_admin', 'program_admin', 'org_admin'] },
    schema: { tags: ['accounts'], summary: 'A one-time password-reset link (24 h)', params: userParams, response: { 201: linkResponse } },
    handler: async (request, reply) => reply.code(201).send(await createResetLink(ctx(request), request.params.userId)),
  });

  r.post('/api/auth/reset', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Set a new password with a reset link', body: z.strictObject({ token, password }), response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await resetPassword(ctx(request), request.body);
      return reply.code(204).send();
    },
  });

  r.post('/api/organization/invitations', {
    config: { access: ['org_admin'] },
    schema: { tags: ['accounts'], summary: 'Invite a colleague (one-time link, 72 h)', body: z.strictObject({ email: z.string().trim().toLowerCase().pipe(z.email('email')) }), response: { 201: linkResponse } },
    handler: async (request, reply) => reply.code(201).send(await inviteMember(ctx(request), request.body)),
  });

  r.post('/api/auth/invitations/accept', {
    config: { access: 'public' },
    schema: {
      tags: ['accounts'],
      summary: 'Accept an invitation: create the account and sign in',
      body: z.strictObject({ token, name: z.string().trim().min(1).max(100), phone: z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, 'phone'), password }),
      response: { 201: z.object({ user: sessionUser, csrfToken: z.string() }) },
    },
    handler: async (request, reply) => {
      const result = await acceptInvitation(ctx(request), request.body);
      setSessionCookie(request, reply, result.session);
      return reply.code(201).send({ user: result.user, csrfToken: result.session.csrfToken });
    },
  });

  r.get('/api/security/policy', {
    config: { access: ['security_admin'] },
    schema: { tags: ['security'], summary: 'Password, session and lockout policy', response: { 200: securityPolicySchema } },
    handler: async (request) => getSecurityPolicy(ctx(request)),
  });

  r.put('/api/security/policy', {
    config: { access: ['security_admin'] },
    schema: { tags: ['security'], summary: 'Change the security policy', body: securityPolicySchema, response: { 200: securityPolicySchema } },
    handler: async (request) => setSecurityPolicy(ctx(request), request.body),
  });

  r.post('/api/security/users/:userId/end-sessions', {
    config: { access: ['security_admin'] },
    schema: { tags: ['security'], summary: "End all of an account's sessions", params: userParams, response: { 200: z.object({ ended: z.number() }) } },
    handler: async (request) => endUserSessions(ctx(request), request.params.userId),
  });
}
