import { sql, type Kysely } from 'kysely';
import { dialectOf, epochMsType } from '../dialect.js';

/**
 * The search index (src/server/search/): one row per review with its text by field and its
 * filterable fields, kept by the search.index-review job; services, labels, factor categories and
 * tags as facet rows. The full-text index over the text is the database's own: an FTS5 table kept
 * by triggers on SQLite, a generated weighted tsvector with a GIN index on PostgreSQL
 * (db/search-dialect.ts). Whether an incident is restricted is read from `incidents` at query time.
 */
const textColumns = ['title', 'summary', 'impact', 'factors', 'whys', 'learnings', 'timeline', 'answers', 'action_items'] as const;
const weights: Record<(typeof textColumns)[number], string> = {
  title: 'A', summary: 'A', impact: 'B', factors: 'B', whys: 'B', learnings: 'B', timeline: 'C', answers: 'C', action_items: 'C',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  let documents = db.schema
    .createTable('search_documents')
    .addColumn('review_id', 'integer', (c) => c.primaryKey())
    .addColumn('incident_id', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'integer')
    .addColumn('owner_name', 'text') // lower-cased
    .addColumn('started_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('indexed_at_ms', epochMsType, (c) => c.notNull());
  for (const column of textColumns) documents = documents.addColumn(column, 'text', (c) => c.notNull().defaultTo(''));
  await documents.execute();
  await db.schema.createIndex('search_documents_incident_idx').on('search_documents').column('incident_id').unique().execute();
  await db.schema.createIndex('search_documents_started_idx').on('search_documents').columns(['started_at_ms', 'review_id']).execute();

  await db.schema
    .createTable('search_facets')
    .addColumn('review_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // service, label, category, contributor_category, tag
    .addColumn('value', 'text', (c) => c.notNull()) // lower-cased
    .addPrimaryKeyConstraint('search_facets_pk', ['kind', 'value', 'review_id'])
    .execute();
  await db.schema.createIndex('search_facets_review_idx').on('search_facets').column('review_id').execute();

  if (dialectOf(db) === 'postgres') {
    const vector = textColumns.map((column) => `setweight(to_tsvector('simple', ${column}), '${weights[column]}')`).join(' || ');
    await sql.raw(`alter table search_documents add column document tsvector generated always as (${vector}) stored`).execute(db);
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
    return;
  }
  const columns = textColumns.join(', ');
  const values = (row: 'new' | 'old') => textColumns.map((column) => `${row}.${column}`).join(', ');
  await sql
    .raw(`create virtual table search_fts using fts5(${columns}, content='search_documents', content_rowid='review_id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')`)
    .execute(db);
  await sql.raw(`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts(rowid, ${columns}) values (new.review_id, ${values('new')}); end`).execute(db);
  await sql.raw(`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.review_id, ${values('old')}); end`).execute(db);
  await sql.raw(`create trigger search_documents_au after update on search_documents begin
    insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.review_id, ${values('old')});
    insert into search_fts(rowid, ${columns}) values (new.review_id, ${values('new')}); end`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_facets').execute();
  await db.schema.dropTable('search_documents').execute();
}
