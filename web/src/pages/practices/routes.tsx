// The practice catalogue (/practices, filters in the URL) and one practice (/practices/$id).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, tableSearchShape, text, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const PracticesPage = lazyRouteComponent(() => import('./PracticesPage'), 'PracticesPage');
const PracticePage = lazyRouteComponent(() => import('./PracticePage'), 'PracticePage');

export const practicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/practices',
  validateSearch: z.object({
    ...tableSearchShape,
    edition: optional(positiveId()),
    category: optional(text(40)),
    org: optional(positiveId()),
    status: optional(text(20)),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'practices.read'),
  loader: () => loadMessages('practices'),
  component: PracticesPage,
});

export const practiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/practices/$id',
  params: {
    parse: (p: { id: string }) => ({ id: Number(p.id) }),
    stringify: (p: { id: number }) => ({ id: String(p.id) }),
  },
  beforeLoad: ({ context }) => requirePermission(context.me, 'practices.read'),
  loader: () => loadMessages('practices'),
  component: PracticePage,
});

export const practicesRoutes = [practicesRoute, practiceRoute] as const;
