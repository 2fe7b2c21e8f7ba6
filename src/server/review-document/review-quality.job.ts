import { z } from 'zod';
import { reviewQuality } from '../../shared/reviews/review-quality.js';
import { eventJob } from '../events/event-jobs.js';
import { defineJob } from '../jobs/job-definition.js';
import { getReviewOfIncident, saveQualityScore } from '../reviews/reviews.service.js';
import { getReviewDocument } from './review-document.service.js';

/** The stored quality score (F9) that lists of reviews show, recomputed after the review changes. */
export const reviewQualityJob = defineJob({
  kind: 'review.quality',
  payload: z.object({ incidentId: z.number().int().positive() }),
  maxAttempts: 5,
  async run({ ctx, payload }) {
    const review = await getReviewOfIncident(ctx, payload.incidentId);
    if (!review) return;
    await saveQualityScore(ctx, review.id, reviewQuality(await getReviewDocument(ctx, review.id)).score);
  },
});

const GATHER_MS = 2_000;

/** Any change to what a review shows; a burst of edits (typing, a meeting) is scored once, two seconds after it starts. */
export const scoreReviewAfterChanges = eventJob({
  on: [
    'review.created', 'review.changed', 'incident.changed', 'timeline.entries_added', 'timeline.entry_corrected', 'timeline.entry_deleted',
    'factor.changed', 'whys.changed', 'answer.changed', 'action_item.created', 'action_item.changed', 'action_item.status_changed', 'action_item.deleted',
  ],
  job: reviewQualityJob,
  payload: (event) => ({ incidentId: 'incidentId' in event ? event.incidentId : 0 }),
  key: (event, _id, atMs) => `review.quality:${'incidentId' in event ? event.incidentId : 0}:${Math.floor(atMs / GATHER_MS)}`,
  delayMs: GATHER_MS,
});
