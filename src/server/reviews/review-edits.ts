import { AppError, notFound } from '../../shared/errors.js';
import type { DomainEvent } from '../../shared/events/domain-events.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { isReadOnlyState } from '../../shared/reviews/workflow.js';
import { canSeeIncident } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange, type AuditedChange } from '../events/record-change.js';
import { versionConflict } from '../http/version-conflict.js';
import { toReview } from './review.mapper.js';
import * as repo from './reviews.repo.js';

/** 409 for any write to a published review: it is read-only until someone reopens it. */
export const publishedConflict = (review: Pick<Review, 'id'>) =>
  new AppError(
    'conflict',
    `Review ${review.id} is published and read-only: reopen it first (POST /api/reviews/${review.id}/transitions with {"to": "in_review", "reason": "..."})`,
  );

export interface EditOptions {
  /** What a caller who may not see the review is told is missing (the record they asked for). */
  missing?: () => AppError;
  /** Writes that stay open after publishing (an action item's progress), decided by the caller. */
  allowPublished?: boolean;
}

/**
 * The review, read inside the transaction of a write to it or one of its parts: 404 (as
 * `missing`) when the caller may not see it, 409 when it is published. The row is share-locked on
 * PostgreSQL until the transaction ends, so a concurrent transition (which updates the row) waits
 * for the write, and the write never lands on a review that was published meanwhile.
 */
export async function reviewForEdit(ctx: AppContext, trx: Executor, reviewId: number, options: EditOptions = {}): Promise<Review> {
  const row = await repo.findReviewForEdit(trx, reviewId);
  if (!row || !(await canSeeIncident(ctx, ctx.actor, row.incident_id, trx))) throw options.missing?.() ?? notFound('Review', reviewId);
  const review = toReview(row, ctx.now());
  if (isReadOnlyState(review.state) && !options.allowPublished) throw publishedConflict(review);
  return review;
}

/** For writes to an incident's timeline, which is part of its review: refused while that review is published. */
export async function checkIncidentReviewEditable(trx: Executor, incidentId: number): Promise<void> {
  const row = await repo.findReviewStateOfIncident(trx, incidentId);
  if (row && isReadOnlyState(row.state as Review['state'])) throw publishedConflict({ id: row.id });
}

/** A change to record once the write is done: its event and what the audit log keeps. */
export interface PartChange {
  event: DomainEvent;
  audit: AuditedChange;
}

/** Runs `work` in a write transaction on a review that may be edited (see reviewForEdit), then records its change. */
export function editReview<T>(
  ctx: AppContext,
  reviewId: number,
  work: (trx: Executor, review: Review) => Promise<{ result: T; change: PartChange | null }>,
  options: EditOptions = {},
): Promise<T> {
  return writeTransaction(ctx.db, async (trx) => {
    const review = await reviewForEdit(ctx, trx, reviewId, options);
    const { result, change } = await work(trx, review);
    if (change) await recordChange(ctx, trx, change.event, change.audit);
    return result;
  });
}

/** A kind of versioned record that belongs to a review (a factor, a five-whys chain, an action item). */
export interface PartRecords<T extends { version: number; reviewId: number }> {
  /** As people say it: "Factor", "Five-whys chain". */
  what: string;
  read(db: Executor, id: number): Promise<T | null>;
}

/**
 * The sequence every change to a versioned part record follows, written once: read it in the
 * transaction (404 when missing or not visible), check its review may be edited, check the version
 * the caller read (409 with the record as it is now), write, read it again, and record the change
 * (audit entry and event). `write` returns false when its conditional update found a newer version.
 * `after` is null once `write` deleted the record.
 */
export function editPartRecord<T extends { version: number; reviewId: number }>(
  ctx: AppContext,
  records: PartRecords<T>,
  id: number,
  version: number,
  write: (trx: Executor, current: T, review: Review) => Promise<boolean>,
  change: (current: T, after: T | null, review: Review) => PartChange | null,
  options: { allowPublished?: (current: T) => boolean } = {},
): Promise<T | null> {
  const missing = () => notFound(records.what, id);
  return writeTransaction(ctx.db, async (trx) => {
    const current = await records.read(trx, id);
    if (!current) throw missing();
    const review = await reviewForEdit(ctx, trx, current.reviewId, { missing, allowPublished: options.allowPublished?.(current) ?? false });
    if (current.version !== version || !(await write(trx, current, review))) {
      throw versionConflict(`${records.what} ${id}`, await records.read(trx, id), version);
    }
    const after = await records.read(trx, id);
    const recorded = change(current, after, review);
    if (recorded) await recordChange(ctx, trx, recorded.event, recorded.audit);
    return after;
  });
}
