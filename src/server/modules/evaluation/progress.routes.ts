// Progress-report routes of the attack period: the admins' schedule and review, the finalist's reports with files.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../shared/schemas/applications.js';
import { applicationProgress, PROGRESS_LIMITS, progressMilestone, progressMilestoneInput, progressOverview, progressReportView } from '../../../shared/schemas/evaluation.js';
import type { AppDeps } from '../../app.js';
import { sendPdfDownload } from '../../http/download.js';
import { serviceContext } from '../../http/request-context.js';
import { CHOOSE_FILE_TO_UPLOAD, uploadedFile } from '../../http/upload.js';
import { createMilestone, deleteMilestone, listMilestones, progressOverview as overview, updateMilestone } from './progress-milestones.service.js';
import {
  acceptProgressReport,
  addProgressFile,
  getApplicationProgress,
  openProgressFile,
  removeProgressFile,
  requestMoreProgress,
  saveProgressReport,
  submitProgressReport,
} from './progress-reports.service.js';

const tags = ['progress'];
const programId = z.string().min(1).max(64);
const reportParams = z.strictObject({ id: z.uuid(), milestoneId: z.uuid() });
const fileParams = reportParams.extend({ fileId: z.uuid() });

export function registerProgressRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/programs/:programId/progress-milestones', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'The due dates of the progress reports', params: z.strictObject({ programId }), response: { 200: z.object({ items: z.array(progressMilestone) }) } },
    handler: async (request) => listMilestones(serviceContext(deps, request), request.params.programId),
  });

  r.post('/api/admin/programs/:programId/progress-milestones', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Add a due date for a progress report of every confirmed finalist', params: z.strictObject({ programId }), body: progressMilestoneInput, response: { 201: progressMilestone } },
    handler: async (request, reply) => reply.code(201).send(await createMilestone(serviceContext(deps, request), request.params.programId, request.body)),
  });

  r.put('/api/admin/progress-milestones/:id', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Change a due date, its name or its description', params: z.strictObject({ id: z.uuid() }), body: progressMilestoneInput, response: { 200: progressMilestone } },
    handler: async (request) => updateMilestone(serviceContext(deps, request), request.params.id, request.body),
  });

  r.delete('/api/admin/progress-milestones/:id', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Remove a due date nobody has reported on', params: z.strictObject({ id: z.uuid() }), response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await deleteMilestone(serviceContext(deps, request), request.params.id);
      return reply.code(204).send();
    },
  });

  r.get('/api/admin/programs/:programId/progress-reports', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Per confirmed finalist and due date, where its progress report stands', params: z.strictObject({ programId }), response: { 200: progressOverview } },
    handler: async (request) => overview(serviceContext(deps, request), request.params.programId),
  });

  r.post('/api/admin/progress-reports/:reportId/review', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Accept a submitted progress report, or ask for more (with what is needed)',
      params: z.strictObject({ reportId: z.uuid() }),
      body: z.strictObject({ decision: z.enum(['accept', 'request_more']), comment: z.string().max(PROGRESS_LIMITS.comment) }),
      response: { 200: progressReportView },
    },
    handler: async (request) => {
      const ctx = serviceContext(deps, request);
      return request.body.decision === 'accept' ? acceptProgressReport(ctx, request.params.reportId, request.body.comment) : requestMoreProgress(ctx, request.params.reportId, request.body.comment);
    },
  });

  r.get('/api/applications/:id/progress-reports', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The application’s progress reports, one per due date (owner, program admins, its experts)', params: z.strictObject({ id: z.uuid() }), response: { 200: applicationProgress } },
    handler: async (request) => getApplicationProgress(serviceContext(deps, request), request.params.id),
  });

  r.put('/api/applications/:id/progress-reports/:milestoneId', {
    config: { access: ['applicant', 'org_admin'] },
    schema: {
      tags,
      summary: 'Save the text of a progress report (a draft or one sent back for more), in the attack phase',
      params: reportParams,
      body: z.strictObject({ content: z.string().max(PROGRESS_LIMITS.content), version: z.number().int().min(1).optional() }),
      response: { 200: progressReportView },
    },
    handler: async (request) => saveProgressReport(serviceContext(deps, request), request.params.id, request.params.milestoneId, request.body),
  });

  r.post('/api/applications/:id/progress-reports/:milestoneId/submit', {
    config: { access: ['applicant', 'org_admin'] },
    schema: { tags, summary: 'Submit a progress report for review, in the attack phase', params: reportParams, response: { 200: progressReportView } },
    handler: async (request) => submitProgressReport(serviceContext(deps, request), request.params.id, request.params.milestoneId),
  });

  r.post('/api/applications/:id/progress-reports/:milestoneId/files', {
    config: { access: ['applicant', 'org_admin'] },
    schema: { tags, summary: 'Attach a PDF to a progress report (multipart, field `file`; 10 MB, 5 files)', params: reportParams, consumes: ['multipart/form-data'], response: { 201: attachmentSchema } },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, CHOOSE_FILE_TO_UPLOAD);
      return reply.code(201).send(await addProgressFile(serviceContext(deps, request), deps.files, request.params.id, request.params.milestoneId, { filename: file.filename, stream: file.file }));
    },
  });

  r.get('/api/applications/:id/progress-reports/:milestoneId/files/:fileId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Download a file of a progress report', params: fileParams, produces: ['application/pdf'], response: { 200: z.any() } },
    handler: async (request, reply) => sendPdfDownload(reply, await openProgressFile(serviceContext(deps, request), deps.files, request.params.id, request.params.milestoneId, request.params.fileId)),
  });

  r.delete('/api/applications/:id/progress-reports/:milestoneId/files/:fileId', {
    config: { access: ['applicant', 'org_admin'] },
    schema: { tags, summary: 'Remove a file from a progress report while it is open for editing', params: fileParams, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await removeProgressFile(serviceContext(deps, request), request.params.id, request.params.milestoneId, request.params.fileId);
      return reply.code(204).send();
    },
  });
}
