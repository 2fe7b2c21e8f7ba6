import type { PersonRef } from '../../shared/accounts/person.schema.js';
import type { PartKey } from '../../shared/reviews/review-part.js';
import type { CommentThread, ReviewComment } from '../../shared/review-comments/review-comment.schema.js';
import type { CommentRow } from './review-comments.repo.js';

const person = (userId: number | null, current: string | null, stored: string): PersonRef => ({ userId, name: current ?? stored });

export const toComment = (row: CommentRow): ReviewComment => ({
  id: row.id,
  reviewId: row.review_id,
  threadId: row.thread_id ?? row.id,
  parentId: row.thread_id,
  anchor: { part: row.part as PartKey, itemId: row.item_id },
  author: person(row.author_user_id, row.author_name, row.author),
  text: row.text,
  mentions: JSON.parse(row.mentions) as PersonRef[],
  forMeeting: row.for_meeting === 1,
  resolvedBy: row.resolved_at === null ? null : person(row.resolved_by_user_id, row.resolver_name, row.resolved_by ?? ''),
  resolvedAt: row.resolved_at,
  edited: row.edited === 1,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Rows in id order into threads: each thread's first comment with its replies. */
export function toThreads(rows: CommentRow[]): CommentThread[] {
  const threads = new Map<number, CommentThread>();
  for (const row of rows) {
    const comment = toComment(row);
    if (row.thread_id === null) threads.set(row.id, { ...comment, replies: [] });
    else threads.get(row.thread_id)?.replies.push(comment);
  }
  return [...threads.values()];
}
