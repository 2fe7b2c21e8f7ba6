import { notFound } from '../../shared/errors.js';
import { computeCompleteness } from '../../shared/reviews/review-completeness.js';
import { reviewDocumentSchema, type ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { QualityScore } from '../../shared/language/index.js';
import { computeMetrics, type TimelinePoint } from '../../shared/reviews/review-metrics.js';
import { reviewQuality } from '../../shared/reviews/review-quality.js';
import { todayIn } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { isOverdue } from '../incidents/incident.mapper.js';
import { getIncident } from '../incidents/incidents.service.js';
import { recordPartKeys, type RecordPartKey } from '../reviews/document-part.js';
import { getReview } from '../reviews/reviews.service.js';
import { documentParts } from './document-parts.js';
import type { CachedDocument, ReviewDocumentCache } from './review-document.cache.js';
import { documentFingerprint } from './review-document.repo.js';

/** The metrics use only the earliest entry of each kind: the timeline is in time order. */
function earliestOfEachKind(timeline: TimelinePoint[]): TimelinePoint[] {
  const seen = new Map<string, TimelinePoint>();
  for (const entry of timeline) if (!seen.has(entry.kind)) seen.set(entry.kind, entry);
  return [...seen.values()];
}

/**
 * The whole review in one read. After the review and its incident (whose visibility rules apply to
 * the whole document), every part in the registry loads concurrently, each in a fixed number of
 * queries whatever the size of the review.
 */
export async function getReviewDocument(ctx: AppContext, reviewId: number): Promise<ReviewDocument> {
  const review = await getReview(ctx, reviewId);
  const incident = await getIncident(ctx, review.incidentId);
  const loaded = await Promise.all(recordPartKeys.map((key) => documentParts[key].load(ctx, review, incident)));
  const parts = Object.fromEntries(recordPartKeys.map((key, i) => [key, loaded[i]])) as Pick<ReviewDocument, RecordPartKey>;
  const completeness = computeCompleteness({ review, incident, ...parts });
  const metrics = computeMetrics(incident, earliestOfEachKind(parts.timeline));
  const document = { review, incident, ...parts, metrics, completeness };
  // The score just computed; the stored one, which lists show, follows changes (review-quality.job.ts).
  return { ...document, review: { ...review, qualityScore: reviewQuality(document).score } };
}

/**
 * The document as JSON, served from `cache` while its fingerprint is unchanged. The fingerprint is
 * read before the parts, so a cached document is never older than its key; the incident is loaded
 * on every read, so visibility is checked every time.
 */
export async function readCachedReviewDocument(ctx: AppContext, cache: ReviewDocumentCache, reviewId: number): Promise<CachedDocument> {
  const fingerprint = await documentFingerprint(ctx.db, reviewId);
  if (!fingerprint) throw notFound('Review', reviewId);
  await getIncident(ctx, fingerprint.incident_id);
  const { incident_id, review_version, incident_version, restricted, parts, state, due_at_ms } = fingerprint;
  const clock = `${isOverdue(state, due_at_ms, ctx.now())}:${todayIn(ctx)}`;
  const key = [incident_id, review_version, incident_version, restricted, parts, clock].join('|');
  // Validated against the response schema like any response: only declared fields leave the server.
  return cache.getOrBuild(reviewId, key, async () => JSON.stringify(reviewDocumentSchema.parse(await getReviewDocument(ctx, reviewId))));
}

/** F9 for one review, recomputed now; lists show the score as last computed. */
export const getReviewQuality = async (ctx: AppContext, reviewId: number): Promise<QualityScore> =>
  reviewQuality(await getReviewDocument(ctx, reviewId));
