import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { timelineApi, type TimelineEntryInput } from '../../api/timeline.js';
import { sortEntries } from './sort-entries.js';

export { sortEntries };


export function useTimeline(incidentId: number) {
  return useQuery({
    queryKey: queryKeys.timeline(incidentId),
    queryFn: async ({ signal }) => sortEntries((await timelineApi.list(incidentId, signal)).items),
    enabled: incidentId > 0,
  });
}

export function useMetrics(incidentId: number) {
  return useQuery({ queryKey: queryKeys.metrics(incidentId), queryFn: ({ signal }) => timelineApi.metrics(incidentId, signal), enabled: incidentId > 0 });
}

/** Puts a saved entry into the cached timeline at its place in time, replacing an older copy. */
export function useTimelineCache(incidentId: number) {
  const queryClient = useQueryClient();
  const key = queryKeys.timeline(incidentId);
  return {
    upsert(entry: TimelineEntry) {
      queryClient.setQueryData<TimelineEntry[]>(key, (old = []) =>
        entry.deleted ? old.filter((e) => e.id !== entry.id) : sortEntries([...old.filter((e) => e.id !== entry.id), entry]),
      );
      // Metrics and the incident's key timestamps may follow from the timeline.
      void queryClient.invalidateQueries({ queryKey: queryKeys.metrics(incidentId) });
      if (entry.keyTimestamp) void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
    },
  };
}

export function useAddEntry(incidentId: number) {
  const cache = useTimelineCache(incidentId);
  return useMutation({
    mutationFn: (input: TimelineEntryInput) => timelineApi.create(incidentId, input),
    onSuccess: (entry) => cache.upsert(entry),
  });
}
