// Review routes (API.md "Review": the expert's review, the ranking) and the admins' round settings, advancing to the
// next round and corrections of submitted reviews.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewCriterionSchema } from '../../../shared/schemas/catalogue.js';
import type { AppDeps } from '../../app.js';
import { sendPdfDownload } from '../../http/download.js';
import { serviceContext } from '../../http/request-context.js';
import { CHOOSE_FILE_TO_UPLOAD, uploadedFile } from '../../http/upload.js';
import { attachReport, listEvents, openReport, scheduleEvent, updateEvent } from './review-events.service.js';
import { reviewRecord } from './review-record.service.js';
import { advance, getReviewAssignment, getRoundSettings, putReview, ranking, setRoundSettings, staffEditReview, withdrawAdvance } from './reviews.service.js';
import { instant } from '../../../shared/schemas/instants.js';

const tags = ['review'];
const programId = z.string().min(1).max(64);
const roundKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);
const scores = z.record(z.string().max(40), z.number().finite());
const reviewView = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  state: z.enum(['draft', 'submitted']),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
const settings = z.strictObject({
  reviewersPerApplication: z.number().int().min(1).max(20),
  maxPerExpert: z.number().int().min(1).max(500),
  dueAt: instant().nullable(),
  peerVisibility: z.boolean(),
});

export function registerReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/assignments/:id', {
    config: { access: ['expert'] },
    schema: {
      tags,
      summary: 'One of the expert’s assignments: the title, subfield and applicant, the round’s criteria and due date, the review so far',
      params: z.strictObject({ id: z.uuid() }),
      response: {
        200: z.object({
          id: z.string(),
          applicationId: z.string(),
          round: z.object({
            key: z.string(),
            name: z.string(),
            nameEn: z.string(),
            phase: z.enum(['review', 'evaluation']),
            dueAt: z.string().nullable(),
            criteria: z.array(reviewCriterionSchema),
            /** Criteria filled in by the platform (metShare from the measured attainment), read-only for the expert. */
            automatic: z.array(z.string()),
          }),
          declared: z.boolean(),
          application: z.object({ id: z.string(), title: z.string(), subfield: z.string(), applicant: z.string() }),
          review: reviewView.nullable(),
          peers: z.array(z.object({ expertName: z.string(), total: z.number(), scores: z.record(z.string(), z.number()), comment: z.string() })).nullable(),
        }),
      },
    },
    handler: async (request) => getReviewAssignment(serviceContext(deps, request), request.params.id),
  });

  r.put('/api/assignments/:id/review', {
    config: { access: ['expert'] },
    schema: {
      tags,
      summary: 'Declare a conflict, or declare none and save (or submit) the review',
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({
        conflict: z.boolean(),
        conflictReason: z.string().max(2000).optional(),
        scores: scores.optional(),
        comment: z.string().max(100_000).optional(),
        submit: z.boolean(),
      }),
      response: { 200: z.object({ status: z.enum(['released', 'declined']), declared: z.boolean(), review: reviewView.nullable() }) },
    },
    handler: async (request) => putReview(serviceContext(deps, request), deps.jobs, request.params.id, request.body),
  });

  r.get('/api/admin/programs/:programId/ranking', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The ranking of a round per subfield, by mean total or normalised score, with every review as its reason',
      params: z.strictObject({ programId }),
      querystring: z.strictObject({ round: roundKey, subfieldId: z.uuid().optional(), normalized: z.enum(['true', 'false']).optional() }),
      response: {
        200: z.object({
          round: z.object({
            key: z.string(),
            name: z.string(),
            nameEn: z.string(),
            criteria: z.array(reviewCriterionSchema),
            next: z.object({ key: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
          }),
          items: z.array(
            z.object({
              applicationId: z.string(),
              score: z.number(),
              rank: z.number().int(),
              reviews: z.number().int(),
              expected: z.number().int(),
              mean: z.number(),
              spread: z.number(),
              normalized: z.number(),
              disagreement: z.boolean(),
              subfieldId: z.string(),
              subfield: z.string(),
              title: z.string(),
              applicant: z.string(),
              advanced: z.boolean(),
              details: z.array(
                z.object({ expertName: z.string(), total: z.number(), z: z.number(), scores: z.record(z.string(), z.number()), comment: z.string(), assignmentId: z.string() }),
              ),
            }),
          ),
          unreviewed: z.array(z.object({ applicationId: z.string(), title: z.string(), applicant: z.string(), subfieldId: z.string(), subfield: z.string() })),
        }),
      },
    },
    handler: async (request) =>
      ranking(serviceContext(deps, request), request.params.programId, { round: request.query.round, subfieldId: request.query.subfieldId, normalized: request.query.normalized === 'true' }),
  });

  r.post('/api/admin/programs/:programId/rounds/:round/advance', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Advance applications of a round to the next round of its phase',
      params: z.strictObject({ programId, round: roundKey }),
      body: z.strictObject({ applicationIds: z.array(z.uuid()).min(1).max(1000) }),
      response: { 200: z.object({ round: z.string(), advanced: z.number().int() }) },
    },
    handler: async (request) => advance(serviceContext(deps, request), request.params.programId, { round: request.params.round, applicationIds: request.body.applicationIds }),
  });

  r.delete('/api/admin/programs/:programId/rounds/:round/entries/:applicationId', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Take an application back out of a round it was advanced into (before experts have it there)',
      params: z.strictObject({ programId, round: roundKey, applicationId: z.uuid() }),
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await withdrawAdvance(serviceContext(deps, request), request.params.programId, { round: request.params.round, applicationId: request.params.applicationId });
      return reply.code(204).send();
    },
  });

  r.put('/api/admin/reviews/:assignmentId', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Correct a submitted review, with a reason (before and after are audited)',
      params: z.strictObject({ assignmentId: z.uuid() }),
      body: z.strictObject({ scores, comment: z.string().max(100_000), reason: z.string().max(1000) }),
      response: { 200: reviewView },
    },
    handler: async (request) => staffEditReview(serviceContext(deps, request), request.params.assignmentId, request.body),
  });

  const roundParams = z.strictObject({ programId, key: roundKey });
  r.get('/api/admin/programs/:programId/review-rounds/:key/settings', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'How a round is run', params: roundParams, response: { 200: settings } },
    handler: async (request) => getRoundSettings(serviceContext(deps, request), request.params.programId, request.params.key),
  });

  r.put('/api/admin/programs/:programId/review-rounds/:key/settings', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Set how a round is run: experts per application, load limit, due date, peer visibility', params: roundParams, body: settings, response: { 200: settings } },
    handler: async (request) => setRoundSettings(serviceContext(deps, request), request.params.programId, request.params.key, request.body),
  });

  const eventFields = {
    scheduledAt: instant(),
    place: z.string().max(200),
    members: z.array(z.string().max(50)).max(30),
    findings: z.string().max(20_000).optional(),
  };
  const eventView = z.object({
    id: z.string(),
    round: z.string(),
    applicationId: z.string(),
    title: z.string(),
    applicant: z.string(),
    kind: z.enum(['defence', 'onsite']),
    scheduledAt: z.string(),
    place: z.string(),
    members: z.array(z.string()),
    findings: z.string(),
    report: z.object({ name: z.string(), size: z.number(), sha256: z.string(), sm3: z.string() }).nullable(),
  });

  r.get('/api/admin/programs/:programId/review-events', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Defence sessions and on-site visits of a round or of one application',
      params: z.strictObject({ programId }),
      querystring: z.strictObject({ round: roundKey.optional(), applicationId: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(eventView) }) },
    },
    handler: async (request) => listEvents(serviceContext(deps, request), request.params.programId, request.query),
  });

  r.post('/api/admin/programs/:programId/review-events', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Schedule a defence session or an on-site visit for an application of a round',
      params: z.strictObject({ programId }),
      body: z.strictObject({ round: roundKey, applicationId: z.uuid(), kind: z.enum(['defence', 'onsite']), ...eventFields }),
      response: { 201: eventView },
    },
    handler: async (request, reply) => reply.code(201).send(await scheduleEvent(serviceContext(deps, request), request.params.programId, request.body)),
  });

  r.put('/api/admin/review-events/:id', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Change a session or visit, or record its findings', params: z.strictObject({ id: z.uuid() }), body: z.strictObject(eventFields), response: { 200: eventView } },
    handler: async (request) => updateEvent(serviceContext(deps, request), request.params.id, request.body),
  });

  r.post('/api/admin/review-events/:id/report', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Attach the report of a session or visit (multipart field `file`, PDF)', params: z.strictObject({ id: z.uuid() }), consumes: ['multipart/form-data'], response: { 200: eventView } },
    handler: async (request) => {
      const file = await uploadedFile(request, CHOOSE_FILE_TO_UPLOAD);
      return attachReport(serviceContext(deps, request), deps.files, request.params.id, { filename: file.filename, stream: file.file });
    },
  });

  r.get('/api/admin/review-events/:id/report', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Download the report of a session or visit', params: z.strictObject({ id: z.uuid() }), produces: ['application/pdf'], response: { 200: z.any() } },
    handler: async (request, reply) => sendPdfDownload(reply, await openReport(serviceContext(deps, request), deps.files, request.params.id)),
  });

  r.get('/api/admin/applications/:id/review-record', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The application’s review record: per round its experts (declined with the reason, reviewed with the total) and its sessions and visits',
      params: z.strictObject({ id: z.uuid() }),
      response: {
        200: z.object({
          rounds: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              reviews: z.array(
                z.object({
                  expertName: z.string(),
                  status: z.enum(['draft', 'released', 'declined']),
                  conflictReason: z.string().nullable(),
                  state: z.enum(['draft', 'submitted']).nullable(),
                  total: z.number().nullable(),
                  submittedAt: z.string().nullable(),
                }),
              ),
              events: z.array(eventView),
            }),
          ),
        }),
      },
    },
    handler: async (request) => reviewRecord(serviceContext(deps, request), request.params.id),
  });
}
