import type { z } from 'zod';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { Review, ReviewTransition, ReviewUpdate, TransitionList, reviewPageSchema } from '../../shared/reviews/review.schema.js';
import { api } from './client.js';

export type ReviewPage = z.infer<typeof reviewPageSchema>;

export interface ReviewFilters {
  state?: string[];
  owner?: string;
  overdue?: 'true' | 'false';
}

export const reviewsApi = {
  list: (filters: ReviewFilters, cursor?: string, signal?: AbortSignal) =>
    api.get<ReviewPage>('/api/reviews', { ...filters, cursor, limit: 25 }, signal),
  overdueCount: (signal?: AbortSignal) => api.get<{ count: number }>('/api/reviews/overdue/count', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Review>(`/api/reviews/${id}`, undefined, signal),
  update: (id: number, update: ReviewUpdate) => api.patch<Review>(`/api/reviews/${id}`, update),
  transitions: (id: number, signal?: AbortSignal) => api.get<TransitionList>(`/api/reviews/${id}/transitions`, undefined, signal),
  transition: (id: number, body: ReviewTransition) => api.post<Review>(`/api/reviews/${id}/transitions`, body),
};

export const reviewDocumentApi = {
  get: (id: number, signal?: AbortSignal) => api.get<ReviewDocument>(`/api/reviews/${id}/document`, undefined, signal),
};
