import type { Executor } from '../context.js';
import type { IndexedReview } from './search-document.js';

/** Puts a review in the index as it is now, replacing what was there (safe to repeat). */
export async function replaceIndexedReview(db: Executor, { row, facets }: IndexedReview): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { review_id: _reviewId, ...changes } = row;
    await trx.insertInto('search_documents').values(row).onConflict((oc) => oc.column('review_id').doUpdateSet(changes)).execute();
    await trx.deleteFrom('search_facets').where('review_id', '=', row.review_id).execute();
    if (facets.length) await trx.insertInto('search_facets').values(facets).execute();
  });
}

/** Many reviews at once (the full reindex, the benchmark's seed): one statement per table per batch. */
export async function insertIndexedReviews(db: Executor, reviews: readonly IndexedReview[]): Promise<void> {
  if (!reviews.length) return;
  const ids = reviews.map((review) => review.row.review_id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_documents').where('review_id', 'in', ids).execute();
    await trx.deleteFrom('search_facets').where('review_id', 'in', ids).execute();
    await trx.insertInto('search_documents').values(reviews.map((review) => review.row)).execute();
    const facets = reviews.flatMap((review) => review.facets);
    for (let i = 0; i < facets.length; i += 500) await trx.insertInto('search_facets').values(facets.slice(i, i + 500)).execute();
  });
}

export async function deleteIndexedReviewOfIncident(db: Executor, incidentId: number): Promise<void> {
  const row = await db.selectFrom('search_documents').select('review_id').where('incident_id', '=', incidentId).executeTakeFirst();
  if (!row) return;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_facets').where('review_id', '=', row.review_id).execute();
    await trx.deleteFrom('search_documents').where('review_id', '=', row.review_id).execute();
  });
}

/** Reviews after `afterId` in id order that the index does not hold yet. */
export async function unindexedReviewIds(db: Executor, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('reviews')
    .leftJoin('search_documents', 'search_documents.review_id', 'reviews.id')
    .select('reviews.id')
    .where('reviews.id', '>', afterId)
    .where('search_documents.review_id', 'is', null)
    .orderBy('reviews.id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Whether some review is missing from the index (after the migration, or a lost job). */
export async function indexIsBehind(db: Executor): Promise<boolean> {
  return (await unindexedReviewIds(db, 0, 1)).length > 0;
}
