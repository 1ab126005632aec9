// Research studies (/research, filters in the URL) and one study's review (/research/$id).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, tableSearchShape, text, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const ResearchPage = lazyRouteComponent(() => import('./ResearchPage'), 'ResearchPage');
const StudyPage = lazyRouteComponent(() => import('./StudyPage'), 'StudyPage');

export const researchListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/research',
  validateSearch: z.object({
    ...tableSearchShape,
    edition: optional(positiveId()),
    status: optional(text(20)),
    org: optional(positiveId()),
    mine: optional(z.boolean()),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'research.read'),
  loader: () => loadMessages('research', 'practices'),
  component: ResearchPage,
});

export const studyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/research/$id',
  params: {
    parse: (p: { id: string }) => ({ id: Number(p.id) }),
    stringify: (p: { id: number }) => ({ id: String(p.id) }),
  },
  beforeLoad: ({ context }) => requirePermission(context.me, 'research.read'),
  loader: () => loadMessages('research', 'practices'),
  component: StudyPage,
});

export const researchRoutes = [researchListRoute, studyRoute] as const;
