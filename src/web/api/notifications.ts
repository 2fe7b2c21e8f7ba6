import type {
  NotificationPreferencesState,
  NotificationPreferencesUpdate,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookEndpointUpdate,
} from '../../shared/notifications/notification.schema.js';
import { api } from './client.js';

export const notificationsApi = {
  preferences: (signal?: AbortSignal) => api.get<NotificationPreferencesState>('/api/me/notification-preferences', undefined, signal),
  savePreferences: (input: NotificationPreferencesUpdate) => api.put<NotificationPreferencesState>('/api/me/notification-preferences', input),
};

export const webhookEndpointsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: WebhookEndpoint[] }>('/api/admin/webhook-endpoints', undefined, signal),
  create: (input: WebhookEndpointCreate) => api.post<WebhookEndpointCreated>('/api/admin/webhook-endpoints', input),
  update: (id: number, input: WebhookEndpointUpdate) => api.patch<WebhookEndpoint>(`/api/admin/webhook-endpoints/${id}`, input),
  remove: (id: number) => api.delete<undefined>(`/api/admin/webhook-endpoints/${id}`),
};
