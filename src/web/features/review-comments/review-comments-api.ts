import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentCreate, CommentThread, CommentUpdate, ReviewComment } from '../../../shared/review-comments/review-comment.schema.js';
import type { AsyncReviewState, SignOffDecision } from '../../../shared/review-comments/sign-off.schema.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

export const reviewCommentsApi = {
  threads: (reviewId: number, signal?: AbortSignal) => api.get<{ threads: CommentThread[] }>(`/api/reviews/${reviewId}/comments`, undefined, signal),
  add: (reviewId: number, body: CommentCreate) => api.post<ReviewComment>(`/api/reviews/${reviewId}/comments`, body),
  update: (reviewId: number, id: number, body: CommentUpdate) => api.patch<ReviewComment>(`/api/reviews/${reviewId}/comments/${id}`, body),
  resolve: (reviewId: number, id: number, version: number, resolved: boolean) => api.post<ReviewComment>(`/api/reviews/${reviewId}/comments/${id}/${resolved ? 'resolve' : 'reopen'}`, { version }),
  asyncReview: (reviewId: number, signal?: AbortSignal) => api.get<AsyncReviewState>(`/api/reviews/${reviewId}/async-review`, undefined, signal),
  requestReviewers: (reviewId: number, userIds: number[]) => api.post<AsyncReviewState>(`/api/reviews/${reviewId}/reviewers`, { userIds }),
  signOff: (reviewId: number, body: SignOffDecision) => api.post<AsyncReviewState>(`/api/reviews/${reviewId}/sign-off`, body),
};

/** Every thread of the review, in one query shared by every part's button and drawer. */
export const useThreads = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.reviewComments(reviewId), queryFn: ({ signal }) => reviewCommentsApi.threads(reviewId, signal).then((r) => r.threads) });

export const useAsyncReview = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.asyncReview(reviewId), queryFn: ({ signal }) => reviewCommentsApi.asyncReview(reviewId, signal) });

/** A write to comments or sign-offs: threads, the async review and the workflow's gate follow. */
export function useAsyncReviewMutation<A>(reviewId: number, write: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewComments(reviewId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.asyncReview(reviewId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewTransitions(reviewId) });
    },
  });
}
