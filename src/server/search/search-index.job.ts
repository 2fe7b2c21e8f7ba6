import { z } from 'zod';
import type { AppContext } from '../context.js';
import { eventJob } from '../events/event-jobs.js';
import { defineJob } from '../jobs/job-definition.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { getReviewDocument } from '../review-document/review-document.service.js';
import { getReviewOfIncident } from '../reviews/reviews.service.js';
import { indexedReviewOf } from './search-document.js';
import { deleteIndexedReviewOfIncident, indexIsBehind, insertIndexedReviews, replaceIndexedReview, unindexedReviewIds } from './search-index.repo.js';

/** Puts the review of an incident in the search index as it is now (or takes it out when there is none). */
export async function indexReviewOfIncident(ctx: AppContext, incidentId: number): Promise<void> {
  const review = await getReviewOfIncident(ctx, incidentId);
  if (!review) return deleteIndexedReviewOfIncident(ctx.db, incidentId);
  await replaceIndexedReview(ctx.db, indexedReviewOf(await getReviewDocument(ctx, review.id), ctx.now().getTime()));
}

/** Reads the review as it is when it runs, so it is safe to repeat and a late run never indexes old text. */
export const indexReviewJob = defineJob({
  kind: 'search.index-review',
  payload: z.object({ incidentId: z.number().int().positive() }),
  maxAttempts: 8,
  run: ({ ctx, payload }) => indexReviewOfIncident(ctx, payload.incidentId),
});

/**
 * Whatever changes what a review says or how it is filtered. One job per event (not one per burst,
 * as the quality score does): a burst's job could run before a late commit of the same burst, and
 * the index must not miss the last edit; each run is a handful of reads and one small write. Not
 * incident.created: a new incident has no review yet, and one made with it brings review.created.
 */
export const indexReviewAfterChanges = eventJob({
  on: [
    'incident.changed', 'incident.resolved', 'incident.access_changed', 'review.created', 'review.changed', 'review.state_changed',
    'timeline.entries_added', 'timeline.entry_corrected', 'timeline.entry_deleted', 'factor.changed', 'whys.changed', 'answer.changed',
    'action_item.created', 'action_item.changed', 'action_item.status_changed', 'action_item.deleted',
  ],
  job: indexReviewJob,
  payload: (event) => ({ incidentId: 'incidentId' in event ? event.incidentId : 0 }),
  key: (event, eventId) => `search.index-review:${'incidentId' in event ? event.incidentId : 0}:${eventId}`,
});

const REINDEX_BATCH = 200;

/**
 * Indexes every review the index does not hold yet (after the migration, or a lost job), a batch
 * per run: each run enqueues the next, so no run outlives its timeout whatever the number of reviews.
 */
export const reindexJob = defineJob({
  kind: 'search.reindex',
  payload: z.object({ run: z.number().int().min(0).describe('When the reindex started (ms): names its batches'), afterId: z.number().int().min(0) }),
  maxAttempts: 8,
  async run({ ctx, payload }) {
    const ids = await unindexedReviewIds(ctx.db, payload.afterId, REINDEX_BATCH);
    const documents = await Promise.all(ids.map((id) => getReviewDocument(ctx, id)));
    await insertIndexedReviews(ctx.db, documents.map((document) => indexedReviewOf(document, ctx.now().getTime())));
    const last = ids.at(-1);
    if (last !== undefined && ids.length === REINDEX_BATCH) await enqueueJob(ctx.db, reindexJob, { run: payload.run, afterId: last }, { idempotencyKey: `search.reindex:${payload.run}:${last}`, now: ctx.now() });
  },
});

/** At start-up: a full reindex when some review is missing from the index (e.g. just after migrating). */
export async function reindexIfBehind(ctx: AppContext): Promise<boolean> {
  if (!(await indexIsBehind(ctx.db))) return false;
  const run = ctx.now().getTime();
  await enqueueJob(ctx.db, reindexJob, { run, afterId: 0 }, { idempotencyKey: `search.reindex:${run}:0`, now: ctx.now() });
  return true;
}
