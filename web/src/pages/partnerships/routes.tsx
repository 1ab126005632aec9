// The partnerships pages: the list of memoranda of cooperation and one memorandum's page.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, tableSearchShape, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const PartnershipsPage = lazyRouteComponent(() => import('./PartnershipsPage'), 'PartnershipsPage');
const PartnershipPage = lazyRouteComponent(() => import('./PartnershipPage'), 'PartnershipPage');

export const partnershipsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partnerships',
  validateSearch: z.object({ ...tableSearchShape, status: optional(z.enum(['draft', 'active', 'expired', 'terminated'])) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'partnerships.read'),
  loader: () => loadMessages('partnerships'),
  component: PartnershipsPage,
});

export const partnershipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partnerships/$id',
  beforeLoad: ({ context }) => requirePermission(context.me, 'partnerships.read'),
  loader: () => loadMessages('partnerships'),
  component: PartnershipPage,
});

export const partnershipsRoutes = [partnershipsRoute, partnershipRoute] as const;
