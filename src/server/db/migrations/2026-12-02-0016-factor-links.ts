import type { Kysely } from 'kysely';

/**
 * A factor linked to an earlier incident's factor (F18): "this contributor recurs". Directed from
 * the later factor to the earlier one; either side's deletion removes the link.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('factor_links')
    .addColumn('from_factor_id', 'integer', (c) => c.notNull().references('review_factors.id').onDelete('cascade'))
    .addColumn('to_factor_id', 'integer', (c) => c.notNull().references('review_factors.id').onDelete('cascade'))
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('factor_links_pk', ['from_factor_id', 'to_factor_id'])
    .execute();
  await db.schema.createIndex('factor_links_to').on('factor_links').column('to_factor_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('factor_links').execute();
}
