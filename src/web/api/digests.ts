import type { Digest } from '../../shared/digests/digest.schema.js';
import { api, toSearch } from './client.js';

export const digestsApi = {
  weekly: (query: { week?: string; service?: string }, signal?: AbortSignal) => api.get<Digest>('/api/digests/weekly', query, signal),
  exportUrl: (query: { week?: string; service?: string }, format: 'markdown' | 'html') => `/api/digests/weekly/export${toSearch({ ...query, format })}`,
};
