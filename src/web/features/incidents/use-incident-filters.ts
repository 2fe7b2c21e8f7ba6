import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { IncidentFilters } from '../../api/incidents.js';

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** The list's filters live in the URL, so a filtered view can be shared and survives reload. */
export function useIncidentFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<IncidentFilters>(() => {
    const f: IncidentFilters = {};
    const status = list(params.get('status'));
    const severity = list(params.get('severity'));
    if (status.length) f.status = status;
    if (severity.length) f.severity = severity;
    for (const key of ['service', 'label', 'q'] as const) {
      const value = params.get(key)?.trim();
      if (value) f[key] = value;
    }
    return f;
  }, [params]);

  const setFilter = useCallback(
    (key: keyof IncidentFilters, value: string | string[]) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          const text = Array.isArray(value) ? value.join(',') : value;
          if (text) next.set(key, text);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, setFilter, clear, active: Object.keys(filters).length > 0 };
}
