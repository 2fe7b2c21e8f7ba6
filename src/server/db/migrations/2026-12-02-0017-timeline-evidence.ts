import type { Kysely } from 'kysely';

/**
 * Timeline evidence (F5): where each entry comes from (a label such as "Slack #inc-42", a link or
 * message ref, the raw excerpt) and how precisely its time is known. Existing entries were typed to
 * the minute or imported without provenance, so they keep 'minute' and no provenance.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('timeline_entries').addColumn('source_label', 'text').execute();
  await db.schema.alterTable('timeline_entries').addColumn('source_ref', 'text').execute();
  await db.schema.alterTable('timeline_entries').addColumn('excerpt', 'text').execute();
  await db.schema.alterTable('timeline_entries').addColumn('precision', 'text', (c) => c.notNull().defaultTo('minute')).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['precision', 'excerpt', 'source_ref', 'source_label']) await db.schema.alterTable('timeline_entries').dropColumn(column).execute();
}
