// The events area's server calls and cache keys, shared by its pages (and the edition page's events section).
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Event = Schemas['Event'];
export type EventDetail = Schemas['EventDetail'];
export type EventSession = Schemas['EventSession'];
export type EventRegistration = Schemas['EventRegistration'];
export type EventKind = Event['kind'];
export type EventStatus = Event['status'];

export const eventKinds: readonly EventKind[] = ['forum', 'workshop', 'training'];
export const eventStatuses: readonly EventStatus[] = ['planned', 'held', 'cancelled'];

export const eventKeys = {
  all: ['events'] as const,
  list: (query: Record<string, string>) => ['events', 'list', query] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  registrations: (id: number) => ['events', 'registrations', id] as const,
};

export const eventQuery = (id: number) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/events/{id}', { params: { path: { id: String(id) } } })),
  });

export const registrationsQuery = (id: number) =>
  queryOptions({
    queryKey: eventKeys.registrations(id),
    queryFn: () => unwrap(api.GET('/api/v1/events/{id}/registrations', { params: { path: { id: String(id) } } })),
  });

/** The events of one edition, by date (an edition has a handful). */
export const editionEventsQuery = (editionId: number) => {
  const query = { 'filter[edition_id]': String(editionId), sort: 'starts_on', 'page[size]': '200' };
  return queryOptions({
    queryKey: eventKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/events', { params: { query } })),
  });
};
