import type { Kysely } from 'kysely';
import { epochMsType, withIdColumn } from '../dialect.js';

/**
 * Deploys and other changes, organisation-wide (not per incident): shown as suspects near an
 * incident's impact start. (source, external_id) is unique so importing a list again adds nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('change_events'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('author', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('environment', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_events_external_idx').on('change_events').columns(['source', 'external_id']).unique().execute();
  await db.schema.createIndex('change_events_time_idx').on('change_events').columns(['occurred_at_ms', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_events').execute();
}
