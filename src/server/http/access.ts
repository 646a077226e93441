// Every API route declares who may call it (QUALITY S1); a route without a declaration refuses to register.
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from '../../shared/schemas/system.js';

/** `public`: anyone, signed in or not; `signed_in`: any account; a role list: accounts holding one of them. */
export type Access = 'public' | 'signed_in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access | undefined;
  /** The request content types the route declares (multipart uploads), for the upload tests. */
  consumes?: readonly string[];
}

export class MissingAccessError extends Error {
  constructor(route: string) {
    super(`route ${route} declares no access: add config.access`);
  }
}

/** Records every route and refuses API routes that declare no access. */
export function enforceAccessDeclarations(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = (route.config as { access?: Access } | undefined)?.access;
    for (const method of methods) {
      if (route.url.startsWith('/api') && access === undefined) {
        throw new MissingAccessError(`${method} ${route.url}`);
      }
      registry.push({ method, url: route.url, access, consumes: (route.schema as { consumes?: string[] } | undefined)?.consumes });
    }
  });
}
