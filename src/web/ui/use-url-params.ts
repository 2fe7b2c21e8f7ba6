import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's state kept in its URL (filters, the open item), so a view can be shared and survives a
 * reload: `set` changes some parameters (an empty value removes one) without a history entry each.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (changes: Record<string, string | null | undefined>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { params, set, clear };
}
