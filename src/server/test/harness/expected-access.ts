// THE EXPECTED TABLE (QUALITY S2, S13), part 1: platform, accounts, audit, programs and the catalogue editor.
// Written by hand from the roles in API.md and PRODUCT.md, never from what the code answers. Every registered API
// route needs a row (the matrix fails naming the route otherwise); the work routes are in expected-access-work.ts, the
// statistics, to-do list, demo and the attack period and final evaluation in expected-access-evaluation.ts.
import { randomUUID } from 'node:crypto';
import { multipartFile, PASSWORD, registrationBody } from '../factories.js';
import { PROGRAM_ADMINS, fillPath, programRoute, type ExpectedTable, type Probe } from './access-table.js';
import { EVALUATION_ROUTES } from './expected-access-evaluation.js';
import { WORK_ROUTES } from './expected-access-work.js';

const ACCOUNT_ADMINS = ['system_admin', 'program_admin', 'program_admin_all', 'org_admin'] as const;
const unique = () => randomUUID().slice(0, 8);
const get = (url: string) => (p: Probe) => ({ method: 'GET', url: fillPath(url, p.target) });
const doc = (p: Probe) => p.data.documents[p.target.programId!] ?? p.data.documents[p.ids.p1]!;
const junkWorkbook = () => multipartFile('book.xlsx', Buffer.from('not a workbook'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

const PLATFORM_AND_ACCOUNTS: ExpectedTable = {
  'GET /api/health': { on: 'none', gate: 'public', request: get('/api/health') },
  'GET /api/openapi.json': { on: 'none', gate: 'public', request: get('/api/openapi.json') },
  // Test mode only (the harness runs the app in test mode); production refuses test mode altogether.
  'POST /api/test/clock': { on: 'none', gate: 'public', ok: [200], request: () => ({ method: 'POST', url: '/api/test/clock', payload: { offsetMs: 0 } }) },

  'POST /api/auth/register': { on: 'none', gate: 'public', ok: [201], request: () => ({ method: 'POST', url: '/api/auth/register', payload: registrationBody() }) },
  'POST /api/auth/login': { on: 'none', gate: 'public', ok: [200], request: (p) => ({ method: 'POST', url: '/api/auth/login', payload: { email: p.scenario.emails.lab, password: PASSWORD } }) },
  'POST /api/auth/logout': { on: 'none', gate: 'signed_in', freshSession: true, ok: [204], request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/session': { on: 'none', gate: 'public', ok: [200], request: get('/api/auth/session') },
  // A wrong current password: refused with 400 for anyone signed in, so no password changes.
  'POST /api/auth/password': { on: 'none', gate: 'signed_in', ok: [400], request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'Not-the-Passw0rd', newPassword: 'Another-harbour-9x' } }) },
  'GET /api/recommenders': { on: 'none', gate: 'public', request: get('/api/recommenders') },
  // API.md: program or system admin.
  'POST /api/admin/recommenders': {
    on: 'none',
    gate: ['program_admin', 'program_admin_all', 'system_admin'],
    allow: { program_admin: 'all', program_admin_all: 'all', system_admin: 'all' },
    ok: [201],
    request: () => ({ method: 'POST', url: '/api/admin/recommenders', payload: { name: `行业协会${unique()}`, kind: 'association' } }),
  },
  // API.md: program admin (experts are platform-wide: a program admin of one program may add them).
  'POST /api/admin/experts': {
    on: 'none',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: 'all', program_admin_all: 'all' },
    ok: [201],
    request: (p) => ({
      method: 'POST',
      url: '/api/admin/experts',
      payload: { name: '新专家', email: `new.${unique()}@example.edu.cn`, password: PASSWORD, organization: { name: '某研究院' }, regionCode: '320000', subfieldIds: [p.ids.s1], keywords: ['视觉'] },
    }),
  },
  'GET /api/admin/experts': { on: 'none', gate: PROGRAM_ADMINS, allow: { program_admin: 'all', program_admin_all: 'all' }, request: get('/api/admin/experts') },
  // API.md: program or system admin; the three admin roles by the system admin only (a lab account here).
  'POST /api/admin/users': {
    on: 'none',
    gate: ['program_admin', 'program_admin_all', 'system_admin'],
    allow: { program_admin: 'all', program_admin_all: 'all', system_admin: 'all' },
    ok: [201],
    request: () => ({ method: 'POST', url: '/api/admin/users', payload: { role: 'lab', name: '测试机构', email: `lab.${unique()}@example.cn`, password: PASSWORD } }),
  },
  // Accounts one manages: the system admin all, a program admin those it makes, an org admin its members; the
  // security admin lists every account to end its sessions.
  'GET /api/admin/users': {
    on: 'none',
    gate: [...ACCOUNT_ADMINS, 'security_admin'],
    allow: { system_admin: 'all', program_admin: 'all', program_admin_all: 'all', org_admin: 'all', security_admin: 'all' },
    request: get('/api/admin/users'),
  },
  'POST /api/admin/users/:userId/disabled': {
    on: 'user',
    gate: ACCOUNT_ADMINS,
    allow: { system_admin: ['own', 'foreign'], program_admin: ['own'], program_admin_all: ['own'], org_admin: ['own'] },
    ok: [204],
    request: (p) => ({ method: 'POST', url: fillPath('/api/admin/users/:userId/disabled', p.target), payload: { disabled: false } }),
  },
  'POST /api/admin/users/:userId/reset-link': {
    on: 'user',
    gate: ACCOUNT_ADMINS,
    allow: { system_admin: ['own', 'foreign'], program_admin: ['own'], program_admin_all: ['own'], org_admin: ['own'] },
    ok: [201],
    request: (p) => ({ method: 'POST', url: fillPath('/api/admin/users/:userId/reset-link', p.target) }),
  },
  // A link that was never issued: not found, whoever asks.
  'POST /api/auth/reset': { on: 'none', gate: 'public', ok: [404], request: () => ({ method: 'POST', url: '/api/auth/reset', payload: { token: 'x'.repeat(43), password: 'Another-harbour-9x' } }) },
  'POST /api/organization/invitations': {
    on: 'none',
    gate: ['org_admin'],
    allow: { org_admin: 'all' },
    ok: [201],
    request: () => ({ method: 'POST', url: '/api/organization/invitations', payload: { email: `colleague.${unique()}@example.cn` } }),
  },
  'POST /api/auth/invitations/accept': {
    on: 'none',
    gate: 'public',
    ok: [404],
    request: () => ({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token: 'y'.repeat(43), name: '新同事', phone: '020-12345678', password: 'Another-harbour-9x' } }),
  },
  // Separation of duties: policy and sessions are the security admin's alone.
  'GET /api/security/policy': { on: 'none', gate: ['security_admin'], allow: { security_admin: 'all' }, request: get('/api/security/policy') },
  'PUT /api/security/policy': { on: 'none', gate: ['security_admin'], allow: { security_admin: 'all' }, ok: [200], request: (p) => ({ method: 'PUT', url: '/api/security/policy', payload: p.data.policy }) },
  'POST /api/security/users/:userId/end-sessions': {
    on: 'user',
    gate: ['security_admin'],
    allow: { security_admin: ['own', 'foreign'] },
    ok: [200],
    request: (p) => ({ method: 'POST', url: fillPath('/api/security/users/:userId/end-sessions', p.target) }),
  },
  // The audit admin only reads and verifies; nobody else, the system admin included, reads the log.
  'GET /api/audit/events': { on: 'none', gate: ['audit_admin'], allow: { audit_admin: 'all' }, request: get('/api/audit/events?limit=5') },
  'GET /api/audit/export': { on: 'none', gate: ['audit_admin'], allow: { audit_admin: 'all' }, request: get('/api/audit/export?result=denied') },
  'POST /api/audit/verify': { on: 'none', gate: ['audit_admin'], allow: { audit_admin: 'all' }, ok: [200], request: () => ({ method: 'POST', url: '/api/audit/verify' }) },
};

const PROGRAMS: ExpectedTable = {
  'GET /api/programs': { on: 'none', gate: 'public', request: get('/api/programs') },
  'GET /api/programs/:programId/catalogue': { on: 'program', gate: 'public', request: get('/api/programs/:programId/catalogue') },
  'GET /api/admin/programs/:programId/export': programRoute(get('/api/admin/programs/:programId/export')),
  // New programs come from program admins of all programs only (a scoped admin would grant itself a program).
  'POST /api/admin/programs/import': {
    on: 'none',
    gate: PROGRAM_ADMINS,
    allow: { program_admin_all: 'all' },
    forbid: { program_admin: ['none'] },
    ok: [201],
    request: (p) => {
      const source = p.data.documents[p.ids.p2]!;
      return { method: 'POST', url: '/api/admin/programs/import', payload: { ...source, program: { ...source.program, code: `imported-${unique()}` } } };
    },
  },
  'GET /api/admin/programs/:programId/export.xlsx': programRoute(get('/api/admin/programs/:programId/export.xlsx')),
  'POST /api/admin/programs/import.xlsx': {
    on: 'none',
    gate: PROGRAM_ADMINS,
    allow: { program_admin_all: 'all' },
    forbid: { program_admin: ['none'] },
    request: () => ({ method: 'POST', url: '/api/admin/programs/import.xlsx', ...junkWorkbook() }),
  },
  'PUT /api/admin/programs/:programId/quotas': programRoute((p) => ({ method: 'PUT', url: fillPath('/api/admin/programs/:programId/quotas', p.target), payload: doc(p).program.quotas }), { ok: [200] }),
  'PUT /api/admin/programs/:programId/phases/:key': programRoute((p) => {
    const phase = doc(p).program.phases.find((x) => x.key === 'application')!;
    return { method: 'PUT', url: fillPath('/api/admin/programs/:programId/phases/application', p.target), payload: { opensAt: phase.opensAt, closesAt: phase.closesAt } };
  }, { ok: [200] }),
  'POST /api/admin/programs': {
    on: 'none',
    gate: PROGRAM_ADMINS,
    allow: { program_admin_all: 'all' },
    forbid: { program_admin: ['none'] },
    ok: [201],
    request: () => ({ method: 'POST', url: '/api/admin/programs', payload: { code: `new-${unique()}`, title: '新项目', quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 } } }),
  },
  'PUT /api/admin/programs/:programId': programRoute((p) => {
    const { title, titleEn, description, descriptionEn } = doc(p).program;
    return { method: 'PUT', url: fillPath('/api/admin/programs/:programId', p.target), payload: { title, titleEn, description, descriptionEn } };
  }, { ok: [200] }),
  'PUT /api/admin/programs/:programId/sections': programRoute((p) => ({ method: 'PUT', url: fillPath('/api/admin/programs/:programId/sections', p.target), payload: { sections: doc(p).program.sections } }), { ok: [200] }),
  // A round key that does not exist yet is created by PUT (so `missing` is a new round here, not a 404).
  'PUT /api/admin/programs/:programId/review-rounds/:key': {
    on: 'round',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own', 'missing'], program_admin_all: ['own', 'other_program', 'missing'] },
    cells: { program_admin: { missing: 'ok' }, program_admin_all: { missing: 'ok' } },
    ok: [200],
    request: (p) => {
      const isNew = p.relation === 'missing';
      const round = doc(p).program.reviewRounds.find((r) => r.key === 'online')!;
      const { key: _key, ...fields } = round;
      return { method: 'PUT', url: fillPath('/api/admin/programs/:programId/review-rounds/:key', { ...p.target, key: isNew ? `round-${unique()}` : p.target.key! }), payload: fields };
    },
  },
  // The online rounds have assignments: deleting them is refused (409), which still proves who got that far.
  'DELETE /api/admin/programs/:programId/review-rounds/:key': {
    on: 'round',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    ok: [409],
    request: (p) => ({ method: 'DELETE', url: fillPath('/api/admin/programs/:programId/review-rounds/:key', p.target) }),
  },
  'POST /api/admin/programs/:programId/directions': programRoute(
    (p) => ({ method: 'POST', url: fillPath('/api/admin/programs/:programId/directions', p.target), payload: { code: `H${unique()}`, name: '新方向', group: '支撑体系' } }),
    { ok: [201] },
  ),
};

/** The catalogue's entries: visible to all (a refusal is 403), edited by the admins of their program. */
function entryRows(path: 'directions' | 'subfields' | 'indicators', on: 'direction' | 'subfield' | 'indicator', ownOf: (p: Probe) => string): ExpectedTable {
  const base = { on, gate: PROGRAM_ADMINS, allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] } } as const;
  return {
    [`PUT /api/admin/${path}/:id`]: { ...base, ok: [200], request: (p) => ({ method: 'PUT', url: fillPath(`/api/admin/${path}/:id`, p.target), payload: p.data.entries[p.target.id!] ?? p.data.entries[ownOf(p)] }) },
    // Every entry probed is used by an application: deleting it is refused with 409.
    [`DELETE /api/admin/${path}/:id`]: { ...base, ok: [409], request: (p) => ({ method: 'DELETE', url: fillPath(`/api/admin/${path}/:id`, p.target) }) },
  };
}

const EDITOR: ExpectedTable = {
  'POST /api/admin/directions/:id/subfields': {
    on: 'direction',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    ok: [201],
    request: (p) => ({ method: 'POST', url: fillPath('/api/admin/directions/:id/subfields', p.target), payload: { code: `S${unique()}`, name: '新领域' } }),
  },
  'POST /api/admin/subfields/:id/indicators': {
    on: 'subfield',
    gate: PROGRAM_ADMINS,
    allow: { program_admin: ['own'], program_admin_all: ['own', 'other_program'] },
    ok: [201],
    request: (p) => ({ method: 'POST', url: fillPath('/api/admin/subfields/:id/indicators', p.target), payload: { code: `I${unique()}`, name: '新指标', kind: 'boolean' } }),
  },
  ...entryRows('directions', 'direction', (p) => p.ids.p1Direction),
  ...entryRows('subfields', 'subfield', (p) => p.ids.s1),
  ...entryRows('indicators', 'indicator', (p) => p.ids.p1Indicator),
};

/** Every registered API route (HEAD routes answer as their GET) with what each caller must get. */
export const EXPECTED_ACCESS: ExpectedTable = { ...PLATFORM_AND_ACCOUNTS, ...PROGRAMS, ...EDITOR, ...WORK_ROUTES, ...EVALUATION_ROUTES };
