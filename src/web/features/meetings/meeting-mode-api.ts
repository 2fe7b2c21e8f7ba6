import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingMode, MeetingMoveInput } from '../../../shared/meetings/meeting-mode.schema.js';
import { api, request } from '../../api/client.js';
import { isApiError } from '../../api/errors.js';
import { queryKeys } from '../../api/query-keys.js';
import type { OutboxItem, SendResult } from './meeting-outbox.js';

export const meetingModeApi = {
  get: (reviewId: number, signal?: AbortSignal) => api.get<MeetingMode>(`/api/reviews/${reviewId}/meeting/mode`, undefined, signal),
  move: (reviewId: number, body: Partial<MeetingMoveInput>) => api.put<MeetingMode>(`/api/reviews/${reviewId}/meeting/mode`, body),
};

/** Where the meeting is; kept current by meeting.moved events (LiveProvider), read again after a reconnect. */
export const useMeetingMode = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.meetingMode(reviewId), queryFn: ({ signal }) => meetingModeApi.get(reviewId, signal), enabled: reviewId > 0 });

export function useMoveMeeting(reviewId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MeetingMoveInput>) => meetingModeApi.move(reviewId, body),
    onSuccess: (mode) =>
      queryClient.setQueryData<MeetingMode>(queryKeys.meetingMode(reviewId), (old) => (!old || old.version <= mode.version ? mode : old)),
  });
}

/** Sends one outbox item: a POST with its key as Idempotency-Key. A network failure is "offline"; anything the server refuses is said in words. */
export async function sendOutboxItem(item: OutboxItem): Promise<SendResult> {
  try {
    await request(item.method, item.path, { body: item.body, ...(item.method === 'POST' ? { headers: { 'idempotency-key': item.key } } : {}) });
    return 'sent';
  } catch (error) {
    if (!isApiError(error)) throw error;
    // Not reached, or the key's first request still being answered: try again later.
    if (error.code === 'network' || error.status >= 500 || error.status === 429 || (error.code === 'conflict' && /Idempotency-Key/.test(error.message))) return 'offline';
    return { refused: error.message };
  }
}
