import type { Expression, ExpressionBuilder } from 'kysely';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';

/** The review parts that hold records of their own (the prose parts are fields of the review). */
export const recordPartKeys = ['timeline', 'factors', 'whys', 'questions', 'actionItems'] as const;
export type RecordPartKey = (typeof recordPartKeys)[number];

/**
 * What the server knows of a review part (see shared/reviews/review-part.ts): how to load it for the
 * review document, and a summary of its rows for the document cache's key. Each feature declares
 * its own; review-document/document-parts.ts is the registry.
 */
export interface DocumentPart<K extends RecordPartKey> {
  /** Loads the part; the caller has already checked that it may see the review and its incident. */
  load(ctx: AppContext, review: Review, incident: Incident): Promise<ReviewDocument[K]>;
  /** An expression over the review aliased `r` that changes whenever any of the part's rows does. */
  fingerprint(eb: ExpressionBuilder<Database & { r: Database['reviews'] }, 'r'>): Expression<string>;
}
