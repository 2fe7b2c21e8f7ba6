import type { QueryClient } from '@tanstack/react-query';
import type { ReviewDocument } from '../../../shared/reviews/review-document.schema.js';
import { isApiError } from '../../api/errors.js';
import { queryKeys } from '../../api/query-keys.js';
import { actionsApi } from '../../api/actions.js';
import { incidentsApi } from '../../api/incidents.js';
import { factorsApi, questionsApi, whysApi } from '../../api/review-parts.js';
import { reviewDocumentApi, reviewsApi } from '../../api/reviews.js';
import { timelineApi } from '../../api/timeline.js';
import { sortEntries } from '../timeline/sort-entries.js';

/**
 * The whole review in one request (GET /api/reviews/:id/document). Its parts are put into the
 * caches the sections read from, so the editor renders from a single round trip; afterwards each
 * section refreshes only its own part. Small on purpose: the route loader imports it to start the
 * request while the editor's code is still downloading.
 */
export const reviewDocumentQuery = (queryClient: QueryClient, id: number) => ({
  queryKey: queryKeys.reviewDocument(id),
  queryFn: async ({ signal }: { signal?: AbortSignal }) => {
    let doc: Omit<ReviewDocument, 'completeness'>;
    try {
      doc = await reviewDocumentApi.get(id, signal);
    } catch (error) {
      if (isApiError(error) && (error.code === 'not_found' || error.status === 0)) throw error;
      // The document is an optimisation: without it, the same parts come from their own endpoints.
      doc = await loadPartByPart(id, signal);
    }
    const reviewKey = queryKeys.review(id);
    queryClient.setQueryData(reviewKey, doc.review);
    queryClient.setQueryData(queryKeys.incident(doc.incident.id), doc.incident);
    queryClient.setQueryData(queryKeys.timeline(doc.incident.id), sortEntries(doc.timeline));
    queryClient.setQueryData(queryKeys.metrics(doc.incident.id), { items: doc.metrics });
    queryClient.setQueryData([...reviewKey, 'factors'], doc.factors);
    queryClient.setQueryData([...reviewKey, 'whys'], doc.whys);
    queryClient.setQueryData([...reviewKey, 'questions'], doc.questions);
    queryClient.setQueryData([...reviewKey, 'action-items'], doc.actionItems);
    return { reviewId: doc.review.id, incidentId: doc.incident.id };
  },
  staleTime: 5_000,
  gcTime: 30_000,
});

async function loadPartByPart(id: number, signal?: AbortSignal): Promise<Omit<ReviewDocument, 'completeness'>> {
  const review = await reviewsApi.get(id, signal);
  const [incident, timeline, metrics, factors, whys, questions, actionItems] = await Promise.all([
    incidentsApi.get(review.incidentId, signal),
    timelineApi.list(review.incidentId, signal),
    timelineApi.metrics(review.incidentId, signal),
    factorsApi.list(id, signal),
    whysApi.list(id, signal),
    questionsApi.list(id, signal),
    actionsApi.ofReview(id, signal),
  ]);
  return {
    review,
    incident,
    timeline: timeline.items,
    metrics: metrics.items,
    factors: factors.items,
    whys: whys.items,
    questions: questions.items,
    actionItems: actionItems.items,
  };
}

/** Starts loading a review before its page renders (called from the route loader). */
export function prefetchReviewDocument(queryClient: QueryClient, id: number): void {
  if (id > 0) void queryClient.prefetchQuery(reviewDocumentQuery(queryClient, id));
}
