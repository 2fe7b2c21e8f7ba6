import type { Expression, ExpressionBuilder, Insertable, Selectable } from 'kysely';
import { versionedRowsSummary } from '../db/fingerprint.js';
import type { Database, ReviewAnswersTable } from '../db/schema.js';
import type { Executor } from '../context.js';

export type AnswerRow = Selectable<ReviewAnswersTable>;

export const listAnswers = (db: Executor, reviewId: number) =>
  db.selectFrom('review_answers').selectAll().where('review_id', '=', reviewId).execute();

export const findAnswer = (db: Executor, reviewId: number, key: string) =>
  db.selectFrom('review_answers').selectAll().where('review_id', '=', reviewId).where('question_key', '=', key).executeTakeFirst();

/** Inserts the first answer; returns false when someone else answered first. */
export async function insertAnswer(db: Executor, values: Insertable<ReviewAnswersTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('review_answers')
    .values(values)
    .onConflict((oc) => oc.columns(['review_id', 'question_key']).doNothing())
    .returning('review_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateAnswer(db: Executor, reviewId: number, key: string, version: number, values: { answer: string; updated_at: string }) {
  const result = await db
    .updateTable('review_answers')
    .set({ ...values, version: version + 1 })
    .where('review_id', '=', reviewId)
    .where('question_key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteAnswer(db: Executor, reviewId: number, key: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('review_answers')
    .where('review_id', '=', reviewId)
    .where('question_key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The rows of the review aliased `r`, for the document cache key. */
export const answersFingerprint = (eb: ExpressionBuilder<Database & { r: Database['reviews'] }, 'r'>): Expression<string> =>
  eb.selectFrom('review_answers as p').select(versionedRowsSummary('p').as('s')).whereRef('p.review_id', '=', 'r.id').$asScalar() as Expression<string>;
