// The editions area's server calls and cache keys, shared by its pages.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Edition = Schemas['Edition'];
export type EditionStatus = Edition['status'];

export const editionStatuses: readonly EditionStatus[] = ['planning', 'open', 'closed'];

/** The next statuses an edition may move to: planning → open → closed; closed is final. */
export function nextStatuses(status: EditionStatus): EditionStatus[] {
  return status === 'planning' ? ['open'] : status === 'open' ? ['closed'] : [];
}

export const editionKeys = {
  all: ['editions'] as const,
  list: (query: Record<string, string>) => ['editions', 'list', query] as const,
  detail: (id: number) => ['editions', 'detail', id] as const,
  trained: (id: number) => ['editions', 'trained', id] as const,
};

export const editionQuery = (id: number) =>
  queryOptions({
    queryKey: editionKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/editions/{id}', { params: { path: { id: String(id) } } })),
  });

/** Every edition, newest first (there are a handful), for pickers and filters. */
export const allEditionsQuery = queryOptions({
  queryKey: editionKeys.list({ sort: '-number', 'page[size]': '200' }),
  queryFn: () => unwrap(api.GET('/api/v1/editions', { params: { query: { sort: '-number', 'page[size]': '200' } } })),
  staleTime: 60_000,
});

export const peopleTrainedQuery = (id: number) =>
  queryOptions({
    queryKey: editionKeys.trained(id),
    queryFn: () => unwrap(api.GET('/api/v1/editions/{id}/people-trained', { params: { path: { id: String(id) } } })),
  });

/** Leaves out empty values and stringifies the rest: the generated query types take strings. */
export function stringify(q: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

/** A year in the reader's digits, without a thousands separator. */
export function formatYear(tag: string, year: number): string {
  return new Intl.NumberFormat(tag, { useGrouping: false }).format(year);
}
