// The events pages: the list (/events, filters by edition, kind and status) and one event (/events/$id).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, tableSearchShape, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const EventsPage = lazyRouteComponent(() => import('./EventsPage'), 'EventsPage');
const EventPage = lazyRouteComponent(() => import('./EventPage'), 'EventPage');

export const eventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/events',
  validateSearch: z.object({
    ...tableSearchShape,
    edition: optional(positiveId()),
    kind: optional(z.enum(['forum', 'workshop', 'training'])),
    status: optional(z.enum(['planned', 'held', 'cancelled'])),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'events.read'),
  loader: () => loadMessages('events'),
  component: EventsPage,
});

export const eventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/events/$id',
  beforeLoad: ({ context }) => requirePermission(context.me, 'events.read'),
  loader: () => loadMessages('events'),
  component: EventPage,
});

export const eventsRoutes = [eventsRoute, eventRoute] as const;
