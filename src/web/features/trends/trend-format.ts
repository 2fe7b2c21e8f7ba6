import type { TrendBucket } from '../../../shared/trends/buckets.js';
import type { TrendFilters } from '../../api/trends.js';

/** Minutes as people read a duration: "45 min", "3.2 h", "2.1 d". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 120) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}

export const formatDays = (days: number | null) => (days === null ? '–' : `${days.toFixed(1)} d`);

/**
 * The incident list showing the incidents behind a point: started in the point's period, with the
 * page's filters and the point's own (a severity, a contributor category).
 */
export function incidentsLink(filters: TrendFilters, bucket: Pick<TrendBucket, 'from' | 'to'> | null, extra: { severity?: string; category?: string; service?: string } = {}): string {
  const params = new URLSearchParams();
  if (bucket) {
    params.set('from', bucket.from);
    params.set('to', bucket.to);
  }
  const severity = extra.severity ? [extra.severity] : filters.severity;
  if (severity?.length) params.set('severity', severity.join(','));
  const service = extra.service ?? filters.service;
  if (service) params.set('service', service);
  if (filters.label) params.set('label', filters.label);
  if (filters.team) params.set('team', filters.team);
  if (extra.category) params.set('category', extra.category);
  return `/incidents?${params.toString()}`;
}
