import type { z } from 'zod';
import type { Incident, IncidentCreateInput, IncidentUpdate, ServiceList, incidentPageSchema } from '../../shared/incidents/incident.schema.js';
import type { Review, ReviewRequest, incidentReviewSchema } from '../../shared/reviews/review.schema.js';
import { api } from './client.js';

export type IncidentPage = z.infer<typeof incidentPageSchema>;
export type IncidentReview = z.infer<typeof incidentReviewSchema>;

/** Filters as the list page keeps them (URL search params), sent as the API's query. */
export interface IncidentFilters {
  status?: string[];
  severity?: string[];
  service?: string;
  label?: string;
  q?: string;
  /** Started in [from, to): instants, as the trends page links them. */
  from?: string;
  to?: string;
  /** A contributor category of the incident's review. */
  category?: string;
  /** A team's slug: incidents of any of its services. */
  team?: string;
}

export const incidentsApi = {
  list: (filters: IncidentFilters, cursor?: string, signal?: AbortSignal) =>
    api.get<IncidentPage>('/api/incidents', { ...filters, cursor, limit: 25 }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Incident>(`/api/incidents/${id}`, undefined, signal),
  create: (input: IncidentCreateInput) => api.post<Incident>('/api/incidents', input),
  update: (id: number, update: IncidentUpdate) => api.patch<Incident>(`/api/incidents/${id}`, update),
  resolve: (id: number, resolvedAt?: string) => api.post<Incident>(`/api/incidents/${id}/resolve`, resolvedAt ? { resolvedAt } : {}),
  review: (id: number, signal?: AbortSignal) => api.get<IncidentReview>(`/api/incidents/${id}/review`, undefined, signal),
  services: (q: string, signal?: AbortSignal) => api.get<ServiceList>('/api/services', { q: q || undefined, limit: 12 }, signal),
  requestReview: (id: number, body: ReviewRequest = {}) => api.post<Review>(`/api/incidents/${id}/review`, body),
};
