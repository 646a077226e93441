// The one route table: the layout, every page (lazy, its own chunk), and the 404 page.
import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { RouteError } from './components/RouteError.js';
import { PAGES } from './pages.js';

const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.js'));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      ...PAGES.map((page) => {
        const Page = lazy(page.load);
        return { path: page.path, element: <Page /> };
      }),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
