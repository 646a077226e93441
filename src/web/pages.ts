// The page table: every route's path and its lazily loaded page (one chunk each). routes.tsx builds the router from it.
import type { ComponentType } from 'react';

export interface PageRoute {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const PAGES: readonly PageRoute[] = [{ path: '/', load: () => import('./pages/home/HomePage.js') }];

/** Whether a page exists for this path, so links to pages not built yet are not shown. */
export const hasRoute = (path: string) => PAGES.some((p) => p.path === path);
