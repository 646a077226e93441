// The router's error element: errors thrown while loading or rendering a route.
import { useRouteError } from 'react-router';
import { ErrorView } from './ErrorView.js';

export function RouteError() {
  const error = useRouteError();
  return <ErrorView error={error} onRetry={() => window.location.reload()} />;
}
