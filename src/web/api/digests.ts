import type { Digest } from '../../shared/digests/digest.schema.js';
import { api, toSearch } from './client.js';

/** The digest page's filters: a week, a service, a team (its slug). */
export type DigestFilters = {
  week?: string;
  service?: string;
  team?: string;
};

export const digestsApi = {
  weekly: (query: DigestFilters, signal?: AbortSignal) => api.get<Digest>('/api/digests/weekly', query, signal),
  exportUrl: (query: DigestFilters, format: 'markdown' | 'html') => `/api/digests/weekly/export${toSearch({ ...query, format })}`,
};
