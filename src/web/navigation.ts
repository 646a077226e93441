// Navigation by role: one table; a later issue adds a role's pages here and in routes.tsx.
import type { Role } from '../shared/schemas/system.js';
import type { MessageKey } from './i18n/zh.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Who sees it: everyone, or holders of one of these roles. */
  roles: 'everyone' | readonly Role[];
}

export const NAVIGATION: readonly NavItem[] = [{ path: '/', label: 'nav.home', roles: 'everyone' }];

export function navigationFor(roles: readonly Role[] | null, table: readonly NavItem[] = NAVIGATION): NavItem[] {
  return table.filter((item) => item.roles === 'everyone' || (roles ?? []).some((r) => item.roles.includes(r)));
}
