import type { z } from 'zod';
import type { ActionItem, ActionItemAccept, ActionItemCreateInput, ActionItemDecline, ActionItemUpdate, actionItemPageSchema } from '../../shared/actions/action-item.schema.js';
import { api } from './client.js';

export type ActionItemPage = z.infer<typeof actionItemPageSchema>;

export interface ActionItemFilters {
  owner?: string;
  status?: string[];
  overdue?: 'true' | 'false';
  reviewId?: number;
}

export const actionsApi = {
  list: (filters: ActionItemFilters, cursor?: string, signal?: AbortSignal) =>
    api.get<ActionItemPage>('/api/action-items', { ...filters, cursor, limit: 50 }, signal),
  ofReview: (reviewId: number, signal?: AbortSignal) => api.get<{ items: ActionItem[] }>(`/api/reviews/${reviewId}/action-items`, undefined, signal),
  create: (reviewId: number, input: ActionItemCreateInput) => api.post<ActionItem>(`/api/reviews/${reviewId}/action-items`, input),
  update: (id: number, update: ActionItemUpdate) => api.patch<ActionItem>(`/api/action-items/${id}`, update),
  /** The soak decision (F12), once the item's soak time is over. */
  accept: (id: number, body: ActionItemAccept) => api.post<ActionItem>(`/api/action-items/${id}/accept`, body),
  decline: (id: number, body: ActionItemDecline) => api.post<ActionItem>(`/api/action-items/${id}/decline`, body),
  remove: (id: number, version: number) => api.delete<void>(`/api/action-items/${id}?version=${version}`),
};
