import type { ActionItemTrend, BacklogHealth, ContributorTrend, DurationTrend, IncidentTrend, ReviewDeadlineTrend } from '../../shared/trends/trends.schema.js';
import { api } from './client.js';

/** The trends page's filters, as kept in its URL and sent as each endpoint's query. */
export interface TrendFilters {
  from?: string;
  to?: string;
  interval?: string;
  severity?: string[];
  service?: string;
  label?: string;
  /** A team's slug: the incidents of its services. */
  team?: string;
}

const query = (filters: TrendFilters) => ({ ...filters, severity: filters.severity?.length ? filters.severity.join(',') : undefined });

export const trendsApi = {
  incidents: (f: TrendFilters, signal?: AbortSignal) => api.get<IncidentTrend>('/api/trends/incidents', query(f), signal),
  durations: (f: TrendFilters, signal?: AbortSignal) => api.get<DurationTrend>('/api/trends/durations', query(f), signal),
  contributors: (f: TrendFilters, signal?: AbortSignal) => api.get<ContributorTrend>('/api/trends/contributors', query(f), signal),
  reviewDeadlines: (f: TrendFilters, signal?: AbortSignal) => api.get<ReviewDeadlineTrend>('/api/trends/review-deadlines', query(f), signal),
  actionItems: (f: TrendFilters, signal?: AbortSignal) => api.get<ActionItemTrend>('/api/trends/action-items', query(f), signal),
  backlog: (f: TrendFilters & { workingDays?: number }, signal?: AbortSignal) =>
    api.get<BacklogHealth>('/api/trends/backlog', { severity: f.severity?.length ? f.severity.join(',') : undefined, service: f.service, label: f.label, team: f.team, workingDays: f.workingDays }, signal),
};
