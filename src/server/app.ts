// buildApp(): the Fastify instance with every plugin and route registered explicitly, in one place.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Db } from './db/client.js';
import { registerAuth } from './http/auth.js';
import type { AuditConfig } from './modules/audit/audit.service.js';
import { enforceAccessDeclarations, type RegisteredRoute } from './http/access.js';
import { notFound } from './http/app-error.js';
import { registerErrorHandler, sendError } from './http/error-handler.js';
import { languageOf, registerRequestContext } from './http/request-context.js';
import { DEFAULT_MESSAGES, ERROR_STATUS } from '../shared/errors.js';
import { VALIDATION_MESSAGES } from '../shared/validation-messages.js';
import { registerSecurityHeaders, SECURITY_HEADERS } from './http/security-headers.js';
import { validatorCompiler } from './http/validation.js';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.js';
import { registerApplicationRoutes } from './modules/applications/applications.routes.js';
import { registerRecommendationRoutes } from './modules/recommendations/recommendations.routes.js';
import { registerAssignmentRoutes } from './modules/assignment/assignment.routes.js';
import { registerReviewRoutes } from './modules/reviews/reviews.routes.js';
import { registerSelectionRoutes } from './modules/selection/selection.routes.js';
import { registerStatisticsRoutes } from './modules/statistics/statistics.routes.js';
import { registerDemoRoutes } from './demo/demo.routes.js';
import { registerEvaluationRoutes } from './modules/evaluation/evaluation.routes.js';
import { registerProgressRoutes } from './modules/evaluation/progress.routes.js';
import { registerMemberRoutes } from './modules/accounts/members.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerCatalogueEditorRoutes } from './modules/programs/catalogue-editor.routes.js';
import { registerProgramRoutes } from './modules/programs/programs.routes.js';
import { registerSystemRoutes } from './modules/system/system.routes.js';
import { WEB_DIST_DIR } from './paths.js';
import type { FileStore } from './storage/file-store.js';
import type { JobQueue } from './jobs/queue.js';

export interface AppDeps {
  db: Db;
  clock: Clock;
  auditConfig: AuditConfig;
  /** Where uploaded files are kept. */
  files: FileStore;
  /** The background job queue (pg-boss). */
  jobs: JobQueue;
}

export interface AppOptions {
  /** Folder of the built web app; not served when it has no index.html. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  bodyLimit?: number;
  /** The demo is built and shown: the sign-in page lists its accounts. */
  demo?: boolean;
}

export interface App {
  app: FastifyInstance;
  /** Every route as registered, with its declared access (for the permission tests). */
  routes: RegisteredRoute[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Keep an incoming request id (from a reverse proxy) when it looks like one; otherwise make our own.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // A malformed or over-long path is refused before routing, where no hook runs: answer in our shape and headers.
    frameworkErrors: (_error, request, reply) => {
      const lang = languageOf(request.headers['accept-language']);
      reply.headers(SECURITY_HEADERS);
      const body = { error: { code: 'VALIDATION_FAILED', message: DEFAULT_MESSAGES.VALIDATION_FAILED[lang], details: [{ path: 'url', message: VALIDATION_MESSAGES.invalidUrl![lang] }] } };
      return (reply as FastifyReply).code(ERROR_STATUS.VALIDATION_FAILED).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  });
  const routes: RegisteredRoute[] = [];

  // Cookies first: the session hook reads them.
  await app.register(fastifyCookie);
  // Uploads: one file per request, 10 MB at most (PDF attachments, Excel imports); larger ones get 413.
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10, parts: 11, headerPairs: 200 } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  enforceAccessDeclarations(app, routes);
  registerRequestContext(app, deps.clock);
  registerSecurityHeaders(app, { behindTls: options.trustProxy ?? false });
  registerErrorHandler(app);
  registerAuth(app, deps);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Jiebang (揭榜) API', version: '0.1.0', description: 'The HTTP contract of the Jiebang platform.' },
    },
    transform: jsonSchemaTransform,
  });

  registerSystemRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerProgramRoutes(app, deps);
  registerCatalogueEditorRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerRecommendationRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerSelectionRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerDemoRoutes(app, options.demo ?? false);
  registerEvaluationRoutes(app, deps);
  registerProgressRoutes(app, deps);

  const webDir = options.webDir ?? WEB_DIST_DIR;
  const indexHtml = path.join(webDir, 'index.html');
  const serveWeb = fs.existsSync(indexHtml);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      index: 'index.html',
      wildcard: true,
      setHeaders: (res, filePath) => {
        // Vite names assets by content hash, so they never change; the page itself is always revalidated.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
    if (isPage && serveWeb && !/\.[a-z0-9]{1,8}(\?|$)/i.test(request.url)) {
      // SPA fallback: the client-side router decides, and shows its own 404 page for unknown paths.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(request, reply, notFound().code);
  });

  return { app, routes };
}
