import type { Kysely } from 'kysely';

/**
 * Notes first (docs/review-process.md): one notes pad per review, saved with a revision (a stale
 * one is refused, never overwritten), and the proposals accepted from it, so that accepting the
 * same proposal twice (a double click, a second browser) creates nothing the second time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_notes')
    .addColumn('review_id', 'integer', (c) => c.primaryKey().references('reviews.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'integer')
    .execute();

  await db.schema
    .createTable('review_note_acceptances')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by_user_id', 'integer')
    .addPrimaryKeyConstraint('review_note_acceptances_pk', ['review_id', 'proposal_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_note_acceptances').execute();
  await db.schema.dropTable('review_notes').execute();
}
