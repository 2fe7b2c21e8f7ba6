import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool, Updateable } from 'kysely';
import { versionedRowsSummary } from '../db/fingerprint.js';
import type { Database, ReviewFactorsTable } from '../db/schema.js';
import type { Executor } from '../context.js';

export type FactorRow = Selectable<ReviewFactorsTable>;
export type FactorValues = Omit<Insertable<ReviewFactorsTable>, 'id' | 'version'>;
export interface TimelineLinkRow {
  factor_id: number;
  timeline_entry_id: number;
}

export async function insertFactor(db: Executor, values: FactorValues): Promise<number> {
  const { id } = await db.insertInto('review_factors').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const findFactor = (db: Executor, id: number) => db.selectFrom('review_factors').selectAll().where('id', '=', id).executeTakeFirst();

export const listFactors = (db: Executor, reviewId: number) =>
  db.selectFrom('review_factors').selectAll().where('review_id', '=', reviewId).orderBy('id', 'asc').execute();

export const listFactorIds = async (db: Executor, reviewId: number): Promise<number[]> =>
  (await db.selectFrom('review_factors').select('id').where('review_id', '=', reviewId).execute()).map((row) => row.id);

/** Timeline links of one factor, or of every factor of a review in one query. */
export function listTimelineLinks(db: Executor, of: { factorId: number } | { reviewId: number }): Promise<TimelineLinkRow[]> {
  const select = db.selectFrom('review_factor_timeline_entries').select(['factor_id', 'timeline_entry_id']);
  const scoped =
    'factorId' in of
      ? select.where('factor_id', '=', of.factorId)
      : select.where('factor_id', 'in', (eb) => eb.selectFrom('review_factors').select('id').where('review_id', '=', of.reviewId));
  return scoped.orderBy('factor_id').orderBy('timeline_entry_id').execute();
}

export async function replaceTimelineLinks(db: Executor, factorId: number, entryIds: number[]): Promise<void> {
  await db.deleteFrom('review_factor_timeline_entries').where('factor_id', '=', factorId).execute();
  const rows = [...new Set(entryIds)].map((timeline_entry_id) => ({ factor_id: factorId, timeline_entry_id }));
  if (rows.length > 0) await db.insertInto('review_factor_timeline_entries').values(rows).execute();
}

/** Updates only when the stored version is still `version`; returns false when someone changed it first. */
export async function updateFactor(db: Executor, id: number, version: number, values: Updateable<ReviewFactorsTable>): Promise<boolean> {
  const result = await db
    .updateTable('review_factors')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteFactor(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('review_factors').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The rows of the review aliased `r`, for the document cache key. */
export const factorsFingerprint = (eb: ExpressionBuilder<Database & { r: Database['reviews'] }, 'r'>): Expression<string> =>
  eb.selectFrom('review_factors as p').select(versionedRowsSummary('p').as('s')).whereRef('p.review_id', '=', 'r.id').$asScalar() as Expression<string>;

/** Incidents `visible` allows with a contributor of one of `categories`, started in [fromMs, untilMs): the most recent first. */
export const incidentsWithContributorCategories = (db: Executor, visible: Expression<SqlBool>, categories: string[], range: { fromMs?: number; untilMs?: number }, limit: number) =>
  db
    .selectFrom('review_factors')
    .innerJoin('reviews', 'reviews.id', 'review_factors.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select(['review_factors.category', 'incidents.id', 'incidents.title', 'incidents.started_at_ms'])
    .distinct()
    .where('review_factors.kind', '=', 'contributor')
    .where('review_factors.category', 'in', categories)
    .$if(range.fromMs !== undefined, (q) => q.where('incidents.started_at_ms', '>', range.fromMs!))
    .$if(range.untilMs !== undefined, (q) => q.where('incidents.started_at_ms', '<', range.untilMs!))
    .where(visible)
    .orderBy('incidents.started_at_ms', 'desc')
    .limit(limit)
    .execute();
