// Research queries and shapes the two research pages share.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Study = Schemas['ResearchStudy'];
export type StudyDetail = Schemas['ResearchStudyDetail'];
export type ResearchStatus = Study['status'];

export const researchStatuses: ResearchStatus[] = ['proposed', 'under_review', 'accepted', 'applied', 'rejected'];
export const researchStatusColor: Record<ResearchStatus, string> = {
  proposed: 'gray.8',
  under_review: 'blue.9',
  accepted: 'teal.9',
  applied: '#1e6b30',
  rejected: 'red.9',
};

export const researchKeys = {
  all: ['research'] as const,
  detail: (id: number) => ['research', 'detail', id] as const,
};

export const studyQuery = (id: number) =>
  queryOptions({
    queryKey: researchKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/research/{id}', { params: { path: { id: String(id) } } })),
  });

/** The first research studies of one edition, by title in the reader's language, with the total (the edition page). */
export const editionResearchQuery = (editionId: number, sort: 'title_ar' | 'title_en', size = 10) => {
  const query = { 'filter[edition_id]': String(editionId), sort, 'page[size]': String(size) };
  return queryOptions({
    queryKey: ['research', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/research', { params: { query } })),
  });
};
