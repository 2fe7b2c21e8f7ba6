import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Imported documents (src/server/imports/): one row per file name and content hash, naming the
 * incidents it created, so that importing the same file again creates nothing new.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('imports'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('incident_ids', 'text', (c) => c.notNull()) // JSON list of incident ids
    .addColumn('imported_by_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('imports_name_hash_unique', ['name', 'content_hash'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imports').execute();
}
