// Program admins' editor routes: program description, sections, review rounds, and the catalogue's entries.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewRoundSchema } from '../../../shared/schemas/catalogue.js';
import {
  directionFields,
  indicatorFields,
  programCode,
  programInfoFields,
  reviewRoundFields,
  sectionsBody,
  subfieldFields,
} from '../../../shared/schemas/program-document.js';
import { programSection } from '../../../shared/schemas/system.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import * as editor from './catalogue-editor.service.js';

const programParams = z.strictObject({ programId: z.string().min(1).max(64) });
const idParams = z.strictObject({ id: z.uuid() });
const created = z.object({ id: z.string() });
const quotasBody = z.strictObject({
  finalistsPerSubfield: z.number().int().min(1).max(100),
  winnersPerSubfield: z.number().int().min(1).max(100),
  applicationsPerApplicant: z.number().int().min(1).max(100),
  recommendationsPerDirection: z.number().int().min(1).max(1000).nullable().default(null),
});

export function registerCatalogueEditorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue editor'];

  r.post('/api/admin/programs', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Create an empty program (program admins of all programs); it starts with the default sections and review rounds',
      body: programInfoFields.extend({ code: programCode, quotas: quotasBody }),
      response: { 201: z.object({ id: z.string(), code: z.string() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await editor.createProgram(serviceContext(deps, request), request.body)),
  });

  r.put('/api/admin/programs/:programId', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: "Set the program's title and description", params: programParams, body: programInfoFields, response: { 200: programInfoFields } },
    handler: async (request) => editor.updateProgramInfo(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.put('/api/admin/programs/:programId/sections', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Replace the sections of the application form',
      params: programParams,
      body: sectionsBody,
      response: { 200: z.object({ sections: z.array(programSection) }) },
    },
    handler: async (request) => editor.setSections(serviceContext(deps, request), request.params.programId, request.body.sections),
  });

  const roundParams = z.strictObject({ programId: z.string().min(1).max(64), key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/) });
  r.put('/api/admin/programs/:programId/review-rounds/:key', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Create or replace a review round and its criteria (weights add up to 100)',
      params: roundParams,
      body: reviewRoundFields,
      response: { 200: reviewRoundSchema },
    },
    handler: async (request) => editor.putReviewRound(serviceContext(deps, request), request.params.programId, request.params.key, request.body),
  });

  r.delete('/api/admin/programs/:programId/review-rounds/:key', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Delete a review round that has no assignments', params: roundParams, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await editor.deleteReviewRound(serviceContext(deps, request), request.params.programId, request.params.key);
      return reply.code(204).send();
    },
  });

  r.post('/api/admin/programs/:programId/directions', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Add a direction at the end of the catalogue', params: programParams, body: directionFields, response: { 201: created } },
    handler: async (request, reply) => reply.code(201).send(await editor.createDirection(serviceContext(deps, request), request.params.programId, request.body)),
  });

  r.post('/api/admin/directions/:id/subfields', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Add a subfield to a direction (its own quotas override the program’s)', params: idParams, body: subfieldFields, response: { 201: created } },
    handler: async (request, reply) => reply.code(201).send(await editor.createSubfield(serviceContext(deps, request), request.params.id, request.body)),
  });

  r.post('/api/admin/subfields/:id/indicators', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Add a reference indicator to a subfield', params: idParams, body: indicatorFields, response: { 201: created } },
    handler: async (request, reply) => reply.code(201).send(await editor.createIndicator(serviceContext(deps, request), request.params.id, request.body)),
  });

  entryRoutes(app, deps, 'directions', directionFields, editor.updateDirection, editor.deleteDirection);
  entryRoutes(app, deps, 'subfields', subfieldFields, editor.updateSubfield, editor.deleteSubfield);
  entryRoutes(app, deps, 'indicators', indicatorFields, editor.updateIndicator, editor.deleteIndicator);
}

type Ctx = ReturnType<typeof serviceContext>;

/** PUT (replace, including retiring) and DELETE of one catalogue entry by id. */
function entryRoutes<S extends z.ZodType>(
  app: FastifyInstance,
  deps: AppDeps,
  path: 'directions' | 'subfields' | 'indicators',
  body: S,
  update: (ctx: Ctx, id: string, fields: z.output<S>) => Promise<{ id: string }>,
  remove: (ctx: Ctx, id: string) => Promise<void>,
): void {
  const tags = ['catalogue editor'];
  const what = path.slice(0, -1);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(`/api/admin/${path}/:id`, {
    config: { access: ['program_admin'] },
    schema: { tags, summary: `Replace a ${what} (set retired to take it out of use)`, params: idParams, body, response: { 200: created } },
    handler: async (request) => update(serviceContext(deps, request), request.params.id, request.body as z.output<S>),
  });
  r.delete(`/api/admin/${path}/:id`, {
    config: { access: ['program_admin'] },
    schema: { tags, summary: `Delete a ${what} that no application uses (409 otherwise: retire it)`, params: idParams, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await remove(serviceContext(deps, request), request.params.id);
      return reply.code(204).send();
    },
  });
}
