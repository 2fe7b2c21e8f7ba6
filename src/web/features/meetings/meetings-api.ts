import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingInput, MeetingState } from '../../../shared/meetings/meeting.schema.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

export const meetingsApi = {
  get: (reviewId: number, signal?: AbortSignal) => api.get<MeetingState>(`/api/reviews/${reviewId}/meeting`, undefined, signal),
  schedule: (reviewId: number, body: Partial<MeetingInput>) => api.put<MeetingState>(`/api/reviews/${reviewId}/meeting`, body),
  invitationUrl: (reviewId: number) => `/api/reviews/${reviewId}/meeting.ics`,
};

export const useMeeting = (reviewId: number) => useQuery({ queryKey: queryKeys.meeting(reviewId), queryFn: ({ signal }) => meetingsApi.get(reviewId, signal) });

export function useScheduleMeeting(reviewId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MeetingInput>) => meetingsApi.schedule(reviewId, body),
    onSuccess: (state) => queryClient.setQueryData(queryKeys.meeting(reviewId), state),
  });
}
