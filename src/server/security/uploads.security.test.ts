// QUALITY S8 over every multipart route: the hostile corpus is refused by content with nothing kept, names stay
// harmless, downloads are attachments with nosniff; a planted route that trusts the file name is caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeKey } from '../test/harness/matrix.js';
import { recordSection } from '../test/harness/report.js';
import { buildScenario, type Scenario } from '../test/harness/scenario.js';
import { HOSTILE, UPLOAD_ROUTES, uploadProblems } from '../test/harness/uploads.js';
import { uploadedFile } from '../http/upload.js';

let s: Scenario;
const figures: Record<string, number> = {};

beforeAll(async () => {
  s = await buildScenario({
    beforeReady: (app) =>
      // A planted defect: an upload route that trusts the file's name and keeps whatever comes.
      app.post('/api/applications/:id/planted-upload', { config: { access: ['applicant', 'org_admin'] } }, async (request, reply) => {
        const file = await uploadedFile(request, { zh: '请选择文件', en: 'Choose a file' });
        const buffer = await file.toBuffer();
        if (!file.filename.endsWith('.pdf')) return reply.code(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'x' } });
        return reply.code(201).send({ name: file.filename, size: buffer.length });
      }),
  });
});
afterAll(() => {
  recordSection('uploads', [
    ['multipart routes', figures.routes ?? 'not run'],
    ['hostile files per route', HOSTILE.length + 1],
    ['problems', figures.problems ?? 'not run'],
  ]);
});

describe('uploads', () => {
  it('knows what every multipart route takes', async () => {
    const multipart = apiRoutes(s.t.routes)
      .filter((r) => r.consumes?.includes('multipart/form-data'))
      .map(routeKey);
    figures.routes = multipart.length;
    expect(multipart.filter((k) => !UPLOAD_ROUTES[k]).map((k) => `${k}: add it to UPLOAD_ROUTES in src/server/test/harness/uploads.ts`)).toEqual([]);
    expect(Object.keys(UPLOAD_ROUTES).filter((k) => !multipart.includes(k))).toEqual([]);
  });

  it('refuse the hostile corpus by content on every upload route, keeping nothing', async () => {
    const { ids, sessions } = s;
    const problems = [
      ...(await uploadProblems(s, 'POST /api/applications/:id/attachments', `/api/applications/${ids.draftA}/attachments`, sessions.org_admin, 'pdf', (c) => `/api/applications/${ids.draftA}/attachments/${c.id}`)),
      ...(await uploadProblems(s, 'POST /api/admin/review-events/:id/report', `/api/admin/review-events/${ids.eventP1}/report`, sessions.program_admin_all, 'pdf', () => `/api/admin/review-events/${ids.eventP1}/report`)),
      ...(await uploadProblems(s, 'POST /api/admin/programs/import.xlsx', '/api/admin/programs/import.xlsx', sessions.program_admin_all, 'workbook')),
      ...(await uploadProblems(s, 'POST /api/admin/programs/:programId/experts/import.xlsx', `/api/admin/programs/${ids.p1}/experts/import.xlsx`, sessions.program_admin_all, 'workbook')),
      // The lab in charge of finalistA, in the evaluation phase; org A on its open due date, in the attack phase.
      ...(await uploadProblems(s, 'POST /api/applications/:id/lab-reports', `/api/applications/${ids.finalistA}/lab-reports`, sessions.lab, 'pdf', (c) => `/api/applications/${ids.finalistA}/lab-reports/${c.id}`)),
      ...(await uploadProblems(
        s,
        'POST /api/applications/:id/progress-reports/:milestoneId/files',
        `/api/applications/${ids.finalistA}/progress-reports/${ids.milestoneP1Open}/files`,
        sessions.org_admin,
        'pdf',
        (c) => `/api/applications/${ids.finalistA}/progress-reports/${ids.milestoneP1Open}/files/${c.id}`,
      )),
    ];
    figures.problems = problems.length;
    expect(problems).toEqual([]);
  });

  it('catches a planted route that trusts the file name', async () => {
    const problems = await uploadProblems(s, 'POST /api/applications/:id/planted-upload', `/api/applications/${s.ids.draftA}/planted-upload`, s.sessions.org_admin, 'pdf');
    expect(problems).toContainEqual(expect.stringMatching(/setup\.pdf answered 201, not 415/));
    expect(problems).toContainEqual(expect.stringMatching(/page\.pdf answered 201, not 415/));
  });
});
