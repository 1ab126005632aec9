// Practice queries and shapes the catalogue pages share, and the editions to choose from.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Practice = Schemas['Practice'];
export type PracticeDetail = Schemas['PracticeDetail'];
export type ToolkitItem = Schemas['ToolkitItem'];
export type PracticeCategory = Practice['category'];
export type PracticeStatus = Practice['status'];
export type ToolkitKind = ToolkitItem['kind'];

export const categories: PracticeCategory[] = [
  'leadership',
  'change_management',
  'risk_management',
  'performance',
  'accelerating_change',
  'onboarding',
  'organizational_culture',
  'continuous_improvement',
  'other',
];
export const statuses: PracticeStatus[] = ['draft', 'published', 'archived'];
export const toolkitKinds: ToolkitKind[] = ['guide', 'template_file', 'training', 'other'];

// Outline badges in dark shades: every one passes WCAG AA (4.5:1) on white.
export const categoryColor: Record<PracticeCategory, string> = {
  leadership: 'indigo.9',
  change_management: 'teal.9',
  risk_management: 'red.9',
  performance: 'blue.9',
  accelerating_change: '#a63c06',
  onboarding: '#1e6b30',
  organizational_culture: 'grape.9',
  continuous_improvement: 'cyan.9',
  other: 'gray.9',
};
// Shade 9: lighter text on a white background fails WCAG AA contrast.
export const statusColor: Record<PracticeStatus, string> = { draft: 'gray.8', published: '#1e6b30', archived: '#7a4f00' };

export const practiceKeys = {
  all: ['practices'] as const,
  detail: (id: number) => ['practices', 'detail', id] as const,
};

/** The first practices of one edition, by title in the reader's language, with the total (the edition page). */
export const editionPracticesQuery = (editionId: number, sort: 'title_ar' | 'title_en', size = 10) => {
  const query = { 'filter[edition_id]': String(editionId), sort, 'page[size]': String(size) };
  return queryOptions({
    queryKey: ['practices', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/practices', { params: { query } })),
  });
};

export const practiceQuery = (id: number) =>
  queryOptions({
    queryKey: practiceKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}', { params: { path: { id: String(id) } } })),
  });

/** The query params the generated client takes: strings only, empty values left out. */
export function stringify(query: Record<string, string | number | undefined | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]])),
  );
}

export interface EditionOption {
  id: number;
  number: number;
  status?: string;
}

// The editions area serves /api/v1/editions; until it is there, the editions the catalogue already uses
// stand in. Read without the typed client so this page does not depend on the other area's types.
async function fetchEditions(): Promise<EditionOption[]> {
  const r = await fetch('/api/v1/editions?page[size]=100', { credentials: 'same-origin' });
  if (r.ok) {
    const body = (await r.json()) as { items?: { id: number; number: number; status?: string }[] };
    if (Array.isArray(body.items)) return body.items.map((e) => ({ id: e.id, number: e.number, status: e.status }));
  }
  const seen = new Map<number, EditionOption>();
  const page = await unwrap(api.GET('/api/v1/practices', { params: { query: { 'page[size]': '200' } } }));
  for (const p of page.items) seen.set(p.edition_id, { id: p.edition_id, number: p.edition_number });
  return [...seen.values()];
}

export function useEditions() {
  return useQuery({
    queryKey: ['practices', 'editions'],
    queryFn: fetchEditions,
    staleTime: 5 * 60_000,
    select: (list) => [...list].sort((a, b) => b.number - a.number),
  });
}
