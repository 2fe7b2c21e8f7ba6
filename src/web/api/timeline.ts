import type { z } from 'zod';
import type {
  ClockOffset,
  TimelineComment,
  TimelineEntry,
  TimelineEntryCreate,
  TimelineEntryUpdate,
  TimelineRevision,
  metricSchema,
} from '../../shared/timeline/timeline.schema.js';
import { api } from './client.js';

export type Metric = z.infer<typeof metricSchema>;
export type TimelineEntryInput = Partial<Pick<TimelineEntryCreate, 'kind' | 'source' | 'precision' | 'provenance'>> & Pick<TimelineEntryCreate, 'occurredAt' | 'text'>;

export const timelineApi = {
  list: (incidentId: number, signal?: AbortSignal) => api.get<{ items: TimelineEntry[] }>(`/api/incidents/${incidentId}/timeline`, undefined, signal),
  create: (incidentId: number, input: TimelineEntryInput) => api.post<TimelineEntry>(`/api/incidents/${incidentId}/timeline`, input),
  createMany: (incidentId: number, entries: TimelineEntryInput[]) => api.post<{ items: TimelineEntry[] }>(`/api/incidents/${incidentId}/timeline/batch`, { entries }),
  update: (entryId: number, update: TimelineEntryUpdate) => api.patch<TimelineEntry>(`/api/timeline/${entryId}`, update),
  remove: (entryId: number, version: number, reason?: string) =>
    api.delete<TimelineEntry>(`/api/timeline/${entryId}?version=${version}${reason ? `&reason=${encodeURIComponent(reason)}` : ''}`),
  history: (entryId: number, signal?: AbortSignal) => api.get<{ items: TimelineRevision[] }>(`/api/timeline/${entryId}/history`, undefined, signal),
  comments: (entryId: number, signal?: AbortSignal) => api.get<{ items: TimelineComment[] }>(`/api/timeline/${entryId}/comments`, undefined, signal),
  comment: (entryId: number, text: string) => api.post<TimelineComment>(`/api/timeline/${entryId}/comments`, { text }),
  clockOffset: (incidentId: number, offset: ClockOffset) => api.post<{ items: TimelineEntry[] }>(`/api/incidents/${incidentId}/timeline/clock-offset`, offset),
  metrics: (incidentId: number, signal?: AbortSignal) => api.get<{ items: Metric[] }>(`/api/incidents/${incidentId}/metrics`, undefined, signal),
};
