// Pure policy functions, without a database: who holds a role, who administers a program, whose account one manages.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/system.js';
import { administersProgram, hasRole, type Actor } from './actor.js';
import type { UserRow } from './accounts.repository.js';
import { canManageUser } from './members.service.js';

const actor = (roles: Role[], extra: Partial<Actor> = {}): Actor => ({
  id: 'a',
  name: 'a',
  email: 'a@example.cn',
  roles,
  organizationId: null,
  recommenderId: null,
  programIds: null,
  sessionId: 's',
  csrfToken: 'c',
  mustChangePassword: false,
  ...extra,
});
const user = (roles: Role[], organizationId: string | null = null) => ({ id: 'u', roles, organizationId }) as unknown as UserRow;

describe('policies', () => {
  it('hasRole: any of the roles, never for a signed-out caller', () => {
    expect(hasRole(actor(['lab']), 'lab', 'expert')).toBe(true);
    expect(hasRole(actor(['lab']), 'expert')).toBe(false);
    expect(hasRole(null, 'lab')).toBe(false);
  });

  it('administersProgram: all programs when ungranted, else only the granted ones', () => {
    expect(administersProgram(actor(['program_admin']), 'p1')).toBe(true);
    expect(administersProgram(actor(['program_admin'], { programIds: ['p2'] }), 'p1')).toBe(false);
    expect(administersProgram(actor(['program_admin'], { programIds: ['p1'] }), 'p1')).toBe(true);
    expect(administersProgram(actor(['system_admin']), 'p1')).toBe(false);
  });

  it('canManageUser: system admin all; program admin neither admins nor applicants; org admin its own members', () => {
    expect(canManageUser(actor(['system_admin']), user(['audit_admin']))).toBe(true);
    expect(canManageUser(actor(['program_admin']), user(['lab']))).toBe(true);
    expect(canManageUser(actor(['program_admin']), user(['security_admin']))).toBe(false);
    expect(canManageUser(actor(['program_admin']), user(['applicant'], 'o1'))).toBe(false);
    expect(canManageUser(actor(['org_admin'], { organizationId: 'o1' }), user(['applicant'], 'o1'))).toBe(true);
    expect(canManageUser(actor(['org_admin'], { organizationId: 'o1' }), user(['applicant'], 'o2'))).toBe(false);
    expect(canManageUser(actor(['security_admin']), user(['lab']))).toBe(false);
  });
});
