// Navigation by role: one table; each role's pages are added here and in pages.ts.
import type { Role } from '../shared/schemas/system.js';
import type { MessageKey } from './i18n/zh.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Who sees it: everyone, only visitors, anyone signed in, or holders of one of these roles. */
  roles: 'everyone' | 'signed_out' | 'signed_in' | readonly Role[];
}

export const NAVIGATION: readonly NavItem[] = [
  { path: '/', label: 'nav.home', roles: 'everyone' },
  { path: '/catalogue', label: 'nav.catalogue', roles: 'everyone' },
  { path: '/notices', label: 'nav.notices', roles: 'everyone' },
  { path: '/results', label: 'nav.results', roles: 'everyone' },
  { path: '/statistics', label: 'nav.statistics', roles: 'everyone' },
  { path: '/register', label: 'nav.register', roles: 'signed_out' },
  { path: '/applications', label: 'nav.applications', roles: ['applicant', 'org_admin'] },
  { path: '/recommender', label: 'nav.recommender', roles: ['recommender'] },
  { path: '/admin/dashboard', label: 'nav.dashboard', roles: ['program_admin'] },
  { path: '/admin/programs', label: 'nav.programs', roles: ['program_admin'] },
  { path: '/admin/recommendations', label: 'nav.recommendations', roles: ['program_admin'] },
  { path: '/admin/experts', label: 'nav.experts', roles: ['program_admin'] },
  { path: '/admin/assignments', label: 'nav.assignment', roles: ['program_admin'] },
  { path: '/admin/ranking', label: 'nav.ranking', roles: ['program_admin'] },
  { path: '/admin/review-events', label: 'nav.reviewEvents', roles: ['program_admin'] },
  { path: '/admin/selection', label: 'nav.selection', roles: ['program_admin'] },
  { path: '/admin/progress', label: 'nav.progress', roles: ['program_admin'] },
  { path: '/admin/evaluation', label: 'nav.evaluation', roles: ['program_admin'] },
  { path: '/admin/calendar', label: 'nav.calendar', roles: ['program_admin', 'system_admin'] },
  { path: '/expert', label: 'nav.expert', roles: ['expert'] },
  { path: '/lab', label: 'nav.lab', roles: ['lab'] },
  { path: '/admin/accounts', label: 'nav.adminAccounts', roles: ['program_admin', 'system_admin'] },
  { path: '/organization', label: 'nav.members', roles: ['org_admin'] },
  { path: '/security', label: 'nav.security', roles: ['security_admin'] },
  { path: '/audit', label: 'nav.audit', roles: ['audit_admin'] },
  { path: '/account', label: 'nav.account', roles: 'signed_in' },
];

export function navigationFor(roles: readonly Role[] | null, table: readonly NavItem[] = NAVIGATION): NavItem[] {
  return table.filter((item) => {
    if (item.roles === 'everyone') return true;
    if (item.roles === 'signed_out') return roles === null;
    if (item.roles === 'signed_in') return roles !== null;
    return (roles ?? []).some((r) => (item.roles as readonly Role[]).includes(r));
  });
}
