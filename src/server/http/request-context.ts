// Per-request context: the caller's language, the clock reading, the actor; and the context every service receives.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import type { Actor } from '../modules/accounts/actor.js';
import { appendAudit, type AuditConfig, type AuditEntry } from '../modules/audit/audit.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    /** The server clock read once for the whole request, so every check in it agrees. */
    now: Date;
    actor: Actor | null;
  }
}

/** What every service function receives. */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  now: Date;
  lang: Lang;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  auditConfig: AuditConfig;
}

export interface ContextDeps {
  db: Db;
  auditConfig: AuditConfig;
}

export function languageOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh';
}

export function registerRequestContext(app: FastifyInstance, clock: Clock): void {
  app.decorateRequest('lang', 'zh');
  app.decorateRequest('now', null as unknown as Date);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.lang = languageOf(request.headers['accept-language']);
    request.now = await clock.now();
  });
}

export function serviceContext(deps: ContextDeps, request: FastifyRequest): ServiceContext {
  const userAgent = request.headers['user-agent'];
  return {
    db: deps.db,
    actor: request.actor,
    now: request.now,
    lang: request.lang,
    requestId: request.id,
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    auditConfig: deps.auditConfig,
  };
}

/** Writes one audit record for this context's caller, in the given transaction (or its own). */
export function audit(ctx: ServiceContext, db: DbOrTx, entry: AuditEntry): Promise<number> {
  const actor = ctx.actor ? { id: ctx.actor.id, roles: ctx.actor.roles, organizationId: ctx.actor.organizationId } : null;
  return appendAudit(db, ctx.auditConfig, { actor, ip: ctx.ip, requestId: ctx.requestId, now: ctx.now }, entry);
}
