import { roleAtLeast } from '../../shared/accounts/roles.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { ReviewCommentChange } from '../../shared/events/domain-events.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { CommentCreate, CommentListQuery, CommentThread, CommentUpdate, ReviewComment } from '../../shared/review-comments/review-comment.schema.js';
import type { AppContext, Executor } from '../context.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import { resolveMentions } from '../people/people.service.js';
import { editReview, type PartChange } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { checkAnchor } from './comment-anchors.js';
import { toComment, toThreads } from './review-comment.mapper.js';
import * as repo from './review-comments.repo.js';

/** A review's comment threads (F10), filtered by part, item and whether they are open. */
export async function listThreads(ctx: AppContext, reviewId: number, query: CommentListQuery = {}): Promise<CommentThread[]> {
  const review = await getReview(ctx, reviewId);
  return toThreads(await repo.listComments(ctx.db, review.id)).filter(
    (thread) =>
      (query.part === undefined || thread.anchor.part === query.part) &&
      (query.itemId === undefined || thread.anchor.itemId === query.itemId) &&
      (query.status === undefined || (query.status === 'open') === (thread.resolvedAt === null)),
  );
}

/** Every thread of the review, for the async review's state (the caller has checked visibility). */
export const readThreadsOfReview = async (db: Executor, reviewId: number): Promise<CommentThread[]> => toThreads(await repo.listComments(db, reviewId));

export { listCommentAuthorIds } from './review-comments.repo.js';

const auditVerbs: Record<ReviewCommentChange, string> = { created: 'create', updated: 'update', deleted: 'delete', resolved: 'resolve', reopened: 'reopen' };

function commentChange(review: Review, before: ReviewComment | null, after: ReviewComment | null, change: ReviewCommentChange): PartChange {
  const comment = (after ?? before)!;
  const mentions = change === 'created' || change === 'updated' ? comment.mentions.flatMap((p) => (p.userId === null ? [] : [p.userId])) : [];
  return {
    event: { type: 'review_comment.changed', incidentId: review.incidentId, reviewId: review.id, commentId: comment.id, threadId: comment.threadId, change, mentions },
    audit: { action: `review_comment.${auditVerbs[change]}`, entityType: 'review_comment', entityId: comment.id, before, after },
  };
}

/** A comment of this review, read in the transaction: 404 when it is another review's. */
async function readComment(trx: Executor, review: Review, commentId: number) {
  const row = await repo.findComment(trx, commentId);
  if (!row || row.review_id !== review.id) throw notFound('Comment', commentId);
  return row;
}

/**
 * A new thread on an anchor, or a reply in a thread (a reply to a reply joins the same thread).
 * The people it @mentions are resolved to users and named in its event, for notifications.
 */
export async function addComment(ctx: AppContext, reviewId: number, input: CommentCreate): Promise<ReviewComment> {
  const review = await getReview(ctx, reviewId);
  if (input.anchor) await checkAnchor(ctx, review, input.anchor);
  const mentions = await resolveMentions(ctx.db, input.text);
  const actor = ctx.actor!;
  return editReview(ctx, review.id, async (trx) => {
    let thread: { id: number; part: string; item_id: string | null } | null = null;
    if (input.parentId !== undefined) {
      const parent = await repo.findComment(trx, input.parentId);
      if (!parent || parent.review_id !== review.id) throw invalidField('parentId', `no comment ${input.parentId} in review ${review.id}`);
      thread = parent.thread_id === null ? parent : ((await repo.findComment(trx, parent.thread_id)) ?? null);
      if (!thread) throw invalidField('parentId', `no comment ${input.parentId} in review ${review.id}`);
    }
    const nowIso = ctx.now().toISOString();
    const id = await repo.insertComment(trx, {
      review_id: review.id,
      thread_id: thread?.id ?? null,
      part: thread?.part ?? input.anchor!.part,
      item_id: thread ? thread.item_id : input.anchor!.itemId,
      author: actor.name,
      author_user_id: actor.userId,
      text: input.text,
      mentions: JSON.stringify(mentions),
      for_meeting: input.forMeeting ? 1 : 0,
      resolved_at: null,
      resolved_by: null,
      resolved_by_user_id: null,
      created_at: nowIso,
      updated_at: nowIso,
    });
    const created = toComment((await repo.findComment(trx, id))!);
    return { result: created, change: commentChange(review, null, created, 'created') };
  });
}

/** Writes to one comment: read it in the transaction, check its version, write, read it back, record the change. */
function changeComment(
  ctx: AppContext,
  reviewId: number,
  commentId: number,
  version: number,
  write: (trx: Executor, current: ReviewComment, review: Review) => Promise<{ values: Parameters<typeof repo.updateComment>[3]; change: ReviewCommentChange } | null>,
): Promise<ReviewComment> {
  return editReview(ctx, reviewId, async (trx, review) => {
    const current = toComment(await readComment(trx, review, commentId));
    if (current.version !== version) throw versionConflict(`Comment ${commentId}`, current, version);
    const planned = await write(trx, current, review);
    if (!planned) return { result: current, change: null };
    if (!(await repo.updateComment(trx, commentId, version, { ...planned.values, updated_at: ctx.now().toISOString() }))) {
      throw versionConflict(`Comment ${commentId}`, toComment(await readComment(trx, review, commentId)), version);
    }
    const after = toComment((await repo.findComment(trx, commentId))!);
    return { result: after, change: commentChange(review, current, after, planned.change) };
  });
}

const isAuthor = (ctx: AppContext, comment: ReviewComment) => ctx.actor?.userId != null && comment.author.userId === ctx.actor.userId;

/** The author edits the text (mentions follow it); anyone who may write flags a thread for the meeting. */
export async function updateComment(ctx: AppContext, reviewId: number, commentId: number, update: CommentUpdate): Promise<ReviewComment> {
  const mentions = update.text === undefined ? null : await resolveMentions(ctx.db, update.text);
  return changeComment(ctx, reviewId, commentId, update.version, async (_trx, current) => {
    if (update.text !== undefined && update.text !== current.text && !isAuthor(ctx, current)) throw new AppError('forbidden', 'Only its author can edit a comment');
    if (update.forMeeting !== undefined && current.parentId !== null) throw invalidField('forMeeting', 'only a thread (not a reply) is flagged for the meeting');
    const textChanged = update.text !== undefined && update.text !== current.text;
    const flagChanged = update.forMeeting !== undefined && update.forMeeting !== current.forMeeting;
    if (!textChanged && !flagChanged) return null;
    return {
      values: {
        ...(textChanged ? { text: update.text!, mentions: JSON.stringify(mentions), edited: 1 } : {}),
        ...(flagChanged ? { for_meeting: update.forMeeting ? 1 : 0 } : {}),
      },
      change: 'updated',
    };
  });
}

/** Resolves (or reopens) a thread, keeping who and when. */
export function setResolved(ctx: AppContext, reviewId: number, commentId: number, version: number, resolved: boolean): Promise<ReviewComment> {
  return changeComment(ctx, reviewId, commentId, version, async (_trx, current) => {
    if (current.parentId !== null) throw new AppError('conflict', `Comment ${commentId} is a reply: ${resolved ? 'resolve' : 'reopen'} its thread, comment ${current.threadId}`);
    if ((current.resolvedAt !== null) === resolved) throw new AppError('conflict', `Thread ${commentId} is already ${resolved ? 'resolved' : 'open'}`, { current });
    const actor = ctx.actor!;
    return {
      values: resolved
        ? { resolved_at: ctx.now().toISOString(), resolved_by: actor.name, resolved_by_user_id: actor.userId }
        : { resolved_at: null, resolved_by: null, resolved_by_user_id: null },
      change: resolved ? 'resolved' : 'reopened',
    };
  });
}

/** Its author or an admin deletes a comment; deleting a thread's first comment deletes the thread. */
export function deleteComment(ctx: AppContext, reviewId: number, commentId: number, version: number): Promise<void> {
  return editReview(ctx, reviewId, async (trx, review) => {
    const current = toComment(await readComment(trx, review, commentId));
    if (!isAuthor(ctx, current) && !roleAtLeast(ctx.actor?.role ?? 'viewer', 'admin')) throw new AppError('forbidden', 'Only its author or an admin can delete a comment');
    if (current.version !== version || !(await repo.deleteComment(trx, commentId, version))) throw versionConflict(`Comment ${commentId}`, current, version);
    return { result: undefined, change: commentChange(review, current, null, 'deleted') };
  });
}
