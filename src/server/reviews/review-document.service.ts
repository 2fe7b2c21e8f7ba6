import { notFound } from '../../shared/errors.js';
import { computeCompleteness } from '../../shared/reviews/review-completeness.js';
import { reviewDocumentSchema, type ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { QualityScore } from '../../shared/language/index.js';
import { computeMetrics, type TimelinePoint } from '../../shared/reviews/review-metrics.js';
import { reviewQuality } from '../../shared/reviews/review-quality.js';
import { readActionItemsOfReview, todayIn } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { readFactorsOfReview } from '../factors/factors.service.js';
import { isOverdue } from '../incidents/incident.mapper.js';
import { getIncident } from '../incidents/incidents.service.js';
import { listTimeline } from '../timeline/timeline.service.js';
import { readWhysOfReview } from '../whys/whys.service.js';
import type { CachedDocument, ReviewDocumentCache } from './review-document.cache.js';
import { documentFingerprint } from './review-document.repo.js';
import { readQuestionsOfReview } from './questions.service.js';
import { saveQualityScore } from './reviews.repo.js';
import { getReview } from './reviews.service.js';

/** The metrics use only the earliest entry of each kind: the timeline is in time order. */
function earliestOfEachKind(timeline: TimelinePoint[]): TimelinePoint[] {
  const seen = new Map<string, TimelinePoint>();
  for (const entry of timeline) if (!seen.has(entry.kind)) seen.set(entry.kind, entry);
  return [...seen.values()];
}

/**
 * The whole review in one read. After the review, the parts load concurrently, each in a fixed
 * number of queries (a part and its link table), whatever the size of the review.
 */
export async function getReviewDocument(ctx: AppContext, reviewId: number): Promise<ReviewDocument> {
  const review = await getReview(ctx, reviewId);
  // The incident goes through its service, so its visibility rules apply to the whole document.
  const [incident, timeline, factors, whys, questions, actionItems] = await Promise.all([
    getIncident(ctx, review.incidentId),
    listTimeline(ctx, review.incidentId),
    readFactorsOfReview(ctx.db, review.id),
    readWhysOfReview(ctx.db, review.id),
    readQuestionsOfReview(ctx.db, review.id),
    readActionItemsOfReview(ctx.db, review.id, todayIn(ctx)),
  ]);
  const completeness = computeCompleteness({
    template: review.template,
    text: { summary: review.summary, impact: review.impact, learnings: review.learnings },
    timelineCount: timeline.length,
    factorKinds: factors.map((factor) => factor.kind),
    whysCount: whys.length,
    answered: questions.filter((question) => question.answer !== null).map((question) => question.key),
    actionItemCount: actionItems.length,
  });
  const metrics = computeMetrics(incident, earliestOfEachKind(timeline));
  const document = { review, incident, timeline, metrics, factors, whys, questions, actionItems, completeness };
  return withQualityScore(ctx, document, reviewQuality(document));
}

/** The document carries the score just computed; it is also stored, for lists of reviews. */
async function withQualityScore(ctx: AppContext, document: ReviewDocument, quality: QualityScore): Promise<ReviewDocument> {
  if (document.review.qualityScore !== quality.score) await saveQualityScore(ctx.db, document.review.id, quality.score);
  return { ...document, review: { ...document.review, qualityScore: quality.score } };
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
  const { incident_id, review_version, incident_version, parts, state, due_at_ms } = fingerprint;
  const clock = `${isOverdue(state, due_at_ms, ctx.now())}:${todayIn(ctx)}`;
  const key = [incident_id, review_version, incident_version, parts, clock].join('|');
  // Validated against the response schema like any response: only declared fields leave the server.
  return cache.getOrBuild(reviewId, key, async () => JSON.stringify(reviewDocumentSchema.parse(await getReviewDocument(ctx, reviewId))));
}

/** F9 for one review, recomputed now; lists show the score as last computed. */
export const getReviewQuality = async (ctx: AppContext, reviewId: number): Promise<QualityScore> =>
  reviewQuality(await getReviewDocument(ctx, reviewId));
