// Navigation by role: signed-out visitors see public items only; a role sees its own items, not others'.
import { describe, expect, it } from 'vitest';
import { NAVIGATION, navigationFor, type NavItem } from './navigation.js';

const TABLE: NavItem[] = [
  { path: '/', label: 'nav.home', roles: 'everyone' },
  { path: '/applications', label: 'nav.home', roles: ['applicant', 'org_admin'] },
  { path: '/audit', label: 'nav.home', roles: ['audit_admin'] },
];

describe('navigationFor', () => {
  it('shows only public items when signed out', () => {
    expect(navigationFor(null, TABLE).map((i) => i.path)).toEqual(['/']);
  });

  it('adds the items of the roles held, and no others', () => {
    expect(navigationFor(['applicant'], TABLE).map((i) => i.path)).toEqual(['/', '/applications']);
    expect(navigationFor(['audit_admin', 'org_admin'], TABLE).map((i) => i.path)).toEqual(['/', '/applications', '/audit']);
  });

  it('keeps the real table public-first', () => {
    expect(navigationFor(null).map((i) => i.path)).toContain('/');
    expect(NAVIGATION.every((i) => i.roles === 'everyone' || i.roles.length > 0)).toBe(true);
  });
});
