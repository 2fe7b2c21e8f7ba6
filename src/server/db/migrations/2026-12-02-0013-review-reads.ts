import type { Kysely } from 'kysely';

/**
 * Reads of a review, for the knowledge base's "most read": one row per user, review and day (in the
 * organisation's zone), so opening a review ten times in a morning counts once. Recorded by an
 * explicit POST from the read view, never as a side effect of a GET.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_reads')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD in HINDSIGHT_TIME_ZONE
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_reads_pk', ['review_id', 'user_id', 'day'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_reads').execute();
}
