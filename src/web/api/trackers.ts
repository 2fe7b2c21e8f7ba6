import type {
  ReviewTrackerIssues,
  TrackerConnection,
  TrackerIssue,
} from '../../shared/trackers/tracker.schema.js';
import { api } from './client.js';

export type TrackerConnectionInput = {
  name: string;
  kind: TrackerConnection['kind'];
  baseUrl: string;
  project: string;
  username: string | null;
  token: string;
  isDefault: boolean;
  services: string[];
};

export type TrackerPerson = { userId: number; name: string; externalUser: string };

export const trackersApi = {
  list: (signal?: AbortSignal) => api.get<{ items: TrackerConnection[] }>('/api/trackers', undefined, signal),
  create: (input: TrackerConnectionInput) => api.post<TrackerConnection & { webhookSecret: string }>('/api/trackers', input),
  update: (id: number, update: Partial<TrackerConnectionInput> & { version: number }) => api.patch<TrackerConnection>(`/api/trackers/${id}`, update),
  remove: (connection: TrackerConnection) => api.delete<undefined>(`/api/trackers/${connection.id}?version=${connection.version}`),
  test: (id: number) => api.post<{ ok: boolean; message: string }>(`/api/trackers/${id}/test`, {}),
  people: (id: number, signal?: AbortSignal) => api.get<{ items: TrackerPerson[] }>(`/api/trackers/${id}/people`, undefined, signal),
  setPerson: (id: number, userId: number, externalUser: string) => api.put<TrackerPerson>(`/api/trackers/${id}/people`, { userId, externalUser }),
  removePerson: (id: number, userId: number) => api.delete<undefined>(`/api/trackers/${id}/people/${userId}`),
  reviewIssues: (reviewId: number, signal?: AbortSignal) => api.get<ReviewTrackerIssues>(`/api/reviews/${reviewId}/tracker-issues`, undefined, signal),
  createIssue: (actionItemId: number) => api.post<TrackerIssue>(`/api/action-items/${actionItemId}/tracker-issue`, {}),
};
