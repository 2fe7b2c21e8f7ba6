import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Review } from '../../../shared/reviews/review.schema.js';
import { actionsApi } from '../../api/actions.js';
import { queryKeys } from '../../api/query-keys.js';
import { factorsApi, questionsApi, whysApi } from '../../api/review-parts.js';
import { reviewsApi } from '../../api/reviews.js';
import { useAskConflict } from '../../ui/conflict/ConflictProvider.js';
import { saveVersioned, type FieldChange } from '../../ui/conflict/save-versioned.js';

export const useReview = (id: number) =>
  useQuery({ queryKey: queryKeys.review(id), queryFn: ({ signal }) => reviewsApi.get(id, signal), enabled: id > 0 });

export const useFactors = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.reviewPart(reviewId, 'factors'), queryFn: ({ signal }) => factorsApi.list(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useWhys = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.reviewPart(reviewId, 'whys'), queryFn: ({ signal }) => whysApi.list(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useQuestions = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.reviewPart(reviewId, 'questions'), queryFn: ({ signal }) => questionsApi.list(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useReviewActionItems = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.reviewPart(reviewId, 'action-items'), queryFn: ({ signal }) => actionsApi.ofReview(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useTaxonomy = () => useQuery({ queryKey: ['taxonomy'], queryFn: ({ signal }) => factorsApi.taxonomy(signal), staleTime: Infinity });

export type ReviewField = 'owner' | 'facilitator' | 'scribe' | 'dueAt' | 'template' | 'summary' | 'impact' | 'learnings';

export const reviewFieldLabels: Record<ReviewField, string> = {
  owner: 'Owner (DRI)',
  facilitator: 'Facilitator',
  scribe: 'Scribe',
  dueAt: 'Due',
  template: 'Template',
  summary: 'Summary',
  impact: 'Impact',
  learnings: 'Learnings',
};

/** One field of the review to save: what is sent, and what it was when the edit began (as the API reads it). */
export interface ReviewFieldChange {
  key: ReviewField;
  send: unknown;
  base: unknown;
  /** The sent value as the API reads it back, when it differs (a person is sent as {userId} and read as {userId, name}). */
  mine?: unknown;
  format?: (value: unknown) => string;
}

/**
 * Saves some fields of the review against the latest version in the cache; a conflict on a field
 * someone else also changed asks the user, otherwise the change is merged on top of theirs.
 */
export function useSaveReviewFields(reviewId: number) {
  const queryClient = useQueryClient();
  const ask = useAskConflict();
  return async (fields: ReviewFieldChange[]) => {
    const cached = queryClient.getQueryData<Review>(queryKeys.review(reviewId));
    if (!cached) throw new Error('The review is not loaded yet');
    const changes: FieldChange<Review>[] = fields.map(({ key, send, base, mine, format }) => ({
      key,
      label: reviewFieldLabels[key],
      base: base ?? null,
      mine: (mine === undefined ? send : mine) ?? null,
      read: (current) => current[key],
      ...(format ? { format } : {}),
    }));
    const body = Object.fromEntries(fields.map((f) => [f.key, f.send]));
    const result = await saveVersioned<Review>({
      title: 'This review',
      version: cached.version,
      current: cached,
      changes,
      send: (version) => reviewsApi.update(reviewId, { ...body, version } as Parameters<typeof reviewsApi.update>[1]),
      ask,
    });
    if (result.outcome !== 'cancelled') {
      queryClient.setQueryData(queryKeys.review(reviewId), result.value);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.reviews, 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incident(result.value.incidentId), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidentReview(result.value.incidentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewTransitions(reviewId) });
    }
    return result;
  };
}
