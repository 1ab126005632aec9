// The organisation queries the page shares: a node's children (the tree loads them on expand), one
// organisation, a flat search, the governorates, and the options of the organisation picker.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import type { Locale } from '../../../i18n';

export type Organization = Schemas['Organization'];
export type OrganizationKind = Organization['kind'];
export type Country = Organization['country'];

export const kinds: OrganizationKind[] = [
  'program_office',
  'ministry',
  'authority',
  'government_company',
  'private_company',
  'civil_society',
  'academic',
  'governorate',
];
export const countries: Country[] = ['OM', 'QA'];

type ListParams = {
  q?: string;
  sort?: string;
  'page[size]'?: string;
  'page[after]'?: string;
  'filter[kind]'?: string;
  'filter[parent_id]'?: string;
  'filter[within]'?: string;
  'filter[active]'?: string;
};

/** The server sorts by the name in the reader's language. */
export const nameSort = (locale: Locale) => (locale === 'ar' ? 'name_ar' : 'name_en');

/** Every organisation matching `query`, following the server's cursor (200 a page) to the end. */
async function listAll(query: ListParams): Promise<Organization[]> {
  const out: Organization[] = [];
  let after: string | undefined;
  // A ceiling so a runaway cursor cannot loop forever: 10,000 siblings is far beyond any real hierarchy.
  for (let i = 0; i < 50; i++) {
    const page = await unwrap(
      api.GET('/api/v1/organizations', { params: { query: { ...query, 'page[size]': '200', 'page[after]': after } } }),
    );
    out.push(...page.items);
    if (!page.next) break;
    after = page.next;
  }
  return out;
}

export const organizationKeys = {
  all: ['organizations'] as const,
  children: (parentId: number, locale: Locale) => ['organizations', 'children', parentId, locale] as const,
  detail: (id: number) => ['organizations', 'detail', id] as const,
};

/** The children of `parentId`; 0 gives the roots. */
export const childrenQuery = (parentId: number, locale: Locale) =>
  queryOptions({
    queryKey: organizationKeys.children(parentId, locale),
    queryFn: () => listAll({ 'filter[parent_id]': String(parentId), sort: nameSort(locale) }),
    staleTime: 30_000,
  });

export const organizationQuery = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: String(id) } } })),
    staleTime: 30_000,
  });

export const searchQuery = (q: string, locale: Locale) =>
  queryOptions({
    queryKey: ['organizations', 'search', q, locale] as const,
    queryFn: () =>
      unwrap(api.GET('/api/v1/organizations', { params: { query: { q, sort: nameSort(locale), 'page[size]': '50' } } })),
    staleTime: 30_000,
  });

export const governoratesQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['organizations', 'governorates', locale] as const,
    queryFn: () => listAll({ 'filter[kind]': 'governorate', sort: nameSort(locale) }),
    staleTime: 5 * 60_000,
  });

/** Options for the organisation picker: the first matches of the typed text (or the first names). */
export const optionsQuery = (q: string, locale: Locale) =>
  queryOptions({
    queryKey: ['organizations', 'options', q, locale] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organizations', {
          params: { query: { q: q || undefined, sort: nameSort(locale), 'page[size]': '30' } },
        }),
      ),
    staleTime: 30_000,
  });

/** The ids of an organisation's ancestors, root first, from its materialised path ("/12/13/" → [12]). */
export function ancestorIds(o: Pick<Organization, 'id' | 'path'>): number[] {
  return o.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0 && id !== o.id);
}
