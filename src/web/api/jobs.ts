import type { Job, JobDetail, JobStateFilter, JobSummary } from '../../shared/jobs/job.schema.js';
import type { Paged } from './accounts.js';
import { api } from './client.js';

export interface JobFilters {
  state?: JobStateFilter;
  kind?: string;
}

export const jobsApi = {
  list: (filters: JobFilters, cursor?: string, signal?: AbortSignal) => api.get<Paged<Job>>('/api/admin/jobs', { ...filters, cursor, limit: 50 }, signal),
  summary: (signal?: AbortSignal) => api.get<JobSummary>('/api/admin/jobs/summary', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<JobDetail>(`/api/admin/jobs/${id}`, undefined, signal),
  retry: (id: number) => api.post<Job>(`/api/admin/jobs/${id}/retry`),
  ping: (failAttempts = 0) => api.post<JobDetail>('/api/admin/jobs/ping', { failAttempts }),
};
