import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { reviewStates, type Review, type ReviewState, type ReviewTransition, type TransitionList } from '../../../../shared/reviews/review.schema.js';
import { queryKeys } from '../../../api/query-keys.js';
import { reviewsApi } from '../../../api/reviews.js';

export type TransitionOption = TransitionList['transitions'][number];

/** The steps the workflow offers from where the review is, with whether the caller may take each now. */
export function useTransitions(reviewId: number, state: ReviewState) {
  // One query per review, not per state: a change heard while a first fetch is in flight would join
  // that fetch (read before the change) instead of starting another, and the steps would stay stale.
  const query = useQuery({ queryKey: queryKeys.reviewTransitions(reviewId), queryFn: ({ signal }) => reviewsApi.transitions(reviewId, signal), staleTime: 5_000 });
  const { data, isFetching, refetch } = query;
  // A review that moved on (here or elsewhere) asks again at once, once per state it moved to.
  const askedFor = useRef<ReviewState | null>(null);
  useEffect(() => {
    if (!data || data.state === state || isFetching || askedFor.current === state) return;
    askedFor.current = state;
    void refetch();
  }, [data, state, isFetching, refetch]);
  return query;
}

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
