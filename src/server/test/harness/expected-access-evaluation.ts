// THE EXPECTED TABLE, part 3: the public statistics, the dashboard and to-do list, the demo accounts, and the attack
// period and final evaluation (API.md "Attack period and final evaluation", decision records 011, 012 and 015).
// Written by hand from the roles, never from what the code answers; see expected-access.ts for part 1.
import { multipartFile } from '../factories.js';
import { APPLICANTS, PROGRAM_ADMINS, fillPath, programRoute, type ExpectedTable, type Probe, type RouteExpectation } from './access-table.js';
import { pdf } from './scenario.js';

const get = (url: string) => (p: Probe) => ({ method: 'GET', url: fillPath(url, p.target) });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, body?: (p: Probe) => Record<string, unknown>) => (p: Probe) => ({ method, url: fillPath(url, p.target), payload: body ? body(p) : undefined });
const upload = (url: string, name: string) => (p: Probe) => ({ method: 'POST', url: fillPath(url, p.target), ...multipartFile(name, pdf(), 'application/pdf') });
const inP1 = (p: Probe) => p.target.programId === p.ids.p1 || p.target.programId === 'no-such-program';

/** Who sees a confirmed finalist's evaluation record (attainment, test reports): its organization (in any program),
 * the program's admins, the lab measuring it (labs are platform-wide), the experts who opened it. Recommenders, the
 * expert who has not declared, other labs and the account, security and audit admins: 404 (decision 012). */
const SEES_EVALUATION = {
  applicant: ['own', 'other_program'],
  org_admin: ['own', 'other_program'],
  program_admin: ['own', 'foreign'],
  program_admin_all: ['own', 'foreign', 'other_program'],
  expert: ['own'],
  lab: ['own', 'other_program'],
} as const;
/** Progress reports are the finalist's and the ministry's business (and its experts'): the lab in charge sees the
 * application's indicators only, so it may not read them (403). */
const { lab: _lab, ...SEES_PROGRESS } = SEES_EVALUATION;
const PROGRESS_READ = { gate: 'signed_in', allow: SEES_PROGRESS, forbid: { lab: ['own', 'other_program'] } } as const;
/** What the lab in charge does: test reports and measurements, in any program. */
const LAB_IN_CHARGE = { on: 'evaluation', gate: ['lab'], allow: { lab: ['own', 'other_program'] } } as const;
/** What the finalist's organization does: its comments and progress reports, in any program. */
const OWNER = { gate: APPLICANTS, allow: { applicant: ['own', 'other_program'], org_admin: ['own', 'other_program'] } } as const;
const adminOf = (on: RouteExpectation['on']) => ({ on, gate: PROGRAM_ADMINS, allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] } }) as const;

const STATISTICS: ExpectedTable = {
  'GET /api/public/programs/:programId/statistics': { on: 'program', gate: 'public', ok: [200], request: get('/api/public/programs/:programId/statistics') },
  // Rate limited per address (120 an hour): the matrix asks 33 times.
  'GET /api/public/programs/:programId/statistics.xlsx': { on: 'program', gate: 'public', ok: [200], request: get('/api/public/programs/:programId/statistics.xlsx') },
  'GET /api/admin/programs/:programId/dashboard': programRoute(get('/api/admin/programs/:programId/dashboard'), { ok: [200] }),
  // Every signed-in role has a to-do list (decision 011).
  'GET /api/me/todo': { on: 'none', gate: 'signed_in', ok: [200], request: get('/api/me/todo') },
  // The sign-in page asks anyone; outside demo mode (the harness) it says the demo is off.
  'GET /api/demo': { on: 'none', gate: 'public', ok: [200], request: get('/api/demo') },
};

const EVALUATION: ExpectedTable = {
  // Each finalist probed already has this lab: refused as a duplicate (409) once past the access checks.
  'POST /api/admin/programs/:programId/lab-assignments': programRoute(
    send('POST', '/api/admin/programs/:programId/lab-assignments', (p) => ({ applicationId: inP1(p) ? p.ids.finalistA : p.ids.finalistP2, labUserId: p.ids.lab })),
    { ok: [409] },
  ),
  // s1 has no confirmed finalist yet, and P2's second subfield's already has the lab: nothing is assigned.
  'POST /api/admin/programs/:programId/lab-assignments/subfield': programRoute(
    send('POST', '/api/admin/programs/:programId/lab-assignments/subfield', (p) => ({ subfieldId: inP1(p) ? p.ids.s1 : p.ids.p2Subfield2, labUserId: p.ids.lab })),
    { ok: [200] },
  ),
  'GET /api/admin/programs/:programId/evaluation': programRoute(get('/api/admin/programs/:programId/evaluation'), { ok: [200] }),
  // The lab accounts to choose from: for program admins, who assign labs.
  'GET /api/admin/labs': { on: 'none', gate: PROGRAM_ADMINS, ok: [200], request: get('/api/admin/labs') },
  'GET /api/lab/applications': { on: 'none', gate: ['lab'], ok: [200], request: get('/api/lab/applications') },
  // Only the finalists the lab measures now; others do not exist for it.
  'GET /api/lab/applications/:id': { ...LAB_IN_CHARGE, ok: [200], request: get('/api/lab/applications/:id') },
  'POST /api/applications/:id/lab-reports': { ...LAB_IN_CHARGE, ok: [201], request: upload('/api/applications/:id/lab-reports', '测试报告.pdf') },
  'GET /api/applications/:id/lab-reports/:reportId': { on: 'lab_report', gate: 'signed_in', allow: SEES_EVALUATION, ok: [200], request: get('/api/applications/:id/lab-reports/:reportId') },
  // The values already measured, sent again; elsewhere a well-formed item (visibility is checked before the body).
  'PUT /api/applications/:id/measurements': {
    ...LAB_IN_CHARGE,
    ok: [200],
    request: (p) => ({
      method: 'PUT',
      url: fillPath('/api/applications/:id/measurements', p.target),
      payload: { items: p.data.measurements[p.target.id!] ?? [{ indicatorId: p.ids.p1Indicator, measured: 1, method: '依据测试规程', testedAt: '2026-01-05' }] },
    }),
  },
  'PUT /api/applications/:id/measurements/:measurementId/comment': {
    on: 'measurement',
    ...OWNER,
    ok: [200],
    request: send('PUT', '/api/applications/:id/measurements/:measurementId/comment', () => ({ comment: '对实测结果无异议' })),
  },
  'GET /api/applications/:id/attainment': { on: 'evaluation', gate: 'signed_in', allow: SEES_EVALUATION, ok: [200], request: get('/api/applications/:id/attainment') },
  'GET /api/public/programs/:programId/subfields/:subfield/winners': { on: 'winners', gate: 'public', ok: [200], request: get('/api/public/programs/:programId/subfields/:subfield/winners') },
};

const PROGRESS: ExpectedTable = {
  'GET /api/admin/programs/:programId/progress-milestones': programRoute(get('/api/admin/programs/:programId/progress-milestones'), { ok: [200] }),
  'POST /api/admin/programs/:programId/progress-milestones': programRoute(
    send('POST', '/api/admin/programs/:programId/progress-milestones', () => ({ title: '补充进展报告', dueAt: new Date(Date.now() + 40 * 86_400_000).toISOString() })),
    { ok: [201] },
  ),
  // Due dates are not public: another program's is not found (404) for the admin of P1. Written back unchanged.
  'PUT /api/admin/progress-milestones/:id': { ...adminOf('milestone'), ok: [200], request: send('PUT', '/api/admin/progress-milestones/:id', (p) => p.data.milestones[p.target.id!] ?? { title: '中期进展报告', dueAt: new Date().toISOString() }) },
  // Every due date probed has reports: removing it is refused (409).
  'DELETE /api/admin/progress-milestones/:id': { ...adminOf('milestone'), ok: [409], request: send('DELETE', '/api/admin/progress-milestones/:id') },
  'GET /api/admin/programs/:programId/progress-reports': programRoute(get('/api/admin/programs/:programId/progress-reports'), { ok: [200] }),
  // No report probed awaits review (accepted, or sent back for more): refused for its state (409).
  'POST /api/admin/progress-reports/:reportId/review': {
    on: 'progress_review',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own', 'foreign'], program_admin_all: ['own', 'foreign', 'other_program'] },
    ok: [409],
    request: send('POST', '/api/admin/progress-reports/:reportId/review', () => ({ decision: 'accept', comment: '同意' })),
  },
  'GET /api/applications/:id/progress-reports': { on: 'evaluation', ...PROGRESS_READ, ok: [200], request: get('/api/applications/:id/progress-reports') },
  // P1's open due date gets an empty draft (so no call can submit it: 400); P2's report is accepted (409).
  'PUT /api/applications/:id/progress-reports/:milestoneId': { on: 'progress', ...OWNER, request: send('PUT', '/api/applications/:id/progress-reports/:milestoneId', () => ({ content: '' })) },
  'POST /api/applications/:id/progress-reports/:milestoneId/submit': { on: 'progress', ...OWNER, request: send('POST', '/api/applications/:id/progress-reports/:milestoneId/submit') },
  'POST /api/applications/:id/progress-reports/:milestoneId/files': { on: 'progress', ...OWNER, request: upload('/api/applications/:id/progress-reports/:milestoneId/files', '进展材料.pdf') },
  'GET /api/applications/:id/progress-reports/:milestoneId/files/:fileId': { on: 'progress_file', ...PROGRESS_READ, ok: [200], request: get('/api/applications/:id/progress-reports/:milestoneId/files/:fileId') },
  // The files probed are on accepted reports: removing one is refused (409).
  'DELETE /api/applications/:id/progress-reports/:milestoneId/files/:fileId': {
    on: 'progress_file',
    ...OWNER,
    ok: [409],
    request: send('DELETE', '/api/applications/:id/progress-reports/:milestoneId/files/:fileId'),
  },
};

export const EVALUATION_ROUTES: ExpectedTable = { ...STATISTICS, ...EVALUATION, ...PROGRESS };
