import type { RelatedIncidentList, SearchPage } from '../../shared/search/search.schema.js';
import { api } from './client.js';

export const searchApi = {
  search: (q: string, signal?: AbortSignal) => api.get<SearchPage>('/api/search', { q, limit: 8 }, signal),
  related: (reviewId: number, signal?: AbortSignal) => api.get<RelatedIncidentList>(`/api/reviews/${reviewId}/related`, undefined, signal),
};
