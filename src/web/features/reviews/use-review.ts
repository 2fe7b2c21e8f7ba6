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
  useQuery({ queryKey: [...queryKeys.review(reviewId), 'factors'], queryFn: ({ signal }) => factorsApi.list(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useWhys = (reviewId: number) =>
  useQuery({ queryKey: [...queryKeys.review(reviewId), 'whys'], queryFn: ({ signal }) => whysApi.list(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useQuestions = (reviewId: number) =>
  useQuery({ queryKey: [...queryKeys.review(reviewId), 'questions'], queryFn: ({ signal }) => questionsApi.list(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useReviewActionItems = (reviewId: number) =>
  useQuery({ queryKey: [...queryKeys.review(reviewId), 'action-items'], queryFn: ({ signal }) => actionsApi.ofReview(reviewId, signal).then((r) => r.items), enabled: reviewId > 0 });

export const useTaxonomy = () => useQuery({ queryKey: ['taxonomy'], queryFn: ({ signal }) => factorsApi.taxonomy(signal), staleTime: Infinity });

export type ReviewField = 'owner' | 'facilitator' | 'scribe' | 'state' | 'dueAt' | 'template' | 'summary' | 'impact' | 'learnings';

export const reviewFieldLabels: Record<ReviewField, string> = {
  owner: 'Owner (DRI)',
  facilitator: 'Facilitator',
  scribe: 'Scribe',
  state: 'State',
  dueAt: 'Due',
  template: 'Template',
  summary: 'Summary',
  impact: 'Impact',
  learnings: 'Learnings',
};

/**
 * Saves some fields of the review against the latest version in the cache; a conflict on a field
 * someone else also changed asks the user, otherwise the change is merged on top of theirs.
 */
export function useSaveReviewFields(reviewId: number) {
  const queryClient = useQueryClient();
  const ask = useAskConflict();
  return async (fields: Partial<Record<ReviewField, string | null>>, base: Partial<Record<ReviewField, string | null>>) => {
    const cached = queryClient.getQueryData<Review>(queryKeys.review(reviewId));
    if (!cached) throw new Error('The review is not loaded yet');
    const changes: FieldChange<Review>[] = (Object.keys(fields) as ReviewField[]).map((key) => ({
      key,
      label: reviewFieldLabels[key],
      base: base[key] ?? null,
      mine: fields[key] ?? null,
      read: (current) => current[key],
    }));
    const result = await saveVersioned<Review>({
      title: 'This review',
      version: cached.version,
      current: cached,
      changes,
      send: (version) => reviewsApi.update(reviewId, { ...fields, version } as Parameters<typeof reviewsApi.update>[1]),
      ask,
    });
    if (result.outcome !== 'cancelled') {
      queryClient.setQueryData(queryKeys.review(reviewId), result.value);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.reviews, 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
    }
    return result;
  };
}
