import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Portfolio } from '../../shared/portfolio/portfolio.schema.js';
import { api } from './client.js';

export const portfolioApi = {
  get: (signal?: AbortSignal) => api.get<Portfolio>('/api/portfolio', undefined, signal),
  merge: (keepId: number, mergeIds: number[]) => api.post<{ kept: ActionItem; merged: ActionItem[] }>('/api/portfolio/merge', { keepId, mergeIds }),
};
