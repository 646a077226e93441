// THE EXPECTED TABLE, part 2: applications, recommendation, assignment, reviews, selection and notices (API.md
// "Applications" to "Selection, notice, publication"). Written by hand; see expected-access.ts for part 1.
import { randomUUID } from 'node:crypto';
import { multipartFile } from '../factories.js';
import { APPLICANTS, PROGRAM_ADMINS, fillPath, programRoute, type ExpectedTable, type Probe, type RouteExpectation } from './access-table.js';
import { pdf } from './scenario.js';

const get = (url: string) => (p: Probe) => ({ method: 'GET', url: fillPath(url, p.target) });
const post = (url: string, body?: (p: Probe) => Record<string, unknown>) => (p: Probe) => ({ method: 'POST', url: fillPath(url, p.target), payload: body ? body(p) : undefined });
const inP1 = (p: Probe) => p.target.programId === p.ids.p1 || p.target.programId === 'no-such-program';
const appOf = (p: Probe) => (inP1(p) ? p.ids.appA : p.ids.appP2);
const round = { round: 'defence', reviewersPerApplication: 1, maxPerExpert: 5 };

/** Who sees an application (API.md): its organization (drafts included, in any program), the unit it chose (in any
 * program), the program's admins (never drafts), the experts assigned to it once they declared no conflict (403
 * before). Labs and the account, security and audit admins see none. */
const SEES_APPLICATION = {
  applicant: ['own', 'draft', 'other_program'],
  org_admin: ['own', 'draft', 'other_program'],
  recommender: ['own', 'other_program'],
  program_admin: ['own', 'foreign'],
  program_admin_all: ['own', 'foreign', 'other_program'],
  expert: ['own'],
} as const;
const readApplication = (request: RouteExpectation['request'], extra: Partial<RouteExpectation> = {}): RouteExpectation => ({
  on: 'application',
  gate: 'signed_in',
  allow: SEES_APPLICATION,
  forbid: { expert: ['undeclared'] },
  request,
  ...extra,
});
/** Only the applicant organization changes its application (its own users, whichever program). */
const OWNER = { applicant: ['own', 'draft', 'other_program'], org_admin: ['own', 'draft', 'other_program'] } as const;
const ownerAction = (request: RouteExpectation['request'], extra: Partial<RouteExpectation> = {}): RouteExpectation => ({ on: 'application', gate: APPLICANTS, allow: OWNER, request, ...extra });

const APPLICATIONS: ExpectedTable = {
  'POST /api/applications': { on: 'none', gate: APPLICANTS, request: (p) => ({ method: 'POST', url: '/api/applications', payload: { programId: p.ids.p1, subfieldId: p.scenario.catalogue.p1.directions[1]!.subfields[0]!.id } }) },
  'GET /api/applications': { on: 'none', gate: 'signed_in', request: (p) => ({ method: 'GET', url: `/api/applications?programId=${p.ids.p1}` }) },
  'GET /api/applications/:id': readApplication(get('/api/applications/:id'), { ok: [200] }),
  'PATCH /api/applications/:id': ownerAction((p) => ({ method: 'PATCH', url: fillPath('/api/applications/:id', p.target), payload: { version: 1, title: '改名' } })),
  'GET /api/applications/:id/eligible-recommenders': readApplication(get('/api/applications/:id/eligible-recommenders')),
  'POST /api/applications/:id/submit': ownerAction((p) => ({ method: 'POST', url: fillPath('/api/applications/:id/submit', p.target), payload: {}, headers: { 'idempotency-key': `matrix-${randomUUID()}` } })),
  // A draft has no submitted version: not found, even for its organization.
  'GET /api/applications/:id/submitted': readApplication(get('/api/applications/:id/submitted'), { cells: { applicant: { draft: 404 }, org_admin: { draft: 404 } } }),
  'GET /api/applications/:id/check': ownerAction(get('/api/applications/:id/check')),
  'POST /api/applications/:id/withdraw': ownerAction(post('/api/applications/:id/withdraw')),
  'POST /api/applications/:id/attachments': ownerAction((p) => ({ method: 'POST', url: fillPath('/api/applications/:id/attachments', p.target), ...multipartFile('补充材料.pdf', pdf(), 'application/pdf') })),
  'GET /api/applications/:id/attachments/:attachmentId': { ...readApplication(get('/api/applications/:id/attachments/:attachmentId')), on: 'attachment' },
  // The draft's attachment would really go (and then be missing for the next caller): drafts are not probed here.
  'DELETE /api/applications/:id/attachments/:attachmentId': { ...ownerAction((p) => ({ method: 'DELETE', url: fillPath('/api/applications/:id/attachments/:attachmentId', p.target) })), on: 'attachment', skip: ['draft'] },
  'GET /api/public/receipts/:number': { on: 'none', gate: 'public', ok: [200], request: (p) => ({ method: 'GET', url: `/api/public/receipts/${p.data.receiptNumber}` }) },
};

const RECOMMENDATION: ExpectedTable = {
  // Its recommending unit (in any program); the batch is submitted, so allowed calls meet 409.
  'POST /api/applications/:id/recommendation': {
    on: 'application',
    gate: ['recommender'],
    allow: { recommender: ['own', 'other_program'] },
    request: post('/api/applications/:id/recommendation', () => ({ decision: 'recommend', comment: '同意推荐' })),
  },
  // Units are public: another unit's batch is refused (403); a unit that does not exist is not found.
  'POST /api/recommenders/:recommenderId/batches': {
    on: 'unit',
    gate: ['recommender'],
    allow: { recommender: ['own', 'other_program'] },
    request: post('/api/recommenders/:recommenderId/batches', (p) => ({ programId: p.target.programId })),
  },
  'POST /api/admin/recommenders/:recommenderId/batches/reopen': {
    on: 'unit',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own', 'other_jurisdiction'], program_admin_all: 'all' },
    request: post('/api/admin/recommenders/:recommenderId/batches/reopen', (p) => ({ programId: p.target.programId, reason: '补充材料' })),
  },
  'GET /api/recommenders/:recommenderId/batch': {
    on: 'unit',
    gate: ['recommender', 'program_admin', 'program_admin_all'],
    allow: { recommender: ['own', 'other_program'], program_admin: ['own', 'other_jurisdiction'], program_admin_all: 'all' },
    ok: [200],
    request: (p) => ({ method: 'GET', url: `${fillPath('/api/recommenders/:recommenderId/batch', p.target)}?programId=${p.target.programId}` }),
  },
  'GET /api/recommenders/:recommenderId/batch/summary.xlsx': {
    on: 'unit',
    gate: ['recommender', 'program_admin', 'program_admin_all'],
    allow: { recommender: ['own', 'other_program'], program_admin: ['own', 'other_jurisdiction'], program_admin_all: 'all' },
    ok: [200],
    request: (p) => ({ method: 'GET', url: `${fillPath('/api/recommenders/:recommenderId/batch/summary.xlsx', p.target)}?programId=${p.target.programId}` }),
  },
  // The formal check: the program's admins, on applications they see (drafts never).
  'POST /api/applications/:id/eligibility': {
    on: 'application',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own', 'foreign'], program_admin_all: ['own', 'foreign', 'other_program'] },
    request: post('/api/applications/:id/eligibility', () => ({ eligible: true })),
  },
  'GET /api/admin/programs/:programId/recommendation-progress': programRoute(get('/api/admin/programs/:programId/recommendation-progress'), { ok: [200] }),
};

const ASSIGNMENT: ExpectedTable = {
  'POST /api/admin/programs/:programId/assignments/auto': programRoute(post('/api/admin/programs/:programId/assignments/auto', () => round)),
  'POST /api/admin/programs/:programId/assignment-jobs': programRoute(post('/api/admin/programs/:programId/assignment-jobs', () => round)),
  'GET /api/admin/programs/:programId/assignment-jobs': programRoute((p) => ({ method: 'GET', url: `${fillPath('/api/admin/programs/:programId/assignment-jobs', p.target)}?round=online` }), { ok: [200] }),
  // No run is probed by id: P2's "run" is not found for the admin of all programs, refused for the admin of P1.
  'GET /api/admin/programs/:programId/assignment-jobs/:jobId': {
    on: 'job',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: [], program_admin_all: [] },
    cells: { program_admin_all: { other_program: 404 } },
    request: get('/api/admin/programs/:programId/assignment-jobs/:jobId'),
  },
  'POST /api/admin/programs/:programId/assignments/refill': programRoute(post('/api/admin/programs/:programId/assignments/refill', () => ({ round: 'defence' }))),
  'POST /api/admin/programs/:programId/assignments/release': programRoute(post('/api/admin/programs/:programId/assignments/release', () => ({ round: 'defence' }))),
  'GET /api/admin/programs/:programId/assignments': programRoute((p) => ({ method: 'GET', url: `${fillPath('/api/admin/programs/:programId/assignments', p.target)}?round=online` }), { ok: [200] }),
  'PUT /api/admin/programs/:programId/assignments/pin': programRoute((p) => ({ method: 'PUT', url: fillPath('/api/admin/programs/:programId/assignments/pin', p.target), payload: { round: 'online', applicationId: appOf(p), expertId: p.ids.expert, pinned: false } })),
  'PUT /api/admin/programs/:programId/assignments/ban': programRoute((p) => ({ method: 'PUT', url: fillPath('/api/admin/programs/:programId/assignments/ban', p.target), payload: { round: 'online', applicationId: appOf(p), expertId: p.ids.expert, banned: false } })),
  'GET /api/admin/programs/:programId/experts/:expertId/conflicts': { ...programRoute(get('/api/admin/programs/:programId/experts/:expertId/conflicts')), on: 'program_expert', ok: [200] },
  'POST /api/admin/programs/:programId/experts/import.xlsx': programRoute((p) => ({ method: 'POST', url: fillPath('/api/admin/programs/:programId/experts/import.xlsx', p.target), ...multipartFile('experts.xlsx', Buffer.from('not a workbook'), 'application/octet-stream') })),
  'GET /api/admin/experts/template.xlsx': { on: 'none', gate: PROGRAM_ADMINS, ok: [200], request: get('/api/admin/experts/template.xlsx') },
  'GET /api/expert/assignments': { on: 'none', gate: ['expert'], ok: [200], request: get('/api/expert/assignments') },
  'GET /api/expert/profile': { on: 'none', gate: ['expert'], ok: [200], request: get('/api/expert/profile') },
  'PUT /api/expert/profile': { on: 'none', gate: ['expert'], ok: [200], request: (p) => ({ method: 'PUT', url: '/api/expert/profile', payload: p.data.expertProfile }) },
};

const REVIEWS: ExpectedTable = {
  // An expert's own assignments, declared or not (before the declaration it shows title, subfield and applicant only).
  'GET /api/assignments/:id': { on: 'assignment', gate: ['expert'], allow: { expert: ['own', 'undeclared'] }, ok: [200], request: get('/api/assignments/:id') },
  // Saving a draft review on the declared assignment; the undeclared one is not probed (saving declares).
  'PUT /api/assignments/:id/review': {
    on: 'assignment',
    gate: ['expert'],
    allow: { expert: ['own'] },
    skip: ['undeclared'],
    request: (p) => ({ method: 'PUT', url: fillPath('/api/assignments/:id/review', p.target), payload: { conflict: false, submit: false, scores: {} } }),
  },
  'GET /api/admin/programs/:programId/ranking': programRoute((p) => ({ method: 'GET', url: `${fillPath('/api/admin/programs/:programId/ranking', p.target)}?round=online` }), { ok: [200] }),
  'POST /api/admin/programs/:programId/rounds/:round/advance': programRoute((p) => ({ method: 'POST', url: fillPath('/api/admin/programs/:programId/rounds/defence/advance', p.target), payload: { applicationIds: [inP1(p) ? p.ids.appC : p.ids.appP2] } })),
  'DELETE /api/admin/programs/:programId/rounds/:round/entries/:applicationId': {
    on: 'round_entry',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: [], program_admin_all: [] },
    cells: { program_admin_all: { other_program: 404 } },
    request: (p) => ({ method: 'DELETE', url: fillPath('/api/admin/programs/:programId/rounds/:round/entries/:applicationId', p.target) }),
  },
  // Staff corrections: the review of an assignment of another program is not there for the admin of P1 (404).
  'PUT /api/admin/reviews/:assignmentId': {
    on: 'staff_review',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    request: (p) => ({ method: 'PUT', url: fillPath('/api/admin/reviews/:assignmentId', p.target), payload: { scores: {}, comment: '', reason: '更正笔误' } }),
  },
  'GET /api/admin/programs/:programId/review-rounds/:key/settings': { ...programRoute(get('/api/admin/programs/:programId/review-rounds/:key/settings')), on: 'round', ok: [200] },
  'PUT /api/admin/programs/:programId/review-rounds/:key/settings': {
    ...programRoute((p) => ({ method: 'PUT', url: fillPath('/api/admin/programs/:programId/review-rounds/:key/settings', p.target), payload: p.data.settings[p.target.programId!] ?? p.data.settings[p.ids.p1] })),
    on: 'round',
  },
  'GET /api/admin/programs/:programId/review-events': programRoute(get('/api/admin/programs/:programId/review-events'), { ok: [200] }),
  'POST /api/admin/programs/:programId/review-events': programRoute(
    post('/api/admin/programs/:programId/review-events', (p) => ({ round: 'defence', applicationId: appOf(p), kind: 'defence', scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), place: '会议室', members: ['专家甲'] })),
  ),
  // Sessions and visits are not public: another program's is not found (404) for the admin of P1.
  'PUT /api/admin/review-events/:id': {
    on: 'event',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    request: (p) => ({ method: 'PUT', url: fillPath('/api/admin/review-events/:id', p.target), payload: { scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), place: '第一会议室', members: ['专家甲'] } }),
  },
  'POST /api/admin/review-events/:id/report': {
    on: 'event',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    ok: [200],
    request: (p) => ({ method: 'POST', url: fillPath('/api/admin/review-events/:id/report', p.target), ...multipartFile('纪要.pdf', pdf(), 'application/pdf') }),
  },
  'GET /api/admin/review-events/:id/report': { on: 'event', gate: PROGRAM_ADMINS, allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] }, ok: [200], request: get('/api/admin/review-events/:id/report') },
  'GET /api/admin/applications/:id/review-record': {
    on: 'application',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own', 'foreign'], program_admin_all: ['own', 'foreign', 'other_program'] },
    ok: [200],
    request: get('/api/admin/applications/:id/review-record'),
  },
};

const SELECTION: ExpectedTable = {
  // appB is only submitted: adding it is refused for its state, after the access checks.
  'POST /api/admin/programs/:programId/selections': programRoute(post('/api/admin/programs/:programId/selections', (p) => ({ subfieldId: inP1(p) ? p.ids.s1 : p.ids.p2Subfield, stage: 'finalist', applicationIds: [p.ids.appB] }))),
  'GET /api/admin/programs/:programId/selections': programRoute((p) => ({ method: 'GET', url: `${fillPath('/api/admin/programs/:programId/selections', p.target)}?stage=finalist` }), { ok: [200] }),
  // The notices are open: undoing a selection is refused (409) where one may try.
  'DELETE /api/admin/programs/:programId/selections/:applicationId': {
    ...programRoute((p) => ({ method: 'DELETE', url: `${fillPath('/api/admin/programs/:programId/selections/:applicationId', p.target)}?stage=finalist` })),
    on: 'selection',
    ok: [409],
  },
  'POST /api/admin/programs/:programId/notices': programRoute(post('/api/admin/programs/:programId/notices', () => ({ stage: 'finalist' }))),
  'GET /api/public/programs/:programId/notices': { on: 'program', gate: 'public', ok: [200], request: get('/api/public/programs/:programId/notices') },
  // Anyone may object while a notice is open (real name; rate limited, so 429 also got past the access checks).
  'POST /api/notices/:noticeId/objections': {
    on: 'notice',
    gate: 'public',
    cells: { anonymous: { missing: 404 } },
    request: (p) => ({
      method: 'POST',
      url: fillPath('/api/notices/:noticeId/objections', p.target),
      payload: { applicationId: p.target.noticeId === p.ids.noticeP2 ? p.ids.appP2 : p.ids.appA, name: '钱异议', contact: '13911110006', reason: '该单位的测试数据来源不明，请予核查' },
    }),
  },
  'GET /api/admin/programs/:programId/objections': programRoute(get('/api/admin/programs/:programId/objections'), { ok: [200] }),
  // Objections are not public: another program's is not found (404) for the admin of P1.
  'POST /api/admin/objections/:objectionId/resolution': {
    on: 'objection',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    request: post('/api/admin/objections/:objectionId/resolution', () => ({ decision: 'dismissed', reason: '经核查，测试数据来源清楚' })),
  },
  'POST /api/admin/programs/:programId/publish': programRoute(post('/api/admin/programs/:programId/publish', () => ({ stage: 'finalist' }))),
  'GET /api/public/programs/:programId/results': { on: 'program', gate: 'public', ok: [200], request: get('/api/public/programs/:programId/results') },
  'GET /api/public/programs/:programId/results.xlsx': { on: 'program', gate: 'public', ok: [200], request: get('/api/public/programs/:programId/results.xlsx') },
  // The working-day calendar: kept by program admins and the system admin (platform settings).
  'GET /api/admin/calendar': { on: 'none', gate: ['program_admin', 'program_admin_all', 'system_admin'], ok: [200], request: get('/api/admin/calendar?year=2026') },
  'PUT /api/admin/calendar/:date': { on: 'none', gate: ['program_admin', 'program_admin_all', 'system_admin'], ok: [200], request: () => ({ method: 'PUT', url: '/api/admin/calendar/2026-10-08', payload: { kind: 'builtin' } }) },
};

export const WORK_ROUTES: ExpectedTable = { ...APPLICATIONS, ...RECOMMENDATION, ...ASSIGNMENT, ...REVIEWS, ...SELECTION };
