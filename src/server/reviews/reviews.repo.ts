import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ReviewListQuery } from '../../shared/reviews/review.schema.js';
import type { Executor } from '../context.js';
import type { ReviewsTable } from '../db/schema.js';

export type ReviewRow = Selectable<ReviewsTable>;

/** Inserts the incident's review unless it already has one; returns whether this call created it. */
export async function insertReviewOnce(db: Executor, values: Insertable<ReviewsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('reviews')
    .values(values)
    .onConflict((oc) => oc.column('incident_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const findReview = (db: Executor, id: number) => db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();

export const findReviewOfIncident = (db: Executor, incidentId: number) =>
  db.selectFrom('reviews').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();

export async function updateReview(db: Executor, id: number, version: number, values: Updateable<ReviewsTable>): Promise<boolean> {
  const result = await db
    .updateTable('reviews')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listReviews(db: Executor, query: ReviewListQuery, nowMs: number, afterId: number | null): Promise<ReviewRow[]> {
  let select = db.selectFrom('reviews').selectAll();
  if (query.state?.length) select = select.where('state', 'in', query.state);
  if (query.owner) select = select.where('owner', '=', query.owner);
  if (query.overdue !== undefined) {
    select = query.overdue
      ? select.where('state', '!=', 'published').where('due_at_ms', '<', nowMs)
      : select.where((eb) => eb.or([eb('state', '=', 'published'), eb('due_at_ms', 'is', null), eb('due_at_ms', '>=', nowMs)]));
  }
  if (afterId !== null) select = select.where('id', '<', afterId);
  return select.orderBy('id', 'desc').limit(query.limit + 1).execute();
}

/** Reviews past their due date and not yet published, the most overdue first. */
export const listOverdueReviews = (db: Executor, nowMs: number) =>
  db
    .selectFrom('reviews')
    .selectAll()
    .where('state', '!=', 'published')
    .where('due_at_ms', '<', nowMs)
    .orderBy('due_at_ms', 'asc')
    .orderBy('id', 'asc')
    .limit(1000)
    .execute();
