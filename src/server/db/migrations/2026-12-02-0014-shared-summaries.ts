import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * External summaries of published reviews (src/server/sharing/): the text as shared (already
 * redacted), who made it and when, and a link token kept only as its SHA-256, with an expiry and
 * a revocation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('external_summaries'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull()) // JSON list of section keys
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kept_findings', 'integer', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('external_summaries_review').on('external_summaries').column('review_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('external_summaries').execute();
}
