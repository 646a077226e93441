// Account routes: registration, sign-in and sign-out, the session, password change, recommending units, accounts by admins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  createExpertBody,
  createRecommenderBody,
  createUserBody,
  expertView,
  idResponse,
  loginBody,
  loginResponse,
  recommenderView,
  registerBody,
  registerResponse,
} from '../../../shared/schemas/accounts.js';
import { sessionResponse } from '../../../shared/schemas/system.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { changePassword, createUser, register } from './accounts.service.js';
import { login, logout } from './auth.service.js';
import { createExpert, listExperts } from './experts.service.js';
import { createRecommender, listRecommenderViews } from './recommenders.service.js';
import { SESSION_COOKIE, type NewSession } from './sessions.js';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: session.expiresAt,
  });
}

export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/register', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Register an applicant organization and its first user', body: registerBody, response: { 201: registerResponse } },
    handler: async (request, reply) => {
      const result = await register(serviceContext(deps, request), request.body);
      setSessionCookie(request, reply, result.session);
      return reply.code(201).send({ user: result.user, organization: result.organization, csrfToken: result.session.csrfToken });
    },
  });

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Sign in with e-mail and password', body: loginBody, response: { 200: loginResponse } },
    handler: async (request, reply) => {
      const result = await login(serviceContext(deps, request), request.body);
      setSessionCookie(request, reply, result.session);
      return { user: result.user, csrfToken: result.session.csrfToken };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'signed_in' },
    schema: { tags: ['accounts'], summary: 'Sign out (ends this session on the server)', response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await logout(serviceContext(deps, request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  r.get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'The current session, if any', response: { 200: sessionResponse } },
    handler: async (request) => ({ user: request.actor, csrfToken: request.actor?.csrfToken ?? null }),
  });

  r.post('/api/auth/password', {
    config: { access: 'signed_in' },
    schema: { tags: ['accounts'], summary: 'Change my password (ends my other sessions)', body: changePasswordBody, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await changePassword(serviceContext(deps, request), request.body);
      return reply.code(204).send();
    },
  });

  r.get('/api/recommenders', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Recommending units', response: { 200: z.object({ items: z.array(recommenderView), nextCursor: z.null() }) } },
    handler: async (request) => ({ items: await listRecommenderViews(serviceContext(deps, request)), nextCursor: null }),
  });

  r.post('/api/admin/recommenders', {
    config: { access: ['program_admin', 'system_admin'] },
    schema: { tags: ['accounts'], summary: 'Create a recommending unit', body: createRecommenderBody, response: { 201: idResponse } },
    handler: async (request, reply) => reply.code(201).send(await createRecommender(serviceContext(deps, request), request.body)),
  });

  r.post('/api/admin/experts', {
    config: { access: ['program_admin'] },
    schema: { tags: ['accounts'], summary: 'Create an expert account with its profile', body: createExpertBody, response: { 201: idResponse } },
    handler: async (request, reply) => reply.code(201).send(await createExpert(serviceContext(deps, request), request.body)),
  });

  r.get('/api/admin/experts', {
    config: { access: ['program_admin'] },
    schema: { tags: ['accounts'], summary: 'The expert pool', response: { 200: z.object({ items: z.array(expertView), nextCursor: z.null() }) } },
    handler: async (request) => ({ items: await listExperts(serviceContext(deps, request)), nextCursor: null }),
  });

  r.post('/api/admin/users', {
    config: { access: ['program_admin', 'system_admin'] },
    schema: { tags: ['accounts'], summary: 'Create an account (admin roles: system admin only)', body: createUserBody, response: { 201: idResponse } },
    handler: async (request, reply) => reply.code(201).send(await createUser(serviceContext(deps, request), request.body)),
  });
}
