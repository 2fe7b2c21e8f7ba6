import type { Kysely } from 'kysely';
import { epochMsType, withIdColumn } from '../dialect.js';

/**
 * The async review and the meeting (F10, F11): comment threads on any part of a review, the
 * reviewers asked to sign off, and the scheduled meeting (one per review). People are kept as
 * user ids and named from `users` when read, so a rename needs no copy kept true.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('review_comments'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer') // null for a thread's first comment; replies point at it
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{userId, name}]
    .addColumn('for_meeting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_by_user_id', 'integer')
    .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_comments_review').on('review_comments').columns(['review_id', 'part', 'item_id']).execute();
  await db.schema.createIndex('review_comments_thread').on('review_comments').column('thread_id').execute();

  await db.schema
    .createTable('review_sign_offs')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by_user_id', 'integer')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('review_sign_offs_pk', ['review_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('review_meetings')
    .addColumn('review_id', 'integer', (c) => c.primaryKey().references('reviews.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('starts_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('facilitator_user_id', 'integer')
    .addColumn('scribe_user_id', 'integer')
    .addColumn('attendee_user_ids', 'text', (c) => c.notNull()) // JSON list of user ids, in the order picked
    .addColumn('location', 'text')
    .addColumn('recording_link', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gate_override', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_meetings').execute();
  await db.schema.dropTable('review_sign_offs').execute();
  await db.schema.dropTable('review_comments').execute();
}
