// The national dashboard (/dashboard, per edition in the URL) and an entity's page (/dashboard/entities/$id).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { appRoute } from '../../app/shellRoutes';
import { optional, positiveId, z } from '../../app/search';
import { loadMessages } from '../../i18n';

const DashboardPage = lazyRouteComponent(() => import('./DashboardPage'), 'DashboardPage');
const EntityDashboardPage = lazyRouteComponent(() => import('./EntityDashboardPage'), 'EntityDashboardPage');

export const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: z.object({ edition: optional(positiveId()) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'dashboard.national'),
  loader: () => loadMessages('dashboard'),
  component: DashboardPage,
});

export const entityDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard/entities/$id',
  validateSearch: z.object({ edition: optional(positiveId()) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'dashboard.entity'),
  loader: () => loadMessages('dashboard'),
  component: EntityDashboardPage,
});

export const dashboardRoutes = [dashboardRoute, entityDashboardRoute] as const;
