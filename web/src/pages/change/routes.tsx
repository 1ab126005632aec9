// The change portfolio's pages: initiatives and one initiative with its tabs, saturation, the national view,
// teams, challenges, the gates' configuration, and the public survey page (no account: outside the shell).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards';
import { optional, positiveId, tableSearchShape, text, z } from '../../app/search';
import { appRoute, rootRoute } from '../../app/shellRoutes';
import { loadMessages } from '../../i18n';

const InitiativesPage = lazyRouteComponent(() => import('./InitiativesPage'), 'InitiativesPage');
const InitiativePage = lazyRouteComponent(() => import('./InitiativePage'), 'InitiativePage');
const SaturationPage = lazyRouteComponent(() => import('./SaturationPage'), 'SaturationPage');
const NationalPage = lazyRouteComponent(() => import('./NationalPage'), 'NationalPage');
const TeamsPage = lazyRouteComponent(() => import('./TeamsPage'), 'TeamsPage');
const ChallengesPage = lazyRouteComponent(() => import('./ChallengesPage'), 'ChallengesPage');
const GatesPage = lazyRouteComponent(() => import('./GatesPage'), 'GatesPage');
const SurveyPage = lazyRouteComponent(() => import('./SurveyPage'), 'SurveyPage');

export const initiativesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change',
  validateSearch: z.object({
    ...tableSearchShape,
    org: optional(positiveId()),
    gate: optional(positiveId()),
    status: optional(text(20)),
    type: optional(text(20)),
    /** Opens the "New initiative" form. */
    create: optional(z.boolean()),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.read'),
  loader: () => loadMessages('change'),
  component: InitiativesPage,
});

export const initiativeTabs = ['overview', 'impact', 'readiness', 'stakeholders', 'plans', 'risks', 'gates'] as const;
export type InitiativeTab = (typeof initiativeTabs)[number];

export const initiativeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change/$id',
  validateSearch: z.object({ tab: optional(z.enum(initiativeTabs)) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.read'),
  loader: () => loadMessages('change'),
  component: InitiativePage,
});

export const saturationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change/saturation',
  validateSearch: z.object({ org: optional(positiveId()), from: optional(text(7)) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.read'),
  loader: () => loadMessages('change'),
  component: SaturationPage,
});

export const nationalChangeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change/national',
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.national'),
  loader: () => loadMessages('change'),
  component: NationalPage,
});

export const teamsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change/teams',
  validateSearch: z.object({ ...tableSearchShape, org: optional(positiveId()) }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.read'),
  loader: () => loadMessages('change'),
  component: TeamsPage,
});

export const challengesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change/challenges',
  validateSearch: z.object({
    ...tableSearchShape,
    org: optional(positiveId()),
    category: optional(text(20)),
    status: optional(text(20)),
  }),
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.read'),
  loader: () => loadMessages('change'),
  component: ChallengesPage,
});

export const gatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change/gates',
  beforeLoad: ({ context }) => requirePermission(context.me, 'change.govern'),
  loader: () => loadMessages('change'),
  component: GatesPage,
});

/** An employee's survey link: no account, no sign-in redirect, so it hangs from the root as the sign-in page does. */
export const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$token',
  loader: () => loadMessages('change'),
  component: SurveyPage,
});

export const changeRoutes = [initiativesRoute, initiativeRoute, saturationRoute, nationalChangeRoute, teamsRoute, challengesRoute, gatesRoute] as const;
export const publicChangeRoutes = [surveyRoute] as const;
