import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import type { Database } from '../db/schema.js';
import type { DialectName } from '../db/dialect.js';
import { newestMatches, rankedMatches, snippetRows } from '../db/search-dialect.js';
import type { OwnerFilter } from '../people/person.mapper.js';
import type { FacetKind } from './search-document.js';

/** The filters of a search, as stored values (lower-cased facets, epoch ms). */
export interface SearchFilters {
  facets: Array<{ kind: FacetKind; value: string }>;
  severity?: string[] | undefined;
  state?: string[] | undefined;
  owner?: OwnerFilter | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

export interface SearchRow {
  review_id: number;
  incident_id: number;
  title: string;
  severity: string;
  state: string;
  services: string;
  started_at_ms: number;
  score: number;
}

type Hits = { hits: { review_id: number; score: number } };
type Scope = SelectQueryBuilder<Database & Hits, 'search_documents' | 'incidents' | 'hits', object>;

/**
 * The indexed reviews that pass the filters and that the caller may see (`visible`, a condition on
 * `incidents`): one query, so a restricted incident is never fetched, paged or counted.
 */
function scope(db: Executor, visible: Expression<SqlBool>, filters: SearchFilters): Scope {
  let query: Scope = db.selectFrom('search_documents').innerJoin('incidents', 'incidents.id', 'search_documents.incident_id').where(visible);
  for (const { kind, value } of filters.facets) {
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('search_facets').select('search_facets.review_id')
          .whereRef('search_facets.review_id', '=', 'search_documents.review_id')
          .where('search_facets.kind', '=', kind)
          .where('search_facets.value', '=', value),
      ),
    );
  }
  if (filters.severity?.length) query = query.where('search_documents.severity', 'in', filters.severity);
  if (filters.state?.length) query = query.where('search_documents.state', 'in', filters.state);
  const { owner } = filters;
  if (owner) query = 'userId' in owner ? query.where('search_documents.owner_user_id', '=', owner.userId) : query.where('search_documents.owner_name', '=', owner.name.toLowerCase());
  if (filters.fromMs !== undefined) query = query.where('search_documents.started_at_ms', '>=', filters.fromMs);
  if (filters.toMs !== undefined) query = query.where('search_documents.started_at_ms', '<', filters.toMs);
  return query;
}

const hitColumns = ['search_documents.review_id', 'search_documents.incident_id', 'search_documents.title', 'search_documents.severity', 'search_documents.state', 'incidents.services', 'search_documents.started_at_ms'] as const;

/** Counting stops here: a count of every match would read them all on each keystroke. */
export const TOTAL_CAP = 1000;

/**
 * Which matches are ranked: all of them (the best of every match first), or only the `recent`
 * most recently written (highest review id) of those that pass the filters and visibility, so
 * the work does not grow with how many reviews match (the palette as you type, related incidents).
 */
export type Ranking = 'all' | { recent: number };

export interface SearchRequest {
  textQuery: string | null;
  visible: Expression<SqlBool>;
  filters: SearchFilters;
  offset: number;
  limit: number;
  ranking?: Ranking;
  count?: boolean;
  countUpTo?: number;
}

interface Counted {
  total: number | null;
  capped: boolean;
}

const hasFilters = (filters: SearchFilters) =>
  filters.facets.length > 0 || !!filters.severity?.length || !!filters.state?.length || filters.owner !== undefined || filters.fromMs !== undefined || filters.toMs !== undefined;

/**
 * Beyond the page, how many of the best-scored matches a search without filters joins first: the
 * page is right unless visibility hides more than this many of them, when the search runs again
 * over every match.
 */
const BEST_MARGIN = 100;

/**
 * A page of the matches, best first (`textQuery` null: no words, the most recent first), and how
 * many there are in all, up to `countUpTo` (TOTAL_CAP; `capped`: more than that).
 */
export async function searchIndex(db: Executor, dialect: DialectName, request: SearchRequest): Promise<{ rows: SearchRow[]; total: number | null; capped: boolean }> {
  const { textQuery, ranking = 'all' } = request;
  if (textQuery !== null && ranking !== 'all') return recentMatches(db, dialect, { ...request, textQuery }, ranking.recent);
  const countUpTo = request.countUpTo ?? TOTAL_CAP;
  const filtered = scope(db, request.visible, request.filters);
  const page = (best?: number) => {
    const query = textQuery === null
      ? filtered.select([...hitColumns, sql<number>`0`.as('score')]).orderBy('search_documents.started_at_ms', 'desc')
      : (filtered.innerJoin(rankedMatches(dialect, textQuery, best).as('hits'), 'hits.review_id', 'search_documents.review_id') as unknown as Scope)
          .select([...hitColumns, sql<number>`hits.score`.as('score')])
          .orderBy(sql`hits.score`, 'desc');
    return query.orderBy('search_documents.review_id', 'desc').limit(request.limit).offset(request.offset).execute() as Promise<SearchRow[]>;
  };
  const counting = async (): Promise<Counted> => {
    if (request.count === false) return { total: null, capped: false };
    const matching = textQuery === null ? filtered : (filtered.innerJoin(rankedMatches(dialect, textQuery).as('hits'), 'hits.review_id', 'search_documents.review_id') as unknown as Scope);
    const { total } = await db.selectFrom(matching.select('search_documents.review_id').limit(countUpTo + 1).as('counted')).select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
    return { total: Math.min(Number(total), countUpTo), capped: Number(total) > countUpTo };
  };
  // Without filters almost every best-scored match is shown: only those few are joined, not every match.
  const bounded = textQuery !== null && !hasFilters(request.filters);
  const [first, counted] = await Promise.all([page(bounded ? request.offset + request.limit + BEST_MARGIN : undefined), counting()]);
  const more = counted.total === null || counted.capped || request.offset + first.length < counted.total;
  const rows = bounded && first.length < request.limit && more ? await page() : first;
  return { rows, ...counted };
}

/** Ranking { recent }: the newest `recent` matches that pass, ranked among themselves; counted among themselves too. */
async function recentMatches(db: Executor, dialect: DialectName, request: SearchRequest & { textQuery: string }, recent: number) {
  const { table, scoreOf } = newestMatches(dialect, request.textQuery);
  const newest = (scope(db, request.visible, request.filters).innerJoin(table.as('hits'), 'hits.review_id', 'search_documents.review_id') as unknown as Scope)
    .select([sql<number>`hits.review_id`.as('review_id'), sql<unknown>`hits.rankable`.as('rankable')])
    .orderBy(sql`hits.review_id`, 'desc')
    .limit(recent + 1); // one more: whether there are more than `recent`
  const read = await db.selectFrom(newest.as('newest')).select(['newest.review_id', scoreOf(sql.ref('newest.rankable')).as('score')]).orderBy('newest.review_id', 'desc').execute();
  const ranked = read.slice(0, recent).map((row) => ({ id: Number(row.review_id), score: Number(row.score) })).sort((a, b) => b.score - a.score || b.id - a.id);
  const page = ranked.slice(request.offset, request.offset + request.limit);
  const details = page.length
    ? await db.selectFrom('search_documents').innerJoin('incidents', 'incidents.id', 'search_documents.incident_id').where(request.visible)
        .where('search_documents.review_id', 'in', page.map((hit) => hit.id)).select(hitColumns).execute()
    : [];
  const byId = new Map(details.map((row) => [row.review_id, row]));
  const rows = page.flatMap(({ id, score }) => {
    const row = byId.get(id);
    return row ? [{ ...row, score } as SearchRow] : [];
  });
  if (request.count === false) return { rows, total: null, capped: false };
  const countUpTo = Math.min(request.countUpTo ?? TOTAL_CAP, recent);
  return { rows, total: Math.min(read.length, countUpTo), capped: read.length > countUpTo };
}

/** The marked extracts of every field of `reviewIds` (already checked visible) around the words of `textQuery`. */
export async function snippetsOf(db: Executor, dialect: DialectName, textQuery: string, reviewIds: readonly number[]): Promise<Array<Record<string, string> & { review_id: number }>> {
  if (!reviewIds.length) return [];
  return (await snippetRows(dialect, textQuery, reviewIds).execute(db)).rows;
}
