// The adoptions area's types and queries.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Adoption = Schemas['Adoption'];
export type AdoptionDetail = Schemas['AdoptionDetail'];
export type PlanAction = Schemas['PlanAction'];
export type Milestone = Schemas['Milestone'];
export type Indicator = Schemas['Indicator'];
export type AdoptionStatus = Adoption['status'];
export type PlanHealth = NonNullable<Adoption['health']>;
export type ActionStatus = PlanAction['status'];

export const statuses: AdoptionStatus[] = ['draft', 'submitted', 'approved', 'completed', 'withdrawn'];
export const healths: PlanHealth[] = ['on_track', 'late', 'stalled', 'not_started'];
export const actionStatuses: ActionStatus[] = ['not_started', 'in_progress', 'done', 'blocked', 'cancelled'];

export const adoptionQuery = (id: number) =>
  queryOptions({
    queryKey: ['adoptions', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/adoptions/{id}', { params: { path: { id: String(id) } } })),
  });

/** The adoptions of one edition the caller may see, most recently updated first, with the total (the edition page). */
export const editionAdoptionsQuery = (editionId: number, size = 10) => {
  const query = { 'filter[edition_id]': String(editionId), sort: '-updated_at', 'page[size]': String(size) };
  return queryOptions({
    queryKey: ['adoptions', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/adoptions', { params: { query } })),
  });
};

export const choicesQuery = queryOptions({
  queryKey: ['adoptions', 'choices'],
  queryFn: () => unwrap(api.GET('/api/v1/adoptions/choices')),
  staleTime: 60_000,
});

/** Today in the user's clock as YYYY-MM-DD (for date inputs' defaults). */
export function todayIso(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const healthColor: Record<PlanHealth, string> = {
  on_track: 'teal.9',
  late: 'red.9',
  stalled: '#a33b06',
  not_started: 'gray.7',
};

export const statusColor: Record<AdoptionStatus, string> = {
  draft: 'gray.7',
  submitted: 'blue.9',
  approved: 'teal.9',
  completed: 'green.9',
  withdrawn: 'dark.5',
};
