// What the navigation offers, and to whom: an item shows only when the user holds its policy action
// (the server's /me lists them), so each role sees just what it may use.
import {
  IconBooks,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartBar,
  IconTargetArrow,
  IconFlask,
  IconHeartHandshake,
  IconHome,
  IconKey,
  IconListCheck,
  IconRoute,
  IconSearch,
  IconStack2,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  /** The policy action the user must hold; none for every signed-in user. */
  permission?: string;
  /** Shown only to users who do not hold this action (a coordinator's team page instead of administration). */
  unless?: string;
}

export interface NavSection {
  label?: string;
  items: NavItem[];
}

export const navigation: NavSection[] = [
  {
    items: [
      { to: '/', label: 'common.nav.home', icon: IconHome },
      { to: '/search', label: 'common.nav.search', icon: IconSearch, permission: 'search.read' },
    ],
  },
  {
    items: [
      { to: '/team', label: 'common.nav.team', icon: IconUsersGroup, permission: 'users.read', unless: 'administration' },
    ],
  },
  {
    label: 'common.nav.national',
    items: [
      { to: '/dashboard', label: 'common.nav.dashboard', icon: IconChartBar, permission: 'dashboard.national' },
      { to: '/editions', label: 'common.nav.editions', icon: IconStack2, permission: 'editions.read' },
      { to: '/practices', label: 'common.nav.practices', icon: IconBooks, permission: 'practices.read' },
      { to: '/research', label: 'common.nav.research', icon: IconFlask, permission: 'research.read' },
      { to: '/adoptions', label: 'common.nav.adoptions', icon: IconRoute, permission: 'adoptions.read' },
      { to: '/events', label: 'common.nav.events', icon: IconCalendarEvent, permission: 'events.read' },
      { to: '/partnerships', label: 'common.nav.partnerships', icon: IconHeartHandshake, permission: 'partnerships.read' },
    ],
  },
  {
    label: 'common.nav.change',
    items: [
      { to: '/change', label: 'common.nav.changeInitiatives', icon: IconTargetArrow, permission: 'change.read' },
      { to: '/change/saturation', label: 'common.nav.changeSaturation', icon: IconChartBar, permission: 'change.read' },
      { to: '/change/national', label: 'common.nav.changeNational', icon: IconChartBar, permission: 'change.national' },
      { to: '/change/teams', label: 'common.nav.changeTeams', icon: IconUsersGroup, permission: 'change.read' },
      { to: '/change/challenges', label: 'common.nav.changeChallenges', icon: IconListCheck, permission: 'change.read' },
      { to: '/change/gates', label: 'common.nav.changeGates', icon: IconStack2, permission: 'change.govern' },
    ],
  },
  {
    label: 'common.nav.administration',
    items: [
      { to: '/admin/users', label: 'common.nav.users', icon: IconUsers, permission: 'administration' },
      { to: '/admin/organizations', label: 'common.nav.organizations', icon: IconBuildingCommunity, permission: 'administration' },
      { to: '/admin/tokens', label: 'common.nav.tokens', icon: IconKey, permission: 'tokens.manage' },
      { to: '/admin/audit', label: 'common.nav.audit', icon: IconListCheck, permission: 'audit.read' },
    ],
  },
];

export function visibleNavigation(permissions: readonly string[]): NavSection[] {
  const has = (a?: string) => !a || permissions.includes(a);
  return navigation
    .map((s) => ({ ...s, items: s.items.filter((i) => has(i.permission) && !(i.unless && permissions.includes(i.unless))) }))
    .filter((s) => s.items.length > 0);
}
