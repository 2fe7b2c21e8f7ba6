import type { Insertable } from 'kysely';
import type { Executor } from '../context.js';
import type { ReviewSignOffsTable } from '../db/schema.js';

/** The reviewers of a review with their names and who asked them, in the order they were asked. */
export const listSignOffs = (db: Executor, reviewId: number) =>
  db
    .selectFrom('review_sign_offs as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('users as by', 'by.id', 's.requested_by_user_id')
    .selectAll('s')
    .select(['u.name as reviewer_name', 'by.name as requested_by_name'])
    .where('s.review_id', '=', reviewId)
    .orderBy('s.requested_at')
    .orderBy('s.user_id')
    .execute();

export type SignOffRow = Awaited<ReturnType<typeof listSignOffs>>[number];

/** Asks a reviewer; false when they were already asked. */
export async function insertSignOff(db: Executor, values: Insertable<ReviewSignOffsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('review_sign_offs')
    .values(values)
    .onConflict((oc) => oc.columns(['review_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function decideSignOff(db: Executor, reviewId: number, userId: number, values: { status: string; note: string | null; decided_at: string }): Promise<boolean> {
  const result = await db.updateTable('review_sign_offs').set(values).where('review_id', '=', reviewId).where('user_id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteSignOff(db: Executor, reviewId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('review_sign_offs').where('review_id', '=', reviewId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
