import type { KnowledgeBaseHome, ReviewExportFormat, WikiExportFormat } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { api } from './client.js';

export const knowledgeBaseApi = {
  home: (signal?: AbortSignal) => api.get<KnowledgeBaseHome>('/api/knowledge-base', undefined, signal),
  /** Counts the caller as a reader of the review today (the server counts each person once a day). */
  recordRead: (reviewId: number) => api.post<void>(`/api/reviews/${reviewId}/reads`),
  reviewExportUrl: (reviewId: number, format: ReviewExportFormat) => `/api/reviews/${reviewId}/export?format=${format}`,
  wikiArchiveUrl: (format: WikiExportFormat) => `/api/knowledge-base/export?format=${format}`,
};
