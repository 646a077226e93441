// Per-request context: the caller's language, the clock reading for this request, and the service context.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/errors.js';
import type { SessionUser } from '../../shared/schemas/system.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    /** The server clock read once for the whole request, so every check in it agrees. */
    now: Date;
    actor: SessionUser | null;
  }
}

/** What every service function receives. */
export interface ServiceContext {
  db: Db;
  actor: SessionUser | null;
  now: Date;
  lang: Lang;
  requestId: string | null;
  ip: string | null;
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

export function serviceContext(db: Db, request: FastifyRequest): ServiceContext {
  return { db, actor: request.actor, now: request.now, lang: request.lang, requestId: request.id, ip: request.ip };
}
