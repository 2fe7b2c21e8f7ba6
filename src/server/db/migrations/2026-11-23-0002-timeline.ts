import type { Kysely } from 'kysely';
import { epochMsType, notNullDefault, withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('timeline_entries'))
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('key_timestamp', 'text')
    .addColumn('deleted', 'integer', notNullDefault(0))
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('timeline_entries_time_idx').on('timeline_entries').columns(['incident_id', 'occurred_at_ms', 'id']).execute();
  // At most one live entry per key timestamp; a cleared one has key_timestamp null (nulls never collide).
  await db.schema.createIndex('timeline_entries_key_idx').on('timeline_entries').columns(['incident_id', 'key_timestamp']).unique().execute();

  await withIdColumn(db, db.schema.createTable('timeline_comments'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('timeline_entries.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('timeline_comments_entry_idx').on('timeline_comments').columns(['entry_id', 'id']).execute();

  await withIdColumn(db, db.schema.createTable('timeline_revisions'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('timeline_entries.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('timeline_revisions_entry_idx').on('timeline_revisions').columns(['entry_id', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timeline_revisions').execute();
  await db.schema.dropTable('timeline_comments').execute();
  await db.schema.dropTable('timeline_entries').execute();
}
