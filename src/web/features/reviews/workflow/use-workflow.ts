import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewStates, type Review, type ReviewState, type ReviewTransition, type TransitionList } from '../../../../shared/reviews/review.schema.js';
import { queryKeys } from '../../../api/query-keys.js';
import { reviewsApi } from '../../../api/reviews.js';

export type TransitionOption = TransitionList['transitions'][number];

/** The steps the workflow offers from where the review is, with whether the caller may take each now. */
export const useTransitions = (reviewId: number, state: ReviewState) =>
  // The state is part of the key: a review that moved on (here or elsewhere) asks again at once.
  useQuery({ queryKey: [...queryKeys.reviewTransitions(reviewId), state], queryFn: ({ signal }) => reviewsApi.transitions(reviewId, signal), staleTime: 5_000 });

/** Moves the review; the review, its incident and the lists follow. */
export function useTransition(reviewId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewTransition) => reviewsApi.transition(reviewId, body),
    onSuccess: (review: Review) => {
      queryClient.setQueryData(queryKeys.review(reviewId), review);
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewTransitions(reviewId) });
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.reviews, 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incident(review.incidentId), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidentReview(review.incidentId) });
    },
  });
}

const order = (state: ReviewState) => reviewStates.indexOf(state);

/**
 * The step to offer first: the first one forward that may be taken, else the first forward one
 * (shown with why not yet), else (a published review) the way back.
 */
export function splitSteps(state: ReviewState, options: TransitionOption[]): { primary: TransitionOption | null; others: TransitionOption[] } {
  const forward = options.filter((o) => order(o.to) > order(state));
  const primary = forward.find((o) => o.allowed) ?? forward[0] ?? options[0] ?? null;
  return { primary, others: options.filter((o) => o !== primary) };
}
