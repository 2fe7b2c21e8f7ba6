import type { Insertable } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { Executor } from '../context.js';
import type { WhyLinksTable } from '../db/schema.js';
import { placedFactors, type PlacedFactorRow } from '../factors/earlier-factors.js';

/** The chain's review and when its incident started, for the "earlier incident" rule. */
export const findPlacedWhys = (db: Executor, whysId: number) =>
  db
    .selectFrom('review_whys')
    .innerJoin('reviews', 'reviews.id', 'review_whys.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select(['review_whys.review_id', 'incidents.started_at_ms'])
    .where('review_whys.id', '=', whysId)
    .executeTakeFirst();

/** False when the link was already there. */
export async function insertLink(db: Executor, values: Insertable<WhyLinksTable>): Promise<boolean> {
  const inserted = await db.insertInto('why_links').values(values).onConflict((oc) => oc.doNothing()).returning('whys_id').executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteLink(db: Executor, whysId: number, toFactorId: number): Promise<boolean> {
  const result = await db.deleteFrom('why_links').where('whys_id', '=', whysId).where('to_factor_id', '=', toFactorId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The factors the chains `whysIds` link to, on incidents `actor` may see (filtered in the query). */
export async function listLinkedTo(db: Executor, actor: Actor | null, whysIds: number[]): Promise<Array<PlacedFactorRow & { whys_id: number }>> {
  if (whysIds.length === 0) return [];
  return placedFactors(db, actor)
    .innerJoin('why_links', 'why_links.to_factor_id', 'review_factors.id')
    .select('why_links.whys_id')
    .where('why_links.whys_id', 'in', whysIds)
    .orderBy('incidents.started_at_ms', 'desc')
    .orderBy('review_factors.id')
    .execute();
}

/** Every factor the chain links to, visible or not: suggestions leave them out. */
export const listLinkedIds = async (db: Executor, whysId: number): Promise<number[]> =>
  (await db.selectFrom('why_links').select('to_factor_id').where('whys_id', '=', whysId).execute()).map((row) => row.to_factor_id);

/** Category and tags of the review's own factors the chain relates to, for suggestions. */
export const listOwnFactorTerms = (db: Executor, whysId: number) =>
  db
    .selectFrom('review_factors')
    .innerJoin('review_whys_factors', 'review_whys_factors.factor_id', 'review_factors.id')
    .select(['review_factors.category', 'review_factors.tags'])
    .where('review_whys_factors.whys_id', '=', whysId)
    .execute();

