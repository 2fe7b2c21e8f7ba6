import { sql, type Kysely } from 'kysely';
import { dialectOf, epochMsType } from '../dialect.js';

const ftsColumns = 'title, summary, impact, factors, whys, learnings, timeline, answers, action_items';

/**
 * SQLite: the FTS5 table again, with `prefix`. A prefix the index holds is read as one list; any
 * other merges the lists of every word it starts, each time it is matched. Search as you type asks
 * for words of two, three, four letters and more, so four joins two and three. The triggers of
 * migration 0012 name the table, so they keep it current as before.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function recreateFts(db: Kysely<any>, prefix: string): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`drop table search_fts`.execute(db);
  await sql
    .raw(`create virtual table search_fts using fts5(${ftsColumns}, content='search_documents', content_rowid='review_id', tokenize='unicode61 remove_diacritics 2', prefix='${prefix}')`)
    .execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
}

/**
 * Search as you type and related incidents, in time that does not grow with the number of reviews
 * (docs/adr/0008-search-performance.md). Related incidents weigh, for each value a review shares (a
 * service, a factor category, a tag), the latest reviews of incidents that started before it: facet
 * rows carry their review's incident and start (written with them by the search index), so that is
 * one index range read newest first, joined straight to `incidents` for visibility.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await recreateFts(db, '2 3 4');
  await db.schema.alterTable('search_facets').addColumn('incident_id', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('search_facets').addColumn('started_at_ms', epochMsType, (c) => c.notNull().defaultTo(0)).execute();
  const documents = (column: string) => sql`(select ${sql.ref(column)} from search_documents where search_documents.review_id = search_facets.review_id)`;
  await sql`update search_facets set incident_id = ${documents('incident_id')}, started_at_ms = ${documents('started_at_ms')}
    where exists (select 1 from search_documents where search_documents.review_id = search_facets.review_id)`.execute(db);
  await db.schema.createIndex('search_facets_started_idx').on('search_facets').columns(['kind', 'value', 'started_at_ms', 'review_id', 'incident_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await recreateFts(db, '2 3');
  await db.schema.dropIndex('search_facets_started_idx').execute();
  await db.schema.alterTable('search_facets').dropColumn('started_at_ms').execute();
  await db.schema.alterTable('search_facets').dropColumn('incident_id').execute();
}
