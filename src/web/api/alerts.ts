import type { AlertSource, AlertSourceCreate, AlertSourceUpdate, AlertSourceWithSecret } from '../../shared/alerts/alert-source.schema.js';
import { api } from './client.js';

export const alertSourcesApi = {
  list: (signal?: AbortSignal) => api.get<{ items: AlertSource[] }>('/api/admin/alert-sources', undefined, signal),
  create: (input: AlertSourceCreate) => api.post<AlertSourceWithSecret>('/api/admin/alert-sources', input),
  update: (id: number, input: AlertSourceUpdate) => api.patch<AlertSource>(`/api/admin/alert-sources/${id}`, input),
  rotateSecret: (id: number) => api.post<AlertSourceWithSecret>(`/api/admin/alert-sources/${id}/rotate-secret`),
  remove: (id: number) => api.delete<void>(`/api/admin/alert-sources/${id}`),
};
