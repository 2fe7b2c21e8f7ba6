import type { ReviewRequest } from '../../../shared/reviews/review.schema.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { incidentsApi } from '../../api/incidents.js';
import { queryKeys } from '../../api/query-keys.js';

export function useIncident(id: number) {
  return useQuery({ queryKey: queryKeys.incident(id), queryFn: ({ signal }) => incidentsApi.get(id, signal), enabled: id > 0 });
}

export function useIncidentReview(id: number) {
  return useQuery({ queryKey: queryKeys.incidentReview(id), queryFn: ({ signal }) => incidentsApi.review(id, signal), enabled: id > 0 });
}

/** After any change to an incident its review (maybe just created by policy) and lists are stale too. */
function useInvalidateIncident(id: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
    void queryClient.invalidateQueries({ queryKey: queryKeys.incident(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reviews });
  };
}

export function useResolveIncident(id: number) {
  const invalidate = useInvalidateIncident(id);
  return useMutation({ mutationFn: (resolvedAt?: string) => incidentsApi.resolve(id, resolvedAt), onSuccess: invalidate });
}

export function useRequestReview(id: number) {
  const invalidate = useInvalidateIncident(id);
  return useMutation({ mutationFn: (body: ReviewRequest) => incidentsApi.requestReview(id, body), onSuccess: invalidate });
}
