// The change area's types (generated from the server's OpenAPI), enums as on the wire, queries and the
// colour scales its grids share.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Me, type Schemas } from '../../api/client';

export type Initiative = Schemas['Initiative'];
export type InitiativeDetail = Schemas['InitiativeDetail'];
export type ChangeGate = Schemas['ChangeGate'];
export type GateCriterion = Schemas['GateCriterion'];
export type ChangeTeam = Schemas['ChangeTeam'];
export type ChangeGroup = Schemas['ChangeGroup'];
export type ImpactGrid = Schemas['ImpactGrid'];
export type ImpactRow = Schemas['ImpactRow'];
export type ImpactAspects = Schemas['ImpactAspects'];
export type Stakeholder = Schemas['Stakeholder'];
export type ChangeAction = Schemas['ChangeAction'];
export type ChangeRisk = Schemas['ChangeRisk'];
export type ChangeChallenge = Schemas['ChangeChallenge'];
export type GateReview = Schemas['GateReview'];
export type ChangeSurvey = Schemas['ChangeSurvey'];
export type SurveyGroupResult = Schemas['SurveyGroupResult'];
export type PublicSurvey = Schemas['PublicSurvey'];
export type Saturation = Schemas['Saturation'];
export type NationalChange = Schemas['NationalChange'];

export type InitiativeType = Initiative['type'];
export type InitiativeStatus = Initiative['status'];
export type ActionKind = ChangeAction['kind'];
export type ActionStatus = ChangeAction['status'];
export type RiskStatus = ChangeRisk['status'];
export type RiskLevel = ChangeRisk['level'];
export type ChallengeCategory = ChangeChallenge['category'];
export type ChallengeStatus = ChangeChallenge['status'];
export type GateDecision = NonNullable<GateReview['decision']>;

export const initiativeTypes: InitiativeType[] = ['digital_service', 'system', 'restructuring', 'policy', 'process', 'other'];
export const initiativeStatuses: InitiativeStatus[] = ['active', 'on_hold', 'completed', 'cancelled'];
export const actionKinds: ActionKind[] = ['communication', 'sponsorship', 'coaching', 'training', 'resistance'];
export const actionStatuses: ActionStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];
export const riskStatuses: RiskStatus[] = ['open', 'mitigating', 'closed'];
export const challengeCategories: ChallengeCategory[] = ['resistance', 'skills', 'resources', 'technology', 'leadership', 'communication', 'process', 'other'];
export const challengeStatuses: ChallengeStatus[] = ['open', 'in_progress', 'resolved'];
export const decisions: GateDecision[] = ['pass', 'pass_with_conditions', 'hold'];
export const adkar = ['awareness', 'desire', 'knowledge', 'ability', 'reinforcement'] as const;
export type AdkarElement = (typeof adkar)[number];
export const aspects = [
  'processes',
  'systems',
  'tools',
  'job_roles',
  'behaviours',
  'mindset',
  'reporting',
  'performance',
  'compensation',
  'location',
] as const;
export type Aspect = (typeof aspects)[number];

export const statusColor: Record<InitiativeStatus, string> = {
  active: 'teal.9',
  on_hold: 'orange.9',
  completed: 'blue.9',
  cancelled: 'dark.5',
};

export const levelColor: Record<RiskLevel, string> = { low: 'teal.9', medium: 'orange.9', high: 'red.9' };

/** Query-string values as the generated client wants them: strings, empty values left out. */
export function stringify(q: Record<string, string | number | boolean | undefined | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]])));
}

const idPath = (id: number) => ({ params: { path: { id: String(id) } } });

export const gatesQuery = queryOptions({
  queryKey: ['change', 'gates'],
  queryFn: () => unwrap(api.GET('/api/v1/change/gates')),
  staleTime: 60_000,
});

export const initiativeQuery = (id: number) =>
  queryOptions({
    queryKey: ['change', 'initiative', id],
    queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}', idPath(id))),
  });

export const choicesQuery = (organizationId: number) =>
  queryOptions({
    queryKey: ['change', 'choices', organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/choices', { params: { query: { organization_id: String(organizationId) } } })),
    enabled: organizationId > 0,
    staleTime: 30_000,
  });

export const impactsQuery = (id: number) =>
  queryOptions({ queryKey: ['change', 'impacts', id], queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}/impacts', idPath(id))) });
export const surveysQuery = (id: number) =>
  queryOptions({ queryKey: ['change', 'surveys', id], queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}/surveys', idPath(id))) });
export const reviewsQuery = (id: number) =>
  queryOptions({ queryKey: ['change', 'reviews', id], queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}/reviews', idPath(id))) });
export const stakeholdersQuery = (id: number) =>
  queryOptions({ queryKey: ['change', 'stakeholders', id], queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}/stakeholders', idPath(id))) });
export const actionsQuery = (id: number) =>
  queryOptions({ queryKey: ['change', 'actions', id], queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}/actions', idPath(id))) });
export const risksQuery = (id: number) =>
  queryOptions({ queryKey: ['change', 'risks', id], queryFn: () => unwrap(api.GET('/api/v1/change/initiatives/{id}/risks', idPath(id))) });

/** The entities whose change portfolio the user manages, when they are entity staff (none for national roles). */
export function managedEntity(me: Me | null | undefined): number | undefined {
  const roles = me?.user.memberships ?? [];
  if (roles.some((m) => m.role === 'platform_admin' || m.role === 'program_office')) return undefined;
  const ids = [...new Set(roles.filter((m) => m.role === 'entity_coordinator' || m.role === 'change_team_head').map((m) => m.organization_id))];
  return ids.length === 1 ? ids[0] : undefined;
}

/** The user's own entity (their first membership's), for pages that show one entity by default. */
export function ownEntity(me: Me | null | undefined): number | undefined {
  return managedEntity(me) ?? me?.user.memberships.find((m) => m.role !== 'platform_admin' && m.role !== 'program_office')?.organization_id;
}

export const isNational = (me: Me | null | undefined) =>
  (me?.user.memberships ?? []).some((m) => m.role === 'platform_admin' || m.role === 'program_office');

/** Today as YYYY-MM-DD (date inputs' defaults). */
export function todayIso(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Heat {
  background: string;
  color: string;
}
const dark = '#1a1b1e';
const light = '#ffffff';

// Impact 0–5: from none to the strongest, each background keeps its text at 4.5:1 or more.
const impactScale: Heat[] = [
  { background: '#f1f3f5', color: dark },
  { background: '#fff3bf', color: dark },
  { background: '#ffd8a8', color: dark },
  { background: '#ffa94d', color: dark },
  { background: '#c92a2a', color: light },
  { background: '#7d1d1d', color: light },
];
export const impactHeat = (v: number): Heat => impactScale[Math.max(0, Math.min(5, Math.round(v)))] ?? impactScale[0]!;

/** A row total out of 50 (ten aspects of 0–5) on the same scale. */
export const totalHeat = (total: number): Heat => impactHeat(Math.ceil(total / 10));

/** An ADKAR mean 1–5: 3 or less is a barrier (warm), above is green; every shade keeps dark text readable. */
export function adkarHeat(mean: number | null | undefined): Heat {
  if (mean === null || mean === undefined) return { background: '#f1f3f5', color: dark };
  if (mean <= 2) return { background: '#ffc9c9', color: dark };
  if (mean <= 3) return { background: '#ffe8cc', color: dark };
  if (mean < 4) return { background: '#d3f9d8', color: dark };
  return { background: '#8ce99a', color: dark };
}

/** A month's load against the entity's capacity. */
export function loadHeat(load: number, capacity: number, over: boolean): Heat {
  if (over) return { background: '#c92a2a', color: light };
  if (load <= 0) return { background: '#f1f3f5', color: dark };
  const share = capacity > 0 ? load / capacity : 1;
  if (share < 0.5) return { background: '#d3f9d8', color: dark };
  if (share < 0.8) return { background: '#fff3bf', color: dark };
  return { background: '#ffc078', color: dark };
}

/**
 * Props for a Table.ScrollContainer: a plain scrolling box the keyboard can focus, so a wide table with nothing
 * focusable inside still scrolls sideways on a phone (axe: scrollable-region-focusable).
 */
export const scrollable = { type: 'native', tabIndex: 0 } as const;
