import type { User, UserCreate, UserUpdate } from '../../shared/accounts/account.schema.js';
import type { AuditEntry } from '../../shared/accounts/audit.schema.js';
import type { IncidentAccess, IncidentAccessUpdate } from '../../shared/accounts/incident-access.schema.js';
import type { Person } from '../../shared/accounts/people.schema.js';
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '../../shared/accounts/token.schema.js';
import { api } from './client.js';

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** Audit filters as the page keeps them in its URL; `from`/`to` are ISO instants. */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const usersApi = {
  list: (cursor?: string, signal?: AbortSignal) => api.get<Paged<User>>('/api/users', { cursor, limit: 100 }, signal),
  create: (input: UserCreate) => api.post<User>('/api/users', input),
  update: (id: number, update: UserUpdate) => api.patch<User>(`/api/users/${id}`, update),
};

export const tokensApi = {
  list: (signal?: AbortSignal) => api.get<{ items: ApiToken[] }>('/api/tokens', undefined, signal),
  create: (input: ApiTokenCreate) => api.post<ApiTokenCreated>('/api/tokens', input),
  revoke: (id: number) => api.delete<undefined>(`/api/tokens/${id}`),
};

export const auditApi = {
  list: (filters: AuditFilters, cursor?: string, signal?: AbortSignal) => api.get<Paged<AuditEntry>>('/api/audit', { ...filters, cursor, limit: 50 }, signal),
};

export const peopleApi = {
  search: (q: string, signal?: AbortSignal) => api.get<{ items: Person[] }>('/api/people', { q }, signal),
};

export const accessApi = {
  get: (incidentId: number, signal?: AbortSignal) => api.get<IncidentAccess>(`/api/incidents/${incidentId}/access`, undefined, signal),
  set: (incidentId: number, update: IncidentAccessUpdate) => api.put<IncidentAccess>(`/api/incidents/${incidentId}/access`, update),
};
