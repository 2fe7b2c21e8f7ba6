import type { RelatedIncidentList, SearchPage } from '../../shared/search/search.schema.js';
import { api } from './client.js';

export const searchApi = {
  /** The palette's first results as the user types: the best of the most recent matches, at once. */
  search: (q: string, signal?: AbortSignal) => api.get<SearchPage>('/api/search', { q, limit: 8, rank: 'recent' }, signal),
  related: (reviewId: number, signal?: AbortSignal) => api.get<RelatedIncidentList>(`/api/reviews/${reviewId}/related`, undefined, signal),
};
