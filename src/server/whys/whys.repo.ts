import type { Expression, ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import { versionedRowsSummary } from '../db/fingerprint.js';
import type { Database, ReviewWhysTable } from '../db/schema.js';
import type { Executor } from '../context.js';

export type WhysRow = Selectable<ReviewWhysTable>;
export type WhysValues = Omit<Insertable<ReviewWhysTable>, 'id' | 'version'>;
export interface WhysFactorLinkRow {
  whys_id: number;
  factor_id: number;
}

export async function insertWhys(db: Executor, values: WhysValues): Promise<number> {
  const { id } = await db.insertInto('review_whys').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const findWhys = (db: Executor, id: number) => db.selectFrom('review_whys').selectAll().where('id', '=', id).executeTakeFirst();

export const listWhys = (db: Executor, reviewId: number) =>
  db.selectFrom('review_whys').selectAll().where('review_id', '=', reviewId).orderBy('position', 'asc').orderBy('id', 'asc').execute();

/** The position after the review's last chain. */
export async function nextPosition(db: Executor, reviewId: number): Promise<number> {
  const row = await db
    .selectFrom('review_whys')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Factor links of one chain, or of every chain of a review in one query. */
export function listFactorLinks(db: Executor, of: { whysId: number } | { reviewId: number }): Promise<WhysFactorLinkRow[]> {
  const select = db.selectFrom('review_whys_factors').select(['whys_id', 'factor_id']);
  const scoped =
    'whysId' in of
      ? select.where('whys_id', '=', of.whysId)
      : select.where('whys_id', 'in', (eb) => eb.selectFrom('review_whys').select('id').where('review_id', '=', of.reviewId));
  return scoped.orderBy('whys_id').orderBy('factor_id').execute();
}

export async function replaceFactorLinks(db: Executor, whysId: number, factorIds: number[]): Promise<void> {
  await db.deleteFrom('review_whys_factors').where('whys_id', '=', whysId).execute();
  const rows = [...new Set(factorIds)].map((factor_id) => ({ whys_id: whysId, factor_id }));
  if (rows.length > 0) await db.insertInto('review_whys_factors').values(rows).execute();
}

/** Updates only when the stored version is still `version`; returns false when someone changed it first. */
export async function updateWhys(db: Executor, id: number, version: number, values: Updateable<ReviewWhysTable>): Promise<boolean> {
  const result = await db
    .updateTable('review_whys')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteWhys(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('review_whys').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The rows of the review aliased `r`, for the document cache key. */
export const whysFingerprint = (eb: ExpressionBuilder<Database & { r: Database['reviews'] }, 'r'>): Expression<string> =>
  eb.selectFrom('review_whys as p').select(versionedRowsSummary('p').as('s')).whereRef('p.review_id', '=', 'r.id').$asScalar() as Expression<string>;

/** The chains that name a factor. */
export const listWhysIdsOfFactor = async (db: Executor, factorId: number): Promise<number[]> =>
  (await db.selectFrom('review_whys_factors').select('whys_id').where('factor_id', '=', factorId).execute()).map((row) => row.whys_id);

/** A change that applies whatever the version (a deleted factor dropped from the chain), bumping it. */
export async function touchWhys(db: Executor, id: number, nowIso: string): Promise<void> {
  await db.updateTable('review_whys').set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso })).where('id', '=', id).execute();
}
