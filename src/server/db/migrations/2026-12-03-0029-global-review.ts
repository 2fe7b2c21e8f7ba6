import type { Kysely } from 'kysely';

/**
 * The global incident review (F19): its sessions' attendees, and notes and decisions per agenda
 * item. The agenda itself is computed when read (from incidents, action items, factors, reviews),
 * so only what people write is stored. A note about an incident's item keeps the incident, so it
 * follows the incident's visibility.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('global_review_sessions')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('global_review_notes')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'integer', (c) => c.references('incidents.id').onDelete('cascade'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'integer')
    .addPrimaryKeyConstraint('global_review_notes_pk', ['day', 'item'])
    .execute();
  await db.schema.createIndex('global_review_notes_incident').on('global_review_notes').column('incident_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('global_review_notes').execute();
  await db.schema.dropTable('global_review_sessions').execute();
}
