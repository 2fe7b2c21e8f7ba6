import type { ActionItemTrend, BacklogHealth, ContributorTrend, DurationTrend, IncidentTrend, ReviewDeadlineTrend } from '../../shared/trends/trends.schema.js';
import { request, type Query } from './client.js';

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

/** `current`: figures computed now, not the last snapshot (which may be a few minutes old). */
const get = <T>(path: string, query: Query, signal?: AbortSignal, current = false) =>
  request<T>('GET', path, { query, ...(signal ? { signal } : {}), ...(current ? { headers: { 'cache-control': 'no-cache' } } : {}) });

const query = (filters: TrendFilters) => ({ ...filters, severity: filters.severity?.length ? filters.severity.join(',') : undefined });

export const trendsApi = {
  incidents: (f: TrendFilters, signal?: AbortSignal, current?: boolean) => get<IncidentTrend>('/api/trends/incidents', query(f), signal, current),
  durations: (f: TrendFilters, signal?: AbortSignal, current?: boolean) => get<DurationTrend>('/api/trends/durations', query(f), signal, current),
  contributors: (f: TrendFilters, signal?: AbortSignal, current?: boolean) => get<ContributorTrend>('/api/trends/contributors', query(f), signal, current),
  reviewDeadlines: (f: TrendFilters, signal?: AbortSignal, current?: boolean) => get<ReviewDeadlineTrend>('/api/trends/review-deadlines', query(f), signal, current),
  actionItems: (f: TrendFilters, signal?: AbortSignal, current?: boolean) => get<ActionItemTrend>('/api/trends/action-items', query(f), signal, current),
  backlog: (f: TrendFilters & { workingDays?: number }, signal?: AbortSignal, current?: boolean) =>
    get<BacklogHealth>('/api/trends/backlog', { severity: f.severity?.length ? f.severity.join(',') : undefined, service: f.service, label: f.label, team: f.team, workingDays: f.workingDays }, signal, current),
};
