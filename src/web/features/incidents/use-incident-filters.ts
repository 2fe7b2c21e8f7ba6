import { useCallback, useMemo } from 'react';
import type { IncidentFilters } from '../../api/incidents.js';
import { useUrlParams } from '../../ui/use-url-params.js';

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** The list's filters live in the URL, so a filtered view can be shared and survives reload. */
export function useIncidentFilters() {
  const { params, set, clear } = useUrlParams();
  const filters = useMemo<IncidentFilters>(() => {
    const f: IncidentFilters = {};
    const status = list(params.get('status'));
    const severity = list(params.get('severity'));
    if (status.length) f.status = status;
    if (severity.length) f.severity = severity;
    for (const key of ['service', 'label', 'q', 'from', 'to', 'category', 'team'] as const) {
      const value = params.get(key)?.trim();
      if (value) f[key] = value;
    }
    return f;
  }, [params]);

  const setFilter = useCallback(
    (key: keyof IncidentFilters, value: string | string[]) => set({ [key]: Array.isArray(value) ? value.join(',') : value }),
    [set],
  );

  return { filters, setFilter, clear, active: Object.keys(filters).length > 0 };
}
