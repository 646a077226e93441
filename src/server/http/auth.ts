// Authentication and authorisation at the edge: the session cookie becomes request.actor; each route's declared
// access is enforced before its body is validated; cookie-authenticated mutations need the CSRF header. Every
// denial is audited.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { SESSION_COOKIE, resolveSession } from '../modules/accounts/sessions.js';
import type { AuditConfig } from '../modules/audit/audit.service.js';
import { readSecurityPolicy } from '../modules/security/security.repository.js';
import type { Access } from './access.js';
import { AppError } from './app-error.js';
import { audit, serviceContext } from './request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a signed-in user whose password expired may still use. */
const EXPIRED_PASSWORD_ALLOWED = new Set(['/api/auth/session', '/api/auth/logout', '/api/auth/password']);

async function deny(deps: { db: Db; auditConfig: AuditConfig }, request: FastifyRequest, code: 'UNAUTHENTICATED' | 'FORBIDDEN', reason: string) {
  await audit(serviceContext(deps, request), deps.db, {
    action: 'access.denied',
    objectType: 'route',
    objectId: `${request.method} ${request.routeOptions.url ?? request.url}`,
    result: 'denied',
    details: { reason },
  });
  if (reason === 'password-expired') {
    throw new AppError('FORBIDDEN', { zh: '密码已过期，请先修改密码', en: 'Your password has expired; change it first' });
  }
  throw new AppError(code);
}

export function registerAuth(app: FastifyInstance, deps: { db: Db; auditConfig: AuditConfig }): void {
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    request.actor = await resolveSession(deps.db, token, request.now, await readSecurityPolicy(deps.db));
  });

  // preValidation: after the body is parsed, before it is validated (API.md: authentication and permission first).
  app.addHook('preValidation', async (request) => {
    const access: Access | undefined = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') {
      if (request.actor && !SAFE_METHODS.has(request.method)) await checkCsrf(request);
      return;
    }
    const actor = request.actor;
    if (!actor) return deny(deps, request, 'UNAUTHENTICATED', 'no-session');
    if (!SAFE_METHODS.has(request.method)) await checkCsrf(request);
    if (actor.mustChangePassword && !EXPIRED_PASSWORD_ALLOWED.has(request.routeOptions.url ?? '')) {
      return deny(deps, request, 'FORBIDDEN', 'password-expired');
    }
    if (access !== 'signed_in' && !access.some((role) => actor.roles.includes(role))) {
      return deny(deps, request, 'FORBIDDEN', 'role');
    }
  });

  async function checkCsrf(request: FastifyRequest) {
    const header = request.headers['x-csrf-token'];
    const expected = Buffer.from(request.actor!.csrfToken);
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      await deny(deps, request, 'FORBIDDEN', 'csrf');
    }
  }
}
