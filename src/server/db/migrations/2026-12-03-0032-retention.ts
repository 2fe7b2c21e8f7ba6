import type { Kysely } from 'kysely';
import { epochMsType } from '../dialect.js';

/**
 * Retention of bookkeeping rows (operations/retention.job.ts): indexes on the times it deletes by, so
 * each bounded batch finds its rows without scanning the table. And the tracker sync's claim on a
 * transition (trackers/tracker-issue.job.ts): which state a sync job is sending, which job, and until
 * when, so two overlapping syncs of one item never send the same state twice.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notification_deliveries_created_idx').on('notification_deliveries').columns(['created_at_ms']).execute();
  await db.schema.createIndex('alert_deliveries_received_idx').on('alert_deliveries').columns(['received_at_ms']).execute();
  await db.schema.createIndex('tracker_deliveries_received_idx').on('tracker_deliveries').columns(['received_at']).execute();
  await db.schema.alterTable('tracker_issues').addColumn('sync_state', 'text').execute();
  await db.schema.alterTable('tracker_issues').addColumn('sync_job_id', 'integer').execute();
  await db.schema.alterTable('tracker_issues').addColumn('sync_until_ms', epochMsType).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['sync_until_ms', 'sync_job_id', 'sync_state']) await db.schema.alterTable('tracker_issues').dropColumn(column).execute();
  for (const index of ['tracker_deliveries_received_idx', 'alert_deliveries_received_idx', 'notification_deliveries_created_idx']) await db.schema.dropIndex(index).execute();
}
