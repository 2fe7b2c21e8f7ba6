import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../context.js';
import type { ReviewCommentsTable } from '../db/schema.js';

export type CommentRow = Selectable<ReviewCommentsTable> & { author_name: string | null; resolver_name: string | null };

/** Comments with their author's and resolver's current names (null for a name without an account). */
const selectComments = (db: Executor) =>
  db
    .selectFrom('review_comments as c')
    .leftJoin('users as a', 'a.id', 'c.author_user_id')
    .leftJoin('users as r', 'r.id', 'c.resolved_by_user_id')
    .selectAll('c')
    .select(['a.name as author_name', 'r.name as resolver_name']);

export const findComment = (db: Executor, id: number): Promise<CommentRow | undefined> => selectComments(db).where('c.id', '=', id).executeTakeFirst();

/** Every comment of a review, threads in the order they were started, replies in order after them. */
export const listComments = (db: Executor, reviewId: number): Promise<CommentRow[]> =>
  selectComments(db).where('c.review_id', '=', reviewId).orderBy('c.id').execute();

export async function insertComment(db: Executor, values: Insertable<ReviewCommentsTable>): Promise<number> {
  const row = await db.insertInto('review_comments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A conditional update: false when the comment is no longer at `version`. */
export async function updateComment(db: Executor, id: number, version: number, values: Updateable<ReviewCommentsTable>): Promise<boolean> {
  const result = await db
    .updateTable('review_comments')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a comment at `version` and, when it starts a thread, the thread's replies. */
export async function deleteComment(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('review_comments').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (result.numDeletedRows === 0n) return false;
  await db.deleteFrom('review_comments').where('thread_id', '=', id).execute();
  return true;
}

/** Open threads of a review: what the async review's gate counts. */
export const listOpenThreads = (db: Executor, reviewId: number) =>
  db.selectFrom('review_comments').select(['id', 'for_meeting']).where('review_id', '=', reviewId).where('thread_id', 'is', null).where('resolved_at', 'is', null).execute();

/** The accounts who wrote a comment on the review: people involved in it. */
export const listCommentAuthorIds = async (db: Executor, reviewId: number): Promise<number[]> =>
  (await db.selectFrom('review_comments').select('author_user_id').distinct().where('review_id', '=', reviewId).where('author_user_id', 'is not', null).execute()).map((r) => r.author_user_id!);
