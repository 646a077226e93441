// Assignment routes (API.md "Review": auto, release, the expert's assignments) and the admin's pins, bans and
// conflict check; the expert's own profile.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewCriterionSchema } from '../../../shared/schemas/catalogue.js';
import type { AppDeps } from '../../app.js';
import { serviceContext } from '../../http/request-context.js';
import { CHOOSE_FILE_TO_IMPORT, uploadedFile } from '../../http/upload.js';
import { autoAssign, checkExpert, refillRound, getMyProfile, listAssignments, myAssignments, releaseRound, setBan, setPin, updateMyProfile } from './assignment.service.js';
import { TIE_KINDS } from './conflicts.js';
import { expertTemplate, importExperts } from '../accounts/experts-import.service.js';
import { XLSX_MIME } from '../programs/program-workbook.js';
import { JOB_STATES } from '../../db/schema/index.js';
import { getAssignmentJob, latestAssignmentJob, queueAssignment } from './assignment-jobs.service.js';
import { calendarDate } from '../../../shared/schemas/instants.js';

const tags = ['assignment'];
const programParams = z.strictObject({ programId: z.string().min(1).max(64) });
const roundKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);
const pair = { round: roundKey, applicationId: z.uuid(), expertId: z.uuid() };
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const profile = z.object({
  organizationName: z.string(),
  organizationUscc: z.string().nullable(),
  organizationParentUscc: z.string().nullable(),
  regionCode: z.string(),
  subfieldIds: z.array(z.string()),
  keywords: z.array(z.string()),
  ties: z.array(z.object({ organizationName: z.string(), uscc: z.string().nullable(), kind: z.enum(TIE_KINDS), endedOn: z.string().nullable() })),
});

export function registerAssignmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const runBody = z.strictObject({ round: roundKey, reviewersPerApplication: z.number().int().min(1).max(20), maxPerExpert: z.number().int().min(1).max(500) });
  const runResult = z.object({
    assigned: z.number().int(),
    totalAffinity: z.number(),
    unassigned: z.array(z.object({ applicationId: z.string(), missing: z.number().int(), reason: z.string() })),
  });
  const jobView = z.object({
    id: z.uuid(),
    state: z.enum(JOB_STATES),
    params: z.object({ round: z.string(), reviewersPerApplication: z.number().int().optional(), maxPerExpert: z.number().int().optional(), mode: z.enum(['refill']).optional() }),
    progress: z.object({ phase: z.enum(['affinity', 'conflicts', 'solving', 'saving']).nullable(), done: z.number().int(), total: z.number().int() }),
    result: runResult.nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  });

  r.post('/api/admin/programs/:programId/assignments/auto', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Draft the optimal assignment of a round: k experts per eligible application, a load limit, no conflicted pair',
      params: programParams,
      body: runBody,
      response: { 200: runResult },
    },
    handler: async (request) => autoAssign(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.post('/api/admin/programs/:programId/assignment-jobs', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Queue the optimal assignment of a round as a background job (the page shows its progress)',
      params: programParams,
      body: runBody,
      response: { 202: jobView },
    },
    handler: async (request, reply) => reply.code(202).send(await queueAssignment(serviceContext(deps, request), deps.jobs, request.params.programId, request.body)),
  });

  r.get('/api/admin/programs/:programId/assignment-jobs', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'The latest assignment job of a round, or null',
      params: programParams,
      querystring: z.strictObject({ round: roundKey }),
      response: { 200: z.object({ job: jobView.nullable() }) },
    },
    handler: async (request) => latestAssignmentJob(serviceContext(deps, request), request.params.programId, request.query.round),
  });

  r.get('/api/admin/programs/:programId/assignment-jobs/:jobId', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'One assignment job: its state, progress, and result or failure',
      params: z.strictObject({ programId: z.string().min(1).max(64), jobId: z.uuid() }),
      response: { 200: jobView },
    },
    handler: async (request) => getAssignmentJob(serviceContext(deps, request), request.params.programId, request.params.jobId),
  });

  r.post('/api/admin/programs/:programId/assignments/refill', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Fill the places of a released round left open by declared conflicts, keeping every assignment in force',
      params: programParams,
      body: z.strictObject({ round: roundKey }),
      response: { 200: runResult },
    },
    handler: async (request) => refillRound(serviceContext(deps, request), request.params.programId, request.body.round),
  });

  r.post('/api/admin/programs/:programId/assignments/release', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Release a round’s draft assignments to the experts (its criteria are then frozen)', params: programParams, body: z.strictObject({ round: roundKey }), response: { 200: z.object({ released: z.number().int() }) } },
    handler: async (request) => releaseRound(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.get('/api/admin/programs/:programId/assignments', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'A round’s assignments with the reason of each pairing (affinity, subfield, shared terms), and its bans',
      params: programParams,
      querystring: z.strictObject({ round: roundKey }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              applicationId: z.string(),
              title: z.string(),
              organization: z.string(),
              expertId: z.string(),
              expertName: z.string(),
              expertOrganization: z.string(),
              affinity: z.number().int(),
              subfieldMatch: z.boolean(),
              sharedTerms: z.array(z.string()),
              pinned: z.boolean(),
              status: z.enum(['draft', 'released', 'declined']),
              conflictReason: z.string().nullable(),
            }),
          ),
          bans: z.array(z.object({ applicationId: z.string(), expertId: z.string() })),
        }),
      },
    },
    handler: async (request) => listAssignments(serviceContext(deps, request), request.params.programId, request.query.round),
  });

  r.put('/api/admin/programs/:programId/assignments/pin', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Pin a pair (kept by re-optimisation) or unpin it', params: programParams, body: z.strictObject({ ...pair, pinned: z.boolean() }), response: { 200: z.object({ pinned: z.boolean() }) } },
    handler: async (request) => setPin(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.put('/api/admin/programs/:programId/assignments/ban', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'Forbid a pair for the round, or allow it again', params: programParams, body: z.strictObject({ ...pair, banned: z.boolean() }), response: { 200: z.object({ banned: z.boolean() }) } },
    handler: async (request) => setBan(serviceContext(deps, request), request.params.programId, request.body),
  });

  r.get('/api/admin/programs/:programId/experts/:expertId/conflicts', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Check an expert against the program’s eligible applications: each conflict with its reason',
      params: z.strictObject({ programId: z.string().min(1).max(64), expertId: z.uuid() }),
      response: {
        200: z.object({
          items: z.array(z.object({ applicationId: z.string(), title: z.string(), organization: z.string(), conflicts: z.array(z.object({ code: z.string(), reason: z.string() })) })),
        }),
      },
    },
    handler: async (request) => checkExpert(serviceContext(deps, request), request.params.programId, request.params.expertId),
  });

  r.post('/api/admin/programs/:programId/experts/import.xlsx', {
    config: { access: ['program_admin'] },
    schema: {
      tags,
      summary: 'Import experts from Excel (multipart, field `file`): errors by row and column, all or nothing; a password link each',
      params: programParams,
      consumes: ['multipart/form-data'],
      response: { 201: z.object({ created: z.array(z.object({ name: z.string(), email: z.string(), link: z.string(), expiresAt: z.string() })) }) },
    },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, CHOOSE_FILE_TO_IMPORT);
      const content = await file.toBuffer();
      return reply.code(201).send(await importExperts(serviceContext(deps, request), request.params.programId, { filename: file.filename, content }));
    },
  });

  r.get('/api/admin/experts/template.xlsx', {
    config: { access: ['program_admin'] },
    schema: { tags, summary: 'A blank expert workbook with its columns', produces: [XLSX_MIME], response: { 200: z.any() } },
    handler: async (_request, reply) =>
      reply.type(XLSX_MIME).header('content-disposition', 'attachment; filename="experts.xlsx"').send(await expertTemplate()),
  });

  r.get('/api/expert/assignments', {
    config: { access: ['expert'] },
    schema: {
      tags,
      summary: 'The expert’s own released assignments, with the round’s criteria',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              applicationId: z.string(),
              round: z.string(),
              status: z.string(),
              title: z.string(),
              subfield: z.string(),
              applicant: z.string(),
              criteria: z.array(reviewCriterionSchema),
              roundName: z.string(),
              dueAt: z.string().nullable(),
              declared: z.boolean(),
              reviewState: z.enum(['not_started', 'draft', 'submitted']),
            }),
          ),
        }),
      },
    },
    handler: async (request) => myAssignments(serviceContext(deps, request)),
  });

  r.get('/api/expert/profile', {
    config: { access: ['expert'] },
    schema: { tags, summary: 'The expert’s profile: keywords, group and declared ties', response: { 200: profile } },
    handler: async (request) => getMyProfile(serviceContext(deps, request)),
  });

  r.put('/api/expert/profile', {
    config: { access: ['expert'] },
    schema: {
      tags,
      summary: 'The expert updates its keywords, its group and its ties with organizations (past three years)',
      body: z.strictObject({
        keywords: z.array(z.string().trim().min(1).max(40)).max(30),
        organizationParentUscc: z.string().regex(USCC, 'uscc').nullable(),
        ties: z
          .array(
            z.strictObject({
              organizationName: z.string().trim().min(1).max(200),
              uscc: z.string().regex(USCC, 'uscc').nullable(),
              kind: z.enum(TIE_KINDS),
              endedOn: calendarDate().nullable(),
            }),
          )
          .max(50),
      }),
      response: { 200: profile },
    },
    handler: async (request) => updateMyProfile(serviceContext(deps, request), request.body),
  });
}
