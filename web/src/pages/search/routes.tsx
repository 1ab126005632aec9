// One search across the platform (/search). Everything a search shows is in the URL — the words, the facet
// filters, the order and the page — so a search can be shared, bookmarked and reached with the back button.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, text, z } from '../../app/search';
import { appRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const SearchPage = lazyRouteComponent(() => import('./SearchPage'), 'SearchPage');

// The router reads a hand-typed `?q=2030` as the number 2030 and `?q=true` as a boolean: both are words here.
const words = z.pipe(
  z.union([text(1000), z.number(), z.boolean()]),
  z.transform((v) => String(v)),
);
const typeName = z.string().check(z.regex(/^[a-z_]{1,20}$/));

export const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/search',
  validateSearch: z.object({
    q: optional(words),
    // `?type=practice&type=study` (a link, a hand-edited URL) and `?type=["practice"]` (the router) both work.
    type: optional(
      z.pipe(
        z.union([typeName, z.array(typeName).check(z.maxLength(10))]),
        z.transform((v) => (Array.isArray(v) ? v : [v])),
      ),
    ),
    org: optional(positiveId()),
    edition: optional(positiveId()),
    year: optional(positiveId()),
    sort: optional(z.enum(['relevance', 'newest'])),
    page: optional(positiveId().check(z.maximum(1000))),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'search.read'),
  loader: () => loadMessages('search'),
  component: SearchPage,
});

export const searchRoutes = [searchRoute] as const;
