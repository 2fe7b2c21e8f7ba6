import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * The domain event log (and outbox): one row per change, written in the change's transaction next
 * to its audit entry, read after commit by each app instance's dispatcher. No foreign keys, like
 * the audit log: the log outlives what it describes. `data` is the event as JSON.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('events'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'integer')
    .addColumn('review_id', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_review_idx').on('events').columns(['review_id', 'id']).execute();
  await db.schema.createIndex('events_at_idx').on('events').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('events').execute();
}
