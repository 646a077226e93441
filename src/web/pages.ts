// The page table: every route's path and its lazily loaded page (one chunk each). routes.tsx builds the router from it.
import type { ComponentType } from 'react';

export interface PageRoute {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const PAGES: readonly PageRoute[] = [
  { path: '/', load: () => import('./pages/home/HomePage.js') },
  { path: '/catalogue', load: () => import('./pages/catalogue/CataloguePage.js') },
  { path: '/programs/:programCode', load: () => import('./pages/public/ProgramPortalPage.js') },
  { path: '/statistics', load: () => import('./pages/public/StatisticsPage.js') },
  { path: '/programs/:programCode/statistics', load: () => import('./pages/public/StatisticsPage.js') },
  { path: '/admin/dashboard', load: () => import('./pages/admin/DashboardPage.js') },
  { path: '/programs/:programCode/catalogue', load: () => import('./pages/catalogue/CataloguePage.js') },
  { path: '/programs/:programCode/subfields/:subfieldCode', load: () => import('./pages/catalogue/SubfieldPage.js') },
  { path: '/applications', load: () => import('./pages/applications/MyApplicationsPage.js') },
  { path: '/applications/:id', load: () => import('./pages/applications/ApplicationPage.js') },
  { path: '/applications/:id/print', load: () => import('./pages/applications/PrintPage.js') },
  { path: '/applications/:id/receipt', load: () => import('./pages/applications/ReceiptPage.js') },
  { path: '/verify/:number', load: () => import('./pages/applications/VerifyPage.js') },
  { path: '/recommender', load: () => import('./pages/recommender/RecommenderPage.js') },
  { path: '/recommender/letter', load: () => import('./pages/recommender/LetterPage.js') },
  { path: '/admin/recommendations', load: () => import('./pages/admin/RecommendationsAdminPage.js') },
  { path: '/admin/assignments', load: () => import('./pages/admin/AssignmentPage.js') },
  { path: '/admin/ranking', load: () => import('./pages/admin/RankingPage.js') },
  { path: '/admin/review-events', load: () => import('./pages/admin/ReviewEventsPage.js') },
  { path: '/admin/selection', load: () => import('./pages/admin/SelectionPage.js') },
  { path: '/admin/calendar', load: () => import('./pages/admin/CalendarPage.js') },
  { path: '/notices', load: () => import('./pages/public/NoticesPage.js') },
  { path: '/programs/:programCode/notices', load: () => import('./pages/public/NoticesPage.js') },
  { path: '/results', load: () => import('./pages/public/ResultsPage.js') },
  { path: '/programs/:programCode/results', load: () => import('./pages/public/ResultsPage.js') },
  { path: '/expert', load: () => import('./pages/expert/ExpertHomePage.js') },
  { path: '/expert/profile', load: () => import('./pages/expert/ExpertProfilePage.js') },
  { path: '/expert/reviews/:id', load: () => import('./pages/expert/ReviewPage.js') },
  { path: '/login', load: () => import('./pages/auth/LoginPage.js') },
  { path: '/register', load: () => import('./pages/auth/RegisterPage.js') },
  { path: '/account', load: () => import('./pages/account/AccountPage.js') },
  { path: '/admin/programs', load: () => import('./pages/admin/ProgramsAdminPage.js') },
  { path: '/admin/programs/:programCode', load: () => import('./pages/admin/program-editor/ProgramEditorPage.js') },
  { path: '/admin/phases', load: () => import('./pages/admin/PhasesPage.js') },
  { path: '/admin/programs/:programCode/phases', load: () => import('./pages/admin/PhasesPage.js') },
  { path: '/admin/experts', load: () => import('./pages/admin/ExpertsPage.js') },
  { path: '/admin/accounts', load: () => import('./pages/admin/AdminAccountsPage.js') },
  { path: '/audit', load: () => import('./pages/audit/AuditPage.js') },
  { path: '/organization', load: () => import('./pages/account/MembersPage.js') },
  { path: '/security', load: () => import('./pages/security/SecurityPage.js') },
  { path: '/invite/:token', load: () => import('./pages/auth/LinkPage.js').then((m) => ({ default: m.InvitePage })) },
  { path: '/reset/:token', load: () => import('./pages/auth/LinkPage.js').then((m) => ({ default: m.ResetPage })) },
  // attack period and final evaluation
  { path: '/lab', load: () => import('./pages/lab/LabHomePage.js') },
  { path: '/lab/applications/:id', load: () => import('./pages/lab/LabMeasurePage.js') },
  { path: '/applications/:id/evaluation', load: () => import('./pages/applications/EvaluationRecordPage.js') },
  { path: '/admin/evaluation', load: () => import('./pages/admin/EvaluationAdminPage.js') },
  { path: '/admin/progress', load: () => import('./pages/admin/ProgressAdminPage.js') },
  { path: '/programs/:programCode/winners/:subfieldCode', load: () => import('./pages/public/WinnersPage.js') },
];

/** Whether a page exists for this path, so links to pages not built yet are not shown. */
export const hasRoute = (path: string) => PAGES.some((p) => p.path === path);
