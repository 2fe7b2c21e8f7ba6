import { sql, type Kysely } from 'kysely';

/**
 * The restricted incidents, by their own (small) index: a reader's hidden incidents are found
 * without reading every incident (trends.repo.ts: reviewScope).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('incidents_restricted_idx').on('incidents').column('id').where(sql.ref('restricted'), '=', 1).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_restricted_idx').execute();
}
