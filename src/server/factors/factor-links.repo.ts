import type { Insertable } from 'kysely';
import type { Actor } from '../access/actor.js';
import { visibleIncidents } from '../access/visibility.js';
import type { Executor } from '../context.js';
import type { FactorLinksTable } from '../db/schema.js';

/** A factor with the incident it belongs to, for the API's linkedFactors and the checks on a new link. */
export interface PlacedFactorRow {
  factor_id: number;
  review_id: number;
  incident_id: number;
  started_at_ms: number;
  title: string;
  category: string | null;
}

/** Factors with their incident, only on incidents `actor` may see (filtered in the query). */
export const placedFactors = (db: Executor, actor: Actor | null) =>
  db
    .selectFrom('review_factors')
    .innerJoin('reviews', 'reviews.id', 'review_factors.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select([
      'review_factors.id as factor_id',
      'reviews.id as review_id',
      'incidents.id as incident_id',
      'incidents.started_at_ms',
      'review_factors.title',
      'review_factors.category',
    ])
    .where(visibleIncidents(actor));

/** The factor with its incident, when `actor` may see that incident. */
export const findPlacedFactor = (db: Executor, actor: Actor | null, factorId: number): Promise<PlacedFactorRow | undefined> =>
  placedFactors(db, actor).where('review_factors.id', '=', factorId).executeTakeFirst();

/** False when the link was already there. */
export async function insertLink(db: Executor, values: Insertable<FactorLinksTable>): Promise<boolean> {
  const inserted = await db.insertInto('factor_links').values(values).onConflict((oc) => oc.doNothing()).returning('from_factor_id').executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteLink(db: Executor, fromFactorId: number, toFactorId: number): Promise<boolean> {
  const result = await db.deleteFrom('factor_links').where('from_factor_id', '=', fromFactorId).where('to_factor_id', '=', toFactorId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The factors `factorIds` link to, on incidents `actor` may see (filtered in the query). */
export async function listLinkedTo(db: Executor, actor: Actor | null, factorIds: number[]): Promise<Array<PlacedFactorRow & { from_factor_id: number }>> {
  if (factorIds.length === 0) return [];
  return placedFactors(db, actor)
    .innerJoin('factor_links', 'factor_links.to_factor_id', 'review_factors.id')
    .select('factor_links.from_factor_id')
    .where('factor_links.from_factor_id', 'in', factorIds)
    .orderBy('incidents.started_at_ms', 'desc')
    .orderBy('review_factors.id')
    .execute();
}

/** The factors that link to `factorIds`, on incidents `actor` may see (filtered in the query). */
export async function listLinkedFrom(db: Executor, actor: Actor | null, factorIds: number[]): Promise<Array<PlacedFactorRow & { to_factor_id: number }>> {
  if (factorIds.length === 0) return [];
  return placedFactors(db, actor)
    .innerJoin('factor_links', 'factor_links.from_factor_id', 'review_factors.id')
    .select('factor_links.to_factor_id')
    .where('factor_links.to_factor_id', 'in', factorIds)
    .orderBy('incidents.started_at_ms', 'asc')
    .orderBy('review_factors.id')
    .execute();
}

export interface SuggestionQuery {
  startedBeforeMs: number;
  category: string | null;
  tags: string[];
  titleWords: string[];
  /** Factors already linked from the source: not suggested again. */
  excludeFactorIds: number[];
  limit: number;
}

/**
 * Factors of earlier incidents `actor` may see that share the category, a tag or a title word, not
 * yet linked; newest incident first. Tags are a JSON list of keys, so a tag matches as `"key"`.
 */
export function listSuggestions(db: Executor, actor: Actor | null, query: SuggestionQuery) {
  let select = placedFactors(db, actor)
    .select('review_factors.tags')
    .where('incidents.started_at_ms', '<', query.startedBeforeMs)
    .where((eb) =>
      eb.or([
        ...(query.category ? [eb('review_factors.category', '=', query.category)] : []),
        ...query.tags.map((tag) => eb('review_factors.tags', 'like', `%${JSON.stringify(tag)}%`)),
        ...query.titleWords.map((word) => eb(eb.fn('lower', ['review_factors.title']), 'like', `%${word}%`)),
      ]),
    );
  if (query.excludeFactorIds.length > 0) select = select.where('review_factors.id', 'not in', query.excludeFactorIds);
  return select.orderBy('incidents.started_at_ms', 'desc').orderBy('review_factors.id', 'desc').limit(query.limit).execute();
}

/** The earlier factors `factorId` already links to. */
export const listLinkedIds = async (db: Executor, factorId: number): Promise<number[]> =>
  (await db.selectFrom('factor_links').select('to_factor_id').where('from_factor_id', '=', factorId).execute()).map((row) => row.to_factor_id);

/**
 * The incidents whose five-whys chains link to `factorIds` (why_links, written by whys/), those
 * `actor` may see (filtered in the query): read here for a factor's "recurs", so that factors need
 * not import whys (whys imports factors).
 */
export async function listLinkingChainIncidents(db: Executor, actor: Actor | null, factorIds: number[]): Promise<Array<{ to_factor_id: number; incident_id: number }>> {
  if (factorIds.length === 0) return [];
  return db
    .selectFrom('why_links')
    .innerJoin('review_whys', 'review_whys.id', 'why_links.whys_id')
    .innerJoin('reviews', 'reviews.id', 'review_whys.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select(['why_links.to_factor_id', 'incidents.id as incident_id'])
    .where('why_links.to_factor_id', 'in', factorIds)
    .where(visibleIncidents(actor))
    .execute();
}
