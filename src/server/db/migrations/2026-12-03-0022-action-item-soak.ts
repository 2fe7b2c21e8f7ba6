import type { Kysely } from 'kysely';

/**
 * Soak time (F12): an action item proposed during a review soaks until the end of a working day
 * (`soak_until`, its local date; `soak_ends_at`, that instant in UTC ISO 8601, comparable as text),
 * then awaits its owner's decision; `soak_ended_at` is set once, by the sweep that ends it, and
 * `decided_at` when it is accepted or declined.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('action_items').addColumn('soak_until', 'text').execute();
  await db.schema.alterTable('action_items').addColumn('soak_ends_at', 'text').execute();
  await db.schema.alterTable('action_items').addColumn('soak_ended_at', 'text').execute();
  await db.schema.alterTable('action_items').addColumn('decided_at', 'text').execute();
  await db.schema.createIndex('action_items_soak_ends').on('action_items').columns(['status', 'soak_ends_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('action_items_soak_ends').execute();
  for (const column of ['decided_at', 'soak_ended_at', 'soak_ends_at', 'soak_until']) await db.schema.alterTable('action_items').dropColumn(column).execute();
}
