import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import type { Database } from '../db/schema.js';
import type { DialectName } from '../db/dialect.js';
import { rankedMatches, snippetRows } from '../db/search-dialect.js';
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

/** Only the reviews whose text matches (nothing to match: all of them). */
const withMatches = (query: Scope, dialect: DialectName, textQuery: string | null): Scope =>
  textQuery === null ? query : (query.innerJoin(rankedMatches(dialect, textQuery).as('hits'), 'hits.review_id', 'search_documents.review_id') as unknown as Scope);

const hitColumns = ['search_documents.review_id', 'search_documents.incident_id', 'search_documents.title', 'search_documents.severity', 'search_documents.state', 'incidents.services', 'search_documents.started_at_ms'] as const;

/** Counting stops here: a count of every match would read them all on each keystroke. */
export const TOTAL_CAP = 1000;

/**
 * A page of the matches, best first (`textQuery` null: no words, the most recent first), and how
 * many there are in all, up to `countUpTo` (TOTAL_CAP; `capped`: more than that).
 */
export async function searchIndex(
  db: Executor,
  dialect: DialectName,
  request: { textQuery: string | null; visible: Expression<SqlBool>; filters: SearchFilters; offset: number; limit: number; count?: boolean; countUpTo?: number },
): Promise<{ rows: SearchRow[]; total: number | null; capped: boolean }> {
  const countUpTo = request.countUpTo ?? TOTAL_CAP;
  const base = withMatches(scope(db, request.visible, request.filters), dialect, request.textQuery);
  const ranked = request.textQuery === null
    ? base.select([...hitColumns, sql<number>`0`.as('score')]).orderBy('search_documents.started_at_ms', 'desc')
    : base.select([...hitColumns, sql<number>`hits.score`.as('score')]).orderBy(sql`hits.score`, 'desc');
  const [rows, count] = await Promise.all([
    ranked.orderBy('search_documents.review_id', 'desc').limit(request.limit).offset(request.offset).execute(),
    request.count === false
      ? null
      : db.selectFrom(base.select('search_documents.review_id').limit(countUpTo + 1).as('counted')).select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const total = count === null ? null : Number(count.total);
  return { rows: rows as SearchRow[], total: total === null ? null : Math.min(total, countUpTo), capped: total !== null && total > countUpTo };
}

/** The marked extracts of every field of `reviewIds` (already checked visible) around the words of `textQuery`. */
export async function snippetsOf(db: Executor, dialect: DialectName, textQuery: string, reviewIds: readonly number[]): Promise<Array<Record<string, string> & { review_id: number }>> {
  if (!reviewIds.length) return [];
  return (await snippetRows(dialect, textQuery, reviewIds).execute(db)).rows;
}
