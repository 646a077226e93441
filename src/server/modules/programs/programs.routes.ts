// Program routes: the public list and catalogue, and program admins' phase dates.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogueResponse } from '../../../shared/schemas/catalogue.js';
import { programDocument } from '../../../shared/schemas/program-document.js';
import { phaseKeySchema, programListResponse, programQuotas } from '../../../shared/schemas/system.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { CHOOSE_FILE_TO_IMPORT, uploadedFile } from '../../http/upload.js';
import { getCatalogue, setPhase, setQuotas } from './catalogue.service.js';
import { exportProgram, exportProgramWorkbook, importProgram, importProgramWorkbook } from './program-document.service.js';
import { XLSX_MIME } from './program-workbook.js';
import { listProgramSummaries } from './programs.service.js';
import { instant } from '../../../shared/schemas/instants.js';

const programParams = z.strictObject({ programId: z.string().min(1).max(64) });
const isoWithOffset = instant();

export function registerProgramRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/programs', {
    config: { access: 'public' },
    schema: { tags: ['programs'], summary: 'Programs with their phases, quotas and sections', response: { 200: programListResponse } },
    handler: async (request) => ({ items: await listProgramSummaries(serviceContext(deps, request)) }),
  });

  r.get('/api/programs/:programId/catalogue', {
    config: { access: 'public' },
    schema: {
      tags: ['programs'],
      summary: 'The catalogue: directions, subfields, reference indicators (by program id or code; ETag-cacheable)',
      params: programParams,
      response: { 200: catalogueResponse, 304: z.undefined() },
    },
    handler: async (request, reply) => {
      const { body, etag } = await getCatalogue(serviceContext(deps, request), request.params.programId);
      // Public and identical for everyone: browsers and proxies may keep it briefly and revalidate with the ETag.
      reply.header('etag', etag).header('cache-control', 'public, max-age=60, must-revalidate');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return body;
    },
  });

  r.get('/api/admin/programs/:programId/export', {
    config: { access: ['program_admin'] },
    schema: { tags: ['programs'], summary: 'The whole program as one JSON document', params: programParams, response: { 200: programDocument } },
    handler: async (request, reply) => {
      const doc = await exportProgram(serviceContext(deps, request), request.params.programId);
      reply.header('content-disposition', `attachment; filename="${doc.program.code}.program.json"`);
      return doc;
    },
  });

  r.post('/api/admin/programs/import', {
    config: { access: ['program_admin'] },
    bodyLimit: 10 * 1024 * 1024,
    schema: {
      tags: ['programs'],
      summary: 'Create a program from a JSON document: checked as a whole, applied completely or not at all',
      body: programDocument,
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await importProgram(serviceContext(deps, request), request.body)),
  });

  r.get('/api/admin/programs/:programId/export.xlsx', {
    config: { access: ['program_admin'] },
    schema: {
      tags: ['programs'],
      summary: 'The whole program as an Excel workbook, one sheet per level',
      params: programParams,
      produces: [XLSX_MIME],
      response: { 200: z.any().describe('An .xlsx workbook') },
    },
    handler: async (request, reply) => {
      const { code, content } = await exportProgramWorkbook(serviceContext(deps, request), request.params.programId);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${code}.program.xlsx"`).send(content);
    },
  });

  r.post('/api/admin/programs/import.xlsx', {
    config: { access: ['program_admin'] },
    schema: {
      tags: ['programs'],
      summary: 'Create a program from an Excel workbook (multipart, field `file`): errors by sheet, row and column; all or nothing',
      consumes: ['multipart/form-data'],
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, CHOOSE_FILE_TO_IMPORT);
      const content = await file.toBuffer();
      return reply.code(201).send(await importProgramWorkbook(serviceContext(deps, request), { filename: file.filename, content }));
    },
  });

  r.put('/api/admin/programs/:programId/quotas', {
    config: { access: ['program_admin'] },
    schema: {
      tags: ['programs'],
      summary: "Set the program's quotas (audited; shown on the public timeline once the program opened)",
      params: programParams,
      body: z.strictObject({
        finalistsPerSubfield: z.number().int().min(1).max(100),
        winnersPerSubfield: z.number().int().min(1).max(100),
        applicationsPerApplicant: z.number().int().min(1).max(100),
        recommendationsPerDirection: z.number().int().min(1).max(1000).nullable().default(null),
      }),
      response: { 200: programQuotas },
    },
    handler: async (request) => setQuotas(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.put('/api/admin/programs/:programId/phases/:key', {
    config: { access: ['program_admin'] },
    schema: {
      tags: ['programs'],
      summary: "Set a phase's dates (audited; shown on the public timeline when the phase had opened)",
      params: z.strictObject({ programId: z.string().min(1).max(64), key: phaseKeySchema }),
      body: z.strictObject({ opensAt: isoWithOffset, closesAt: isoWithOffset }),
      response: { 200: z.object({ key: phaseKeySchema, opensAt: z.string(), closesAt: z.string() }) },
    },
    handler: async (request) => setPhase(serviceContext(deps, request), request.params.programId, request.params.key, request.body),
  });
}
