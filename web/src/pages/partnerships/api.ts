// Partnership queries, the pickers' option lists, and the status colours the list and the page share.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Partnership = Schemas['Partnership'];
export type PartnershipSummary = Schemas['PartnershipSummary'];
export type PartnershipAction = Schemas['PartnershipAction'];
export type PartnershipStatus = Partnership['status'];
export type FollowUpStatus = PartnershipAction['status'];

export const statuses: PartnershipStatus[] = ['draft', 'active', 'expired', 'terminated'];
export const actionStatuses: FollowUpStatus[] = ['open', 'done', 'cancelled'];

/** A dark orange for "renewal due" and "expired": Mantine's orange.9 under white text is below WCAG AA (4.3:1). */
export const warningColor = '#a8400c';

// Filled badges with white text: the darker shades keep WCAG AA contrast.
export const statusColor: Record<PartnershipStatus, string> = {
  draft: 'gray.7',
  active: 'manzuma.8',
  expired: warningColor,
  terminated: 'red.9',
};

export const partnershipQuery = (id: number) =>
  queryOptions({
    queryKey: ['partnerships', 'one', id] as const,
    queryFn: () => unwrap(api.GET('/api/v1/partnerships/{id}', { params: { path: { id: String(id) } } })),
  });

export const organizationOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ['partnerships', 'organization-options', q] as const,
    queryFn: () =>
      unwrap(api.GET('/api/v1/organizations', { params: { query: { q: q || undefined, 'page[size]': '30' } } })),
    staleTime: 60_000,
  });

export const userOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ['partnerships', 'user-options', q] as const,
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { q: q || undefined, 'page[size]': '30' } } })),
    staleTime: 60_000,
  });
