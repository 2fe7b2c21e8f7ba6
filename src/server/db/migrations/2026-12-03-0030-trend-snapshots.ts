import type { Kysely } from 'kysely';
import { epochMsType } from '../dialect.js';

/**
 * Trend figures as last computed (trends/trend-snapshots.ts): at 100,000 incidents an aggregate takes
 * seconds, so the page reads the last result while a job computes the next. Keyed by the question
 * and by who asks (what they may see); the event counters say whether it is still current.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trend_snapshots')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'bigint', (c) => c.notNull())
    .addColumn('recent_events', 'integer', (c) => c.notNull())
    .addColumn('access_changes', 'integer', (c) => c.notNull())
    .addColumn('last_access_change_id', 'bigint', (c) => c.notNull())
    .addColumn('computed_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trend_snapshots_computed_idx').on('trend_snapshots').column('computed_at_ms').execute();
  // Counting access changes (a few) must not scan the event log.
  await db.schema.createIndex('events_type_idx').on('events').columns(['type', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_type_idx').execute();
  await db.schema.dropTable('trend_snapshots').execute();
}
