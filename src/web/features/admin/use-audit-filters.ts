import { useMemo } from 'react';
import type { AuditFilters } from '../../api/accounts.js';
import { toOffsetIso } from '../../ui/format.js';
import { useUrlParams } from '../../ui/use-url-params.js';

/** The page's filters as kept in the URL: the date range as local days (YYYY-MM-DD). */
export interface AuditPageFilters {
  entityType: string;
  entityId: string;
  actor: string;
  action: string;
  fromDay: string;
  toDay: string;
}
export type AuditFilterKey = keyof AuditPageFilters;
const keys: AuditFilterKey[] = ['entityType', 'entityId', 'actor', 'action', 'fromDay', 'toDay'];

/** Local midnight of `day` (plus `addDays`) as an instant with the reader's offset. */
const midnight = (day: string, addDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return toOffsetIso(new Date(y!, m! - 1, d! + addDays));
};

/** The API query: the range covers whole local days, the last one included. */
export function toAuditQuery(f: AuditPageFilters): AuditFilters {
  const query: AuditFilters = {};
  if (f.entityType) query.entityType = f.entityType;
  if (f.entityId.trim()) query.entityId = f.entityId.trim();
  if (f.actor) query.actor = f.actor;
  if (f.action.trim()) query.action = f.action.trim();
  if (f.fromDay) query.from = midnight(f.fromDay);
  if (f.toDay) query.to = midnight(f.toDay, 1);
  return query;
}

export function useAuditFilters() {
  const { params, set, clear } = useUrlParams();
  const filters = useMemo(() => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditPageFilters, [params]);
  return { filters, set, clear, active: keys.some((k) => filters[k]) };
}
