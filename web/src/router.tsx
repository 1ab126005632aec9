// Every page and who may open it. Pages under the `app` layout need a session; each guarded page names the
// policy action it needs, and the 403 page shows at the same address when the user lacks it.
import { createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission, type RouterContext } from './app/guards';
import { appRoute, rootRoute } from './app/shellRoutes';
import { flag, optional, positiveId, tableSearchShape, text, z } from './app/search';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { NotFoundPage } from './pages/StatusPages';
import { loadMessages } from './i18n';
import { editionsRoutes } from './pages/editions/routes';
import { practicesRoutes } from './pages/practices/routes';
import { researchRoutes } from './pages/research/routes';
import { adoptionsRoutes } from './pages/adoptions/routes';
import { eventsRoutes } from './pages/events/routes';
import { partnershipsRoutes } from './pages/partnerships/routes';
import { dashboardRoutes } from './pages/dashboard/routes';
import { notificationsRoutes } from './pages/notifications/routes';
import { searchRoutes } from './pages/search/routes';
import { changeRoutes, publicChangeRoutes } from './pages/change/routes';

// Administration pages and preferences load on first visit, keeping the first page's JavaScript small.
const PreferencesPage = lazyRouteComponent(() => import('./pages/PreferencesPage'), 'PreferencesPage');
const AllUsersPage = lazyRouteComponent(() => import('./pages/admin/users/UsersPage'), 'AllUsersPage');
const TeamPage = lazyRouteComponent(() => import('./pages/admin/users/UsersPage'), 'TeamPage');
const OrganizationsPage = lazyRouteComponent(() => import('./pages/admin/organizations/OrganizationsPage'), 'OrganizationsPage');
const TokensPage = lazyRouteComponent(() => import('./pages/admin/tokens/TokensPage'), 'TokensPage');
const AuditPage = lazyRouteComponent(() => import('./pages/admin/audit/AuditPage'), 'AuditPage');

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: z.object({ next: optional(text(2000)), expired: optional(z.boolean()) }),
  component: SignInPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  loader: () => loadMessages('home'),
  component: HomePage,
});
const preferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/preferences',
  loader: () => loadMessages('preferences'),
  component: PreferencesPage,
});

export const userSearch = z.object({
  ...tableSearchShape,
  role: optional(text(40)),
  active: flag(),
  org: optional(positiveId()),
  user: optional(positiveId()),
});

/** A coordinator's own entity's team: the same page, scoped by the server to what they administer. */
export const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  validateSearch: userSearch,
  beforeLoad: ({ context }) => requirePermission(context.me, 'users.read'),
  loader: () => loadMessages('users'),
  component: TeamPage,
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: ({ context }) => requirePermission(context.me, 'administration'),
});

export const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  validateSearch: userSearch,
  loader: () => loadMessages('users'),
  component: AllUsersPage,
});

export const organizationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations',
  validateSearch: z.object({ org: optional(positiveId()) }),
  loader: () => loadMessages('organizations'),
  component: OrganizationsPage,
});

export const tokensRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/tokens',
  validateSearch: z.object({ ...tableSearchShape, revoked: flag() }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'tokens.manage'),
  loader: () => loadMessages('tokens'),
  component: TokensPage,
});

export const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  validateSearch: z.object({
    ...tableSearchShape,
    actor: optional(positiveId()),
    action: optional(text(100)),
    resource_type: optional(text(100)),
    resource_id: optional(text(100)),
    from: optional(text(10)),
    to: optional(text(10)),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'audit.read'),
  loader: () => loadMessages('audit'),
  component: AuditPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  ...publicChangeRoutes,
  appRoute.addChildren([
    homeRoute,
    preferencesRoute,
    teamRoute,
    ...editionsRoutes,
    ...practicesRoutes,
    ...researchRoutes,
    ...adoptionsRoutes,
    ...eventsRoutes,
    ...partnershipsRoutes,
    ...dashboardRoutes,
    ...notificationsRoutes,
    ...searchRoutes,
    ...changeRoutes,
    adminRoute.addChildren([usersRoute, organizationsRoute, tokensRoute, auditRoute]),
  ]),
]);

export function makeRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: false,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
