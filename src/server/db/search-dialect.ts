import { sql, type RawBuilder } from 'kysely';
import type { SearchTerms } from '../../shared/search/search-terms.js';
import { searchFields, type SearchField } from '../../shared/search/search-fields.js';
import type { DialectName } from './dialect.js';

/**
 * Full-text search, the biggest SQL difference between the two databases (referenced from
 * dialect.ts): SQLite's FTS5 table `search_fts` (bm25 with column weights, snippet()) and
 * PostgreSQL's weighted tsvector `search_documents.document` (GIN, ts_rank_cd, ts_headline).
 * Both index the text columns of `search_documents` (migration 0012), which keep them current.
 * Queries are built only from SearchTerms (letters and digits), so nothing a user types is syntax.
 */

/** The column of each field in search_documents and search_fts. */
export const searchColumns: Record<SearchField, string> = {
  title: 'title',
  summary: 'summary',
  impact: 'impact',
  factors: 'factors',
  whys: 'whys',
  learnings: 'learnings',
  timeline: 'timeline',
  answers: 'answers',
  actionItems: 'action_items',
};

/** How much a match in each field counts: PostgreSQL's four weights, and the same as bm25 column weights. */
export const searchWeights: Record<SearchField, 'A' | 'B' | 'C'> = {
  title: 'A',
  summary: 'A',
  impact: 'B',
  factors: 'B',
  whys: 'B',
  learnings: 'B',
  timeline: 'C',
  answers: 'C',
  actionItems: 'C',
};
const bm25Weight = { A: 10, B: 4, C: 2 } as const;

/** Marks around highlighted words in snippets: control characters, stripped from indexed text. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
export const SNIPPET_ELLIPSIS = '…';
const SNIPPET_WORDS = 16;

/** Terms joined with AND (a search) or OR (more like this), the last one a prefix when asked. */
export function fullTextQuery(dialect: DialectName, { terms, prefixLast }: SearchTerms, join: 'all' | 'any' = 'all'): string {
  const last = terms.length - 1;
  if (dialect === 'sqlite') return terms.map((term, i) => `"${term}"${prefixLast && i === last ? '*' : ''}`).join(join === 'all' ? ' ' : ' OR ');
  return terms.map((term, i) => `'${term}'${prefixLast && i === last ? ':*' : ''}`).join(join === 'all' ? ' & ' : ' | ');
}

const bm25Weights = searchFields.map((field) => bm25Weight[searchWeights[field]]).join(', ');
/** SQLite's bm25 is lower-is-better: negated, so that higher scores are better on both databases. */
const bm25Score = sql<number>`-bm25(search_fts, ${sql.raw(bm25Weights)})`;
/** ts_rank_cd's weights are {D, C, B, A}; normalisation 1 divides by 1 + log(length), so a long review does not win by size alone. */
const tsRank = (document: RawBuilder<unknown>, query: RawBuilder<unknown>) => sql<number>`ts_rank_cd('{0.05, 0.2, 0.4, 1.0}', ${document}, ${query}, 1)`;

/**
 * The reviews whose text matches `query`, as a table `(review_id, score)` to join: higher scores
 * are better matches. With `best`, only the `best` highest scores (ties: the highest review id):
 * the engine still scores every match, but what is joined afterwards is that few.
 */
export function rankedMatches(dialect: DialectName, query: string, best?: number): RawBuilder<{ review_id: number; score: number }> {
  const top = best === undefined ? sql`` : sql` order by score desc, review_id desc limit ${sql.lit(best)}`;
  if (dialect === 'sqlite') return sql`(select rowid as review_id, ${bm25Score} as score from search_fts where search_fts match ${query}${top})`;
  return sql`(select review_id, ${tsRank(sql.ref('document'), sql.ref('q'))} as score
    from search_documents, to_tsquery('simple', ${query}) q where document @@ q${top})`;
}

/**
 * The reviews whose text matches `query`, read newest first (by review id), as a table
 * `(review_id, rankable)` to join and cut short with an ORDER BY review_id DESC LIMIT: nothing is
 * ranked beyond what is read. `scoreOf(rankable)` is then each one's score, as in rankedMatches.
 * SQLite scores each match as FTS5 reads it; PostgreSQL passes the tsvector along, to be ranked
 * only once the few are chosen (ranking in the scan would rank every match before a sort).
 */
export function newestMatches(dialect: DialectName, query: string): { table: RawBuilder<{ review_id: number; rankable: unknown }>; scoreOf: (rankable: RawBuilder<unknown>) => RawBuilder<number> } {
  if (dialect === 'sqlite') {
    // LIMIT -1 (none) keeps the subquery whole, so FTS5 itself reads the matches in descending rowid order.
    return { table: sql`(select rowid as review_id, ${bm25Score} as rankable from search_fts where search_fts match ${query} order by rowid desc limit -1)`, scoreOf: (rankable) => sql<number>`${rankable}` };
  }
  return {
    table: sql`(select review_id, document as rankable from search_documents where document @@ to_tsquery('simple', ${query}))`,
    scoreOf: (rankable) => tsRank(rankable, sql`to_tsquery('simple', ${query})`),
  };
}

/**
 * For each of `reviewIds`, an extract of every field around the words of `query`, the words between
 * HIGHLIGHT_START and HIGHLIGHT_END; a field that did not match has no marks. Only for a page of
 * results whose visibility has already been checked.
 */
export function snippetRows(dialect: DialectName, query: string, reviewIds: readonly number[]): RawBuilder<Record<string, string> & { review_id: number }> {
  const ids = sql.join(reviewIds.map((id) => sql.lit(id)));
  if (dialect === 'sqlite') {
    const snippets = searchFields.map((field, column) =>
      sql`snippet(search_fts, ${sql.lit(column)}, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, ${SNIPPET_ELLIPSIS}, ${sql.lit(SNIPPET_WORDS)}) as ${sql.ref(field)}`);
    // `rowid in` runs the match once per id: cheap for whole words, but a prefix longer than the
    // prefix index (3) merges every word it starts each time. Then the match runs once, over the
    // ids' range (+rowid keeps the list from FTS5), which is narrow for the recent matches.
    const rows = query.endsWith('*')
      ? sql`rowid between ${sql.lit(Math.min(...reviewIds))} and ${sql.lit(Math.max(...reviewIds))} and +rowid in (${ids})`
      : sql`rowid in (${ids})`;
    return sql`select rowid as review_id, ${sql.join(snippets)} from search_fts where search_fts match ${query} and ${rows}`;
  }
  const options = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxWords=${SNIPPET_WORDS + 4}, MinWords=${SNIPPET_WORDS - 6}, MaxFragments=1, FragmentDelimiter="${SNIPPET_ELLIPSIS}"`;
  const headlines = searchFields.map((field) => sql`ts_headline('simple', ${sql.ref(searchColumns[field])}, q, ${options}) as ${sql.ref(field)}`);
  return sql`select review_id, ${sql.join(headlines)} from search_documents, to_tsquery('simple', ${query}) q where review_id in (${ids})`;
}

/**
 * In how many documents each of `terms` appears, as rows `(term, documents)`, cheaply: SQLite
 * counts each term's matches from the FTS5 index up to `cap`; PostgreSQL estimates from the
 * statistics ANALYZE keeps of the tsvector's most common lexemes (a term it does not list is rare:
 * no row). Only to tell common words from distinctive ones.
 */
export function documentCounts(dialect: DialectName, terms: readonly string[], cap: number): RawBuilder<{ term: string; documents: number | string }> {
  if (dialect === 'sqlite') {
    const counts = terms.map((term) =>
      sql`select ${term} as term, (select count(*) from (select rowid from search_fts where search_fts match ${`"${term}"`} limit ${sql.lit(cap)})) as documents`);
    return sql`${sql.join(counts, sql` union all `)}`;
  }
  return sql`select e.term, e.freq * greatest(c.reltuples, 0) as documents
    from pg_stats s
    cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(term, freq)
    join pg_class c on c.oid = 'search_documents'::regclass
    where s.schemaname = current_schema() and s.tablename = 'search_documents' and s.attname = 'document' and e.term in (${sql.join([...terms])})`;
}
