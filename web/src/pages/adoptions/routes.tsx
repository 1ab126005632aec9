// The adoptions pages: the list (filters in the URL) and one adoption with its plan.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, tableSearchShape, text, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const AdoptionsPage = lazyRouteComponent(() => import('./AdoptionsPage'), 'AdoptionsPage');
const AdoptionPage = lazyRouteComponent(() => import('./AdoptionPage'), 'AdoptionPage');

export const adoptionSearch = z.object({
  ...tableSearchShape,
  status: optional(text(20)),
  health: optional(text(20)),
  edition: optional(positiveId()),
  practice: optional(positiveId()),
  org: optional(positiveId()),
  /** Opens the "Adopt a practice" form. */
  adopt: optional(z.boolean()),
});

export const adoptionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/adoptions',
  validateSearch: adoptionSearch,
  beforeLoad: ({ context }) => requirePermission(context.me, 'adoptions.read'),
  loader: () => loadMessages('adoptions'),
  component: AdoptionsPage,
});

export const adoptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/adoptions/$id',
  validateSearch: z.object({ tab: optional(z.enum(['actions', 'milestones', 'indicators'])) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'adoptions.read'),
  loader: () => loadMessages('adoptions'),
  component: AdoptionPage,
});

export const adoptionsRoutes = [adoptionsRoute, adoptionRoute] as const;
