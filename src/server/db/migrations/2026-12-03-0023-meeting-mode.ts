import type { Kysely } from 'kysely';
import { epochMsType } from '../dialect.js';

/**
 * Meeting mode (F11): where the review meeting is, shared by every browser on every instance. One
 * row per review, updated in place as the facilitator moves (a cheap UPDATE); what people add while
 * walking goes to the review's own parts, never here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting_sessions')
    .addColumn('review_id', 'integer', (c) => c.primaryKey().references('reviews.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull()) // running | ended
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer') // the timeline entry the facilitator is on; no foreign key: a deleted entry is simply passed
    .addColumn('stage_started_at', 'text', (c) => c.notNull())
    .addColumn('stage_started_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('moved_by', 'text', (c) => c.notNull())
    .addColumn('moved_by_user_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_sessions').execute();
}
