import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { ReviewListQuery } from '../../shared/reviews/review.schema.js';
import type { Executor } from '../context.js';
import { dialectOf } from '../db/dialect.js';
import type { OwnerFilter } from '../people/person.mapper.js';
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

/** The review, share-locked until the transaction ends on PostgreSQL (see review-edits.ts). */
export function findReviewForEdit(db: Executor, id: number): Promise<ReviewRow | undefined> {
  const select = selectReviews(db).where('reviews.id', '=', id);
  return (dialectOf(db) === 'postgres' ? select.forShare('reviews') : select).executeTakeFirst();
}

export const findReviewStateOfIncident = (db: Executor, incidentId: number) =>
  db.selectFrom('reviews').select(['id', 'state']).where('incident_id', '=', incidentId).executeTakeFirst();

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

/** Moves the review from state `from` to `to`, bumping its version; false when it is no longer in `from`. */
export async function moveReviewState(db: Executor, id: number, from: string, to: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('reviews')
    .set((eb) => ({ state: to, version: eb('version', '+', 1), updated_at: now.toISOString(), ...(to === 'published' ? { published_at_ms: now.getTime() } : {}) }))
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A derived value, not an edit: it neither checks nor bumps the version. */
export async function saveQualityScore(db: Executor, id: number, score: number): Promise<void> {
  await db.updateTable('reviews').set({ quality_score: score }).where('id', '=', id).where('quality_score', 'is distinct from', score).execute();
}

export async function listReviews(db: Executor, query: Omit<ReviewListQuery, 'owner'> & { owner?: OwnerFilter | undefined }, visible: Expression<SqlBool>, nowMs: number, afterId: number | null): Promise<ReviewRow[]> {
  let select = selectReviews(db).where(visible);
  if (query.state?.length) select = select.where('reviews.state', 'in', query.state);
  if (query.owner) {
    const { owner } = query;
    select = 'userId' in owner ? select.where('reviews.owner_user_id', '=', owner.userId) : select.where(sql<string>`lower(reviews.owner)`, '=', owner.name.toLowerCase());
  }
  if (query.overdue !== undefined) {
    select = query.overdue
      ? select.where('reviews.state', '!=', 'published').where('reviews.due_at_ms', '<', nowMs)
      : select.where((eb) => eb.or([eb('reviews.state', '=', 'published'), eb('reviews.due_at_ms', 'is', null), eb('reviews.due_at_ms', '>=', nowMs)]));
  }
  if (query.updatedSince) select = select.where('reviews.updated_at', '>=', new Date(query.updatedSince).toISOString());
  if (afterId !== null) select = select.where('reviews.id', '<', afterId);
  return select.orderBy('reviews.id', 'desc').limit(query.limit + 1).execute();
}

/** How many reviews are past their due date and not yet published. */
export async function countOverdueReviews(db: Executor, visible: Expression<SqlBool>, nowMs: number): Promise<number> {
  const row = await db
    .selectFrom('reviews')
    .where(visible)
    .where('reviews.state', '!=', 'published')
    .where('reviews.due_at_ms', '<', nowMs)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
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
