import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Files kept with a review (src/server/attachments/): for now the original text of an imported
 * postmortem, so what the author wrote stays readable beside what was made of it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('review_attachments'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull()) // bytes of the UTF-8 content
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_attachments_review').on('review_attachments').column('review_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_attachments').execute();
}
