// Application routes (API.md "Applications"), the applicant's attachments, and the public receipt check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationList,
  applicationPatch,
  applicationResponse,
  applicationStatus,
  attachmentSchema,
  eligibleRecommenders,
  receiptSchema,
  submittedVersion,
} from '../../../shared/schemas/applications.js';
import type { AppDeps } from '../../app.js';
import { sendPdfDownload } from '../../http/download.js';
import { serviceContext } from '../../http/request-context.js';
import { CHOOSE_FILE_TO_UPLOAD, uploadedFile } from '../../http/upload.js';
import { addAttachment, openAttachment, removeAttachment } from './attachments.service.js';
import {
  createApplication,
  getApplication,
  listApplications,
  listEligibleRecommenders,
  patchApplication,
  withdrawApplication,
} from './applications.service.js';
import { checkApplication, latestSubmitted, submitApplication, verifyReceipt } from './submission.service.js';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['applications'];

export function registerApplicationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/applications', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'Start an application for a subfield during the application phase',
      body: z.strictObject({ programId: z.string().min(1).max(64), subfieldId: z.string().min(1).max(64) }),
      response: { 201: z.object({ id: z.string(), status: z.literal('draft'), version: z.number().int() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await createApplication(serviceContext(deps, request), request.body)),
  });

  r.get('/api/applications', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'The applications the caller may see, newest first (recommenders and admins never see drafts)',
      querystring: z.strictObject({
        programId: z.string().max(64).optional(),
        status: applicationStatus.optional(),
        subfieldId: z.uuid().optional(),
        directionId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
        cursor: z.string().max(200).optional(),
      }),
      response: { 200: applicationList },
    },
    handler: async (request) => listApplications(serviceContext(deps, request), request.query),
  });

  r.get('/api/applications/:id', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'One application, for those who may see it', params: idParams, response: { 200: applicationResponse } },
    handler: async (request) => getApplication(serviceContext(deps, request), request.params.id),
  });

  r.patch('/api/applications/:id', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'Save editable fields with the version they were read at (autosave); read-only fields are refused',
      params: idParams,
      body: applicationPatch,
      response: { 200: z.object({ version: z.number().int() }) },
    },
    handler: async (request) => patchApplication(serviceContext(deps, request), request.params.id, request.body),
  });

  r.get('/api/applications/:id/eligible-recommenders', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The recommending units this application may choose', params: idParams, response: { 200: eligibleRecommenders } },
    handler: async (request) => listEligibleRecommenders(serviceContext(deps, request), request.params.id),
  });

  r.post('/api/applications/:id/submit', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'Submit (Idempotency-Key header): every problem listed at once; the same key and body give the same receipt',
      params: idParams,
      headers: z.object({ 'idempotency-key': z.string().min(8).max(128).regex(/^[A-Za-z0-9._:-]+$/) }),
      body: z.strictObject({ version: z.number().int().min(1).optional() }).optional(),
      response: { 200: z.object({ status: z.literal('submitted'), receipt: receiptSchema }) },
    },
    handler: async (request) =>
      submitApplication(serviceContext(deps, request), request.params.id, {
        idempotencyKey: request.headers['idempotency-key'],
        body: request.body ?? {},
      }),
  });

  r.get('/api/applications/:id/submitted', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'The latest submitted version exactly as its receipt covers it (for the printed copy)',
      params: idParams,
      response: { 200: submittedVersion },
    },
    handler: async (request) => latestSubmitted(serviceContext(deps, request), request.params.id),
  });

  r.get('/api/applications/:id/check', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'What still stops a submission (the same checks as submitting), for the to-do list',
      params: idParams,
      response: { 200: z.object({ problems: z.array(z.object({ path: z.string(), message: z.string() })) }) },
    },
    handler: async (request) => checkApplication(serviceContext(deps, request), request.params.id),
  });

  r.post('/api/applications/:id/withdraw', {
    config: { access: ['applicant', 'org_admin'] },
    schema: { tags, summary: 'Withdraw a submitted application before the recommending unit decides', params: idParams, response: { 200: z.object({ status: z.literal('withdrawn') }) } },
    handler: async (request) => withdrawApplication(serviceContext(deps, request), request.params.id),
  });

  r.post('/api/applications/:id/attachments', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'Upload a PDF attachment (multipart, field `file`; PDF by content, 10 MB, 10 files)',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 201: attachmentSchema },
    },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, CHOOSE_FILE_TO_UPLOAD);
      const created = await addAttachment(serviceContext(deps, request), deps.files, request.params.id, { filename: file.filename, stream: file.file });
      return reply.code(201).send(created);
    },
  });

  const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
  r.get('/api/applications/:id/attachments/:attachmentId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Download an attachment (always as a download, never rendered)', params: attachmentParams, produces: ['application/pdf'], response: { 200: z.any() } },
    handler: async (request, reply) => {
      return sendPdfDownload(reply, await openAttachment(serviceContext(deps, request), deps.files, request.params.id, request.params.attachmentId));
    },
  });

  r.delete('/api/applications/:id/attachments/:attachmentId', {
    config: { access: ['applicant', 'org_admin'] },
    schema: { tags, summary: 'Remove an attachment while the application is editable', params: attachmentParams, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await removeAttachment(serviceContext(deps, request), request.params.id, request.params.attachmentId);
      return reply.code(204).send();
    },
  });

  r.get('/api/public/receipts/:number', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Confirm a receipt: its number, time and content hashes as the platform holds them (no content)',
      params: z.strictObject({ number: z.string().min(3).max(80).regex(/^[A-Za-z0-9_-]+$/) }),
      response: { 200: receiptSchema },
    },
    handler: async (request) => verifyReceipt(serviceContext(deps, request), request.params.number),
  });
}
