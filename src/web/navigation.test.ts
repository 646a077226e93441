// Navigation by role: signed-out visitors see public items only; a role sees its own items, not others'.
import { describe, expect, it } from 'vitest';
import { NAVIGATION, navigationFor, type NavItem } from './navigation.js';

const TABLE: NavItem[] = [
  { path: '/', label: 'nav.home', roles: 'everyone' },
  { path: '/applications', label: 'nav.home', roles: ['applicant', 'org_admin'] },
  { path: '/audit', label: 'nav.home', roles: ['audit_admin'] },
  { path: '/register', label: 'nav.home', roles: 'signed_out' },
  { path: '/account', label: 'nav.home', roles: 'signed_in' },
];

describe('navigationFor', () => {
  it('shows only public items when signed out', () => {
    expect(navigationFor(null, TABLE).map((i) => i.path)).toEqual(['/', '/register']);
  });

  it('adds the items of the roles held, and no others', () => {
    expect(navigationFor(['applicant'], TABLE).map((i) => i.path)).toEqual(['/', '/applications', '/account']);
    expect(navigationFor(['audit_admin', 'org_admin'], TABLE).map((i) => i.path)).toEqual(['/', '/applications', '/audit', '/account']);
  });

  it('keeps the real table public-first', () => {
    expect(navigationFor(null).map((i) => i.path)).toContain('/');
    expect(NAVIGATION.every((i) => typeof i.roles === 'string' || i.roles.length > 0)).toBe(true);
    expect(navigationFor(['system_admin']).map((i) => i.path)).not.toContain('/audit');
  });
});
