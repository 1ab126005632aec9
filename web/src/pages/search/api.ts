// The search API's shapes (from the generated schema) and the record types it returns.
import type { paths } from '../../api/schema';
import type { Schemas } from '../../api/client';

export type SearchResults = Schemas['SearchResults'];
export type SearchHit = Schemas['SearchItem'];
export type Suggestion = Schemas['SearchSuggestion'];

/**
 * GET /api/v1/search's query. The server takes `type` once per record type (type=practice&type=study), which the
 * OpenAPI document can only call a string; the client's query serializer repeats a key for an array.
 */
type WireQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;
export type SearchQuery = Omit<WireQuery, 'type'> & { type?: string[] };

/** The query in the generated client's terms: the array rides in `type` as it is, and goes out repeated. */
export const wireQuery = (q: SearchQuery): WireQuery => ({ ...q, type: q.type as unknown as string | undefined });

/** Every record type the search covers, in the order the type facet lists them. */
export const recordTypes = ['practice', 'study', 'event', 'edition', 'partnership', 'adoption'] as const;

// Outline badges in shade 9 (or darker): each passes WCAG AA (4.5:1) on white.
export const typeColor: Record<string, string> = {
  practice: 'teal.9',
  study: 'indigo.9',
  event: 'grape.9',
  edition: 'blue.9',
  partnership: '#a63c06',
  adoption: '#1e6b30',
};

export const perPage = 20;
