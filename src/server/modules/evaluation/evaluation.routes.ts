// Final evaluation routes (API.md "Attack period and final evaluation"): lab assignments, the lab's workspace, test
// reports, measurements, attainment, the admins' overview, and the public winner page with measured results.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attainmentResponse,
  evaluationOverviewItem,
  labApplication,
  labReportSchema,
  MEASUREMENT_LIMITS,
  measurementsBody,
  publicWinners as publicWinnersSchema,
} from '../../../shared/schemas/evaluation.js';
import type { AppDeps } from '../../app.js';
import { sendPdfDownload } from '../../http/download.js';
import { serviceContext } from '../../http/request-context.js';
import { CHOOSE_FILE_TO_UPLOAD, uploadedFile } from '../../http/upload.js';
import { getAttainment } from './attainment.service.js';
import { assignLab, assignLabToSubfield, evaluationOverview, listLabs, myLabApplication, myLabApplications } from './lab-assignments.service.js';
import { addLabReport, commentMeasurement, openLabReport, saveMeasurements } from './measurements.service.js';
import { publicWinners } from './public-winners.service.js';

const tags = ['evaluation'];
const programId = z.string().min(1).max(64);
const idParams = z.strictObject({ id: z.uuid() });

export function registerEvaluationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/admin/programs/:programId/lab-assignments', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The test lab that measures a confirmed finalist (a lab already assigned to it is replaced)',
      params: z.strictObject({ programId }),
      body: z.strictObject({ applicationId: z.uuid(), labUserId: z.uuid() }),
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await assignLab(serviceContext(deps, request), request.params.programId, request.body)),
  });

  r.post('/api/admin/programs/:programId/lab-assignments/subfield', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Give every confirmed finalist of a subfield the same test lab (one assignment each)',
      params: z.strictObject({ programId }),
      body: z.strictObject({ subfieldId: z.uuid(), labUserId: z.uuid() }),
      response: { 200: z.object({ assigned: z.number().int(), ids: z.array(z.string()) }) },
    },
    handler: async (request) => assignLabToSubfield(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.get('/api/admin/programs/:programId/evaluation', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The confirmed finalists with their test lab, how far the measurements are and the share of targets met',
      params: z.strictObject({ programId }),
      response: { 200: z.object({ items: z.array(evaluationOverviewItem) }) },
    },
    handler: async (request) => evaluationOverview(serviceContext(deps, request), request.params.programId),
  });

  r.get('/api/admin/labs', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The test lab accounts that can be assigned',
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) }) },
    },
    handler: async (request) => listLabs(serviceContext(deps, request)),
  });

  r.get('/api/lab/applications', {
    config: { access: ['lab'] },
    schema: {
      tags,
      summary: 'The finalists assigned to the calling lab, with their declared indicators, committed targets and measured values',
      response: { 200: z.object({ items: z.array(labApplication), nextCursor: z.null() }) },
    },
    handler: async (request) => myLabApplications(serviceContext(deps, request)),
  });

  r.get('/api/lab/applications/:id', {
    config: { access: ['lab'] },
    schema: { tags, summary: 'One finalist assigned to the calling lab (others do not exist for it)', params: idParams, response: { 200: labApplication } },
    handler: async (request) => myLabApplication(serviceContext(deps, request), request.params.id),
  });

  r.post('/api/applications/:id/lab-reports', {
    config: { access: ['lab'] },
    schema: {
      tags,
      summary: 'Upload a test report (multipart, field `file`; PDF by content, 10 MB), by the assigned lab in the evaluation phase',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 201: labReportSchema },
    },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, CHOOSE_FILE_TO_UPLOAD);
      return reply.code(201).send(await addLabReport(serviceContext(deps, request), deps.files, request.params.id, { filename: file.filename, stream: file.file }));
    },
  });

  r.get('/api/applications/:id/lab-reports/:reportId', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Download a test report (for the application’s admins, lab, experts and owner)',
      params: z.strictObject({ id: z.uuid(), reportId: z.uuid() }),
      produces: ['application/pdf'],
      response: { 200: z.any() },
    },
    handler: async (request, reply) => sendPdfDownload(reply, await openLabReport(serviceContext(deps, request), deps.files, request.params.id, request.params.reportId)),
  });

  r.put('/api/applications/:id/measurements', {
    config: { access: ['lab'] },
    schema: {
      tags,
      summary: 'Record measured values (typed by the indicator’s kind, with method, date, and judgement and reason for text indicators), by the assigned lab in the evaluation phase',
      params: idParams,
      body: measurementsBody,
      response: { 200: attainmentResponse },
    },
    handler: async (request) => saveMeasurements(serviceContext(deps, request), request.params.id, request.body.items),
  });

  r.put('/api/applications/:id/measurements/:measurementId/comment', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'The applicant’s comment on one of its measurements, in the evaluation phase',
      params: z.strictObject({ id: z.uuid(), measurementId: z.uuid() }),
      body: z.strictObject({ comment: z.string().max(MEASUREMENT_LIMITS.comment) }),
      response: { 200: z.object({ id: z.string(), comment: z.string(), commentedAt: z.string() }) },
    },
    handler: async (request) => commentMeasurement(serviceContext(deps, request), request.params.id, request.params.measurementId, request.body),
  });

  r.get('/api/applications/:id/attainment', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Per declared indicator: target, measured value, whether it meets the committed and the plan target, by how much; the share met',
      params: idParams,
      response: { 200: attainmentResponse },
    },
    handler: async (request) => getAttainment(serviceContext(deps, request), request.params.id),
  });

  r.get('/api/public/programs/:programId/subfields/:subfield/winners', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A subfield’s published winners with their measured results (organizations and projects only)',
      params: z.strictObject({ programId, subfield: z.string().min(1).max(64) }),
      response: { 200: publicWinnersSchema },
    },
    handler: async (request) => publicWinners(serviceContext(deps, request), request.params.programId, request.params.subfield),
  });
}
