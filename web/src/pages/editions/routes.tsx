// The editions pages: the list (/editions) and one edition (/editions/$id). Lazy, like every area page.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, tableSearchShape, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const EditionsPage = lazyRouteComponent(() => import('./EditionsPage'), 'EditionsPage');
const EditionPage = lazyRouteComponent(() => import('./EditionPage'), 'EditionPage');

export const editionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/editions',
  validateSearch: z.object({
    ...tableSearchShape,
    status: optional(z.enum(['planning', 'open', 'closed'])),
    year: optional(positiveId().check(z.maximum(2100))),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'editions.read'),
  loader: () => loadMessages('editions'),
  component: EditionsPage,
});

export const editionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/editions/$id',
  beforeLoad: ({ context }) => requirePermission(context.me, 'editions.read'),
  // The edition page gathers the edition's practices, research, adoptions and events, so it reads their messages.
  loader: () => loadMessages('editions', 'events', 'practices', 'research', 'adoptions'),
  component: EditionPage,
});

export const editionsRoutes = [editionsRoute, editionRoute] as const;
