import type { Kysely } from 'kysely';

/**
 * A five-whys chain (its conclusion, the systemic cause) linked to an earlier incident's factor (F18):
 * "this cause recurs". Deleting the chain or the factor removes the link.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('why_links')
    .addColumn('whys_id', 'integer', (c) => c.notNull().references('review_whys.id').onDelete('cascade'))
    .addColumn('to_factor_id', 'integer', (c) => c.notNull().references('review_factors.id').onDelete('cascade'))
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('why_links_pk', ['whys_id', 'to_factor_id'])
    .execute();
  await db.schema.createIndex('why_links_to').on('why_links').column('to_factor_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('why_links').execute();
}
