// The two routes every page hangs from: the root, and the signed-in layout. Kept apart from router.tsx so
// each business area's routes.tsx can name `appRoute` as its parent without importing the whole tree.
import { createRootRouteWithContext, createRoute, Outlet } from '@tanstack/react-router';
import { ForbiddenError, requireSignIn, type RouterContext } from './guards';
import { AppLayout } from '../layout/AppLayout';
import { ErrorPage, ForbiddenPage, NotFoundPage } from '../pages/StatusPages';

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => ({ me: await requireSignIn(context.queryClient, location.href) }),
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => (error instanceof ForbiddenError ? <ForbiddenPage /> : <ErrorPage error={error} reset={reset} />),
});

