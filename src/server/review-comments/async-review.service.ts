import { roleAtLeast, type Role } from '../../shared/accounts/roles.js';
import { AppError } from '../../shared/errors.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { asyncReviewVerdict, type AsyncReviewVerdict } from '../../shared/review-comments/async-review.js';
import type { AsyncReviewState, ReviewerRequest, SignOff, SignOffDecision, SignOffStatus } from '../../shared/review-comments/sign-off.schema.js';
import type { AppContext, Executor } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { invalidField } from '../http/version-conflict.js';
import { resolvePeople } from '../people/people.service.js';
import { editReview, type PartChange } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { listOpenThreads } from './review-comments.repo.js';
import { readThreadsOfReview } from './review-comments.service.js';
import * as repo from './sign-offs.repo.js';

const toSignOff = (row: repo.SignOffRow): SignOff => ({
  reviewer: { userId: row.user_id, name: row.reviewer_name },
  status: row.status as SignOffStatus,
  note: row.note,
  requestedBy: row.requested_by_user_id === null ? null : { userId: row.requested_by_user_id, name: row.requested_by_name ?? '' },
  requestedAt: row.requested_at,
  decidedAt: row.decided_at,
});

/** Whether the review's async review is complete, and what is left (shared/review-comments/async-review.ts). */
export async function asyncReviewVerdictOf(db: Executor, reviewId: number): Promise<AsyncReviewVerdict> {
  const [reviewers, open] = await Promise.all([repo.listSignOffs(db, reviewId), listOpenThreads(db, reviewId)]);
  return asyncReviewVerdict({ reviewers: reviewers.map((r) => ({ name: r.reviewer_name, status: r.status as SignOffStatus })), openThreads: open.map((t) => ({ forMeeting: t.for_meeting === 1 })) });
}

/** The requested reviewers' user ids: people involved in the review. */
export const listReviewerIds = async (db: Executor, reviewId: number): Promise<number[]> => (await repo.listSignOffs(db, reviewId)).map((r) => r.user_id);

/** The async review: reviewers and their sign-offs, open threads, the questions for the meeting, and the verdict. */
export async function getAsyncReview(ctx: AppContext, reviewId: number): Promise<AsyncReviewState> {
  const review = await getReview(ctx, reviewId);
  const [rows, threads] = await Promise.all([repo.listSignOffs(ctx.db, review.id), readThreadsOfReview(ctx.db, review.id)]);
  const open = threads.filter((t) => t.resolvedAt === null);
  const verdict = asyncReviewVerdict({ reviewers: rows.map((r) => ({ name: r.reviewer_name, status: r.status as SignOffStatus })), openThreads: open });
  return { ...verdict, reviewers: rows.map(toSignOff), openThreads: open.length, meetingQuestions: open.filter((t) => t.forMeeting) };
}

const signOffChange = (review: Review, userId: number, status: SignOffStatus | 'removed', before: unknown, after: unknown): PartChange => ({
  event: { type: 'sign_off.changed', incidentId: review.incidentId, reviewId: review.id, userId, status },
  audit: { action: `review.sign_off.${status}`, entityType: 'review_sign_off', entityId: `${review.id}:${userId}`, before, after },
});

/**
 * Asks accounts to review and sign off. Each must be able to write (a viewer cannot sign off);
 * someone already asked keeps their answer. One event per reviewer newly asked.
 */
export async function requestReviewers(ctx: AppContext, reviewId: number, request: ReviewerRequest): Promise<AsyncReviewState> {
  const ids = [...new Set(request.userIds)];
  const people = await resolvePeople(ctx.db, ids.map((userId, i) => ({ field: `userIds.${i}`, input: { userId } })));
  const roles = await rolesOf(ctx.db, ids);
  ids.forEach((id, i) => {
    if (!roleAtLeast(roles.get(id) ?? 'viewer', 'responder')) throw invalidField(`userIds.${i}`, `${people[i]!.name} is a viewer and cannot sign off: reviewers need the responder role`);
  });
  await editReview(ctx, reviewId, async (trx, review) => {
    const nowIso = ctx.now().toISOString();
    const changes: PartChange[] = [];
    for (const userId of ids) {
      const added = await repo.insertSignOff(trx, { review_id: review.id, user_id: userId, status: 'requested', note: null, requested_by_user_id: ctx.actor?.userId ?? null, requested_at: nowIso, decided_at: null });
      if (added) changes.push(signOffChange(review, userId, 'requested', null, { userId, status: 'requested' }));
    }
    // editReview records one change; the others are recorded here, in the same transaction.
    const [first, ...rest] = changes;
    for (const change of rest) await recordChange(ctx, trx, change.event, change.audit);
    return { result: undefined, change: first ?? null };
  });
  return getAsyncReview(ctx, reviewId);
}

async function rolesOf(db: Executor, ids: number[]): Promise<Map<number, Role>> {
  const rows = ids.length ? await db.selectFrom('users').select(['id', 'role']).where('id', 'in', ids).execute() : [];
  return new Map(rows.map((r) => [r.id, r.role as Role]));
}

export async function removeReviewer(ctx: AppContext, reviewId: number, userId: number): Promise<AsyncReviewState> {
  await editReview(ctx, reviewId, async (trx, review) => {
    if (!(await repo.deleteSignOff(trx, review.id, userId))) throw new AppError('not_found', `User ${userId} is not a reviewer of review ${review.id}`);
    return { result: undefined, change: signOffChange(review, userId, 'removed', { userId }, null) };
  });
  return getAsyncReview(ctx, reviewId);
}

/** The caller's own decision as a requested reviewer; requesting changes says what to change. */
export async function decideSignOff(ctx: AppContext, reviewId: number, decision: SignOffDecision): Promise<AsyncReviewState> {
  const userId = ctx.actor?.userId ?? null;
  const note = decision.note?.trim() || null;
  if (decision.decision === 'changes_requested' && !note) throw invalidField('note', 'say what to change when requesting changes');
  await editReview(ctx, reviewId, async (trx, review) => {
    const updated = userId !== null && (await repo.decideSignOff(trx, review.id, userId, { status: decision.decision, note, decided_at: ctx.now().toISOString() }));
    if (!updated) throw new AppError('forbidden', `You were not asked to review review ${review.id}: only its requested reviewers sign off`);
    return { result: undefined, change: signOffChange(review, userId, decision.decision, null, { userId, status: decision.decision, note }) };
  });
  return getAsyncReview(ctx, reviewId);
}
