// The notifications page: the caller's notices (all or unread) and their daily digests.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, tableSearchShape, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const NotificationsPage = lazyRouteComponent(() => import('./NotificationsPage'), 'NotificationsPage');

export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: z.object({ ...tableSearchShape, tab: optional(z.enum(['all', 'unread', 'digests'])) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'notifications.read'),
  loader: () => loadMessages('notifications'),
  component: NotificationsPage,
});

export const notificationsRoutes = [notificationsRoute] as const;
