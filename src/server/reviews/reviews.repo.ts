import type { Expression, Insertable, Selectable, SqlBool, Updateable } from 'kysely';
import type { ReviewListQuery } from '../../shared/reviews/review.schema.js';
import type { Executor } from '../context.js';
import type { ReviewsTable } from '../db/schema.js';

export type ReviewRow = Selectable<ReviewsTable> & { incident_title: string; incident_severity: string };

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

/** Reviews with the title and severity of their incident, which every list of reviews shows. */
const selectReviews = (db: Executor) =>
  db
    .selectFrom('reviews')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .selectAll('reviews')
    .select(['incidents.title as incident_title', 'incidents.severity as incident_severity']);

export const findReview = (db: Executor, id: number): Promise<ReviewRow | undefined> => selectReviews(db).where('reviews.id', '=', id).executeTakeFirst();

export const findReviewOfIncident = (db: Executor, incidentId: number): Promise<ReviewRow | undefined> =>
  selectReviews(db).where('reviews.incident_id', '=', incidentId).executeTakeFirst();

export async function updateReview(db: Executor, id: number, version: number, values: Updateable<ReviewsTable>): Promise<boolean> {
  const result = await db
    .updateTable('reviews')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A derived value, not an edit: it neither checks nor bumps the version. */
export async function saveQualityScore(db: Executor, id: number, score: number): Promise<void> {
  await db.updateTable('reviews').set({ quality_score: score }).where('id', '=', id).where('quality_score', 'is distinct from', score).execute();
}

export async function listReviews(db: Executor, query: ReviewListQuery, visible: Expression<SqlBool>, nowMs: number, afterId: number | null): Promise<ReviewRow[]> {
  let select = selectReviews(db).where(visible);
  if (query.state?.length) select = select.where('reviews.state', 'in', query.state);
  if (query.owner) select = select.where('reviews.owner', '=', query.owner);
  if (query.overdue !== undefined) {
    select = query.overdue
      ? select.where('reviews.state', '!=', 'published').where('reviews.due_at_ms', '<', nowMs)
      : select.where((eb) => eb.or([eb('reviews.state', '=', 'published'), eb('reviews.due_at_ms', 'is', null), eb('reviews.due_at_ms', '>=', nowMs)]));
  }
  if (afterId !== null) select = select.where('reviews.id', '<', afterId);
  return select.orderBy('reviews.id', 'desc').limit(query.limit + 1).execute();
}

/** Reviews past their due date and not yet published, the most overdue first. */
export const listOverdueReviews = (db: Executor, visible: Expression<SqlBool>, nowMs: number): Promise<ReviewRow[]> =>
  selectReviews(db)
    .where(visible)
    .where('reviews.state', '!=', 'published')
    .where('reviews.due_at_ms', '<', nowMs)
    .orderBy('reviews.due_at_ms', 'asc')
    .orderBy('reviews.id', 'asc')
    .limit(1000)
    .execute();
