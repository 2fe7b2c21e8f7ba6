import { sql, type Kysely } from 'kysely';

/**
 * People are accounts (with a plain-name fallback): next to every name column, the user it names.
 * Existing names are matched to users by e-mail address or by name (case-insensitive, only when
 * one active user has it); the rest stay plain names. Responders become a JSON list of
 * {userId, name}. Comments keep the people they @mention.
 */
const personColumns = [
  ['incidents', 'commander_user_id', 'commander'],
  ['reviews', 'owner_user_id', 'owner'],
  ['reviews', 'facilitator_user_id', 'facilitator'],
  ['reviews', 'scribe_user_id', 'scribe'],
  ['reviews', 'requested_by_user_id', 'requested_by'],
  ['action_items', 'owner_user_id', 'owner'],
  ['timeline_entries', 'author_user_id', 'author'],
  ['timeline_comments', 'author_user_id', 'author'],
  ['timeline_revisions', 'author_user_id', 'author'],
] as const;

interface Account {
  id: number;
  name: string;
  email: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, idColumn] of personColumns) await db.schema.alterTable(table).addColumn(idColumn, 'integer').execute();
  // The people a comment @mentions, as JSON [{userId, name}].
  await db.schema.alterTable('timeline_comments').addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.createIndex('reviews_owner_user_idx').on('reviews').column('owner_user_id').execute();
  await db.schema.createIndex('action_items_owner_user_idx').on('action_items').column('owner_user_id').execute();

  const accounts: Account[] = await db.selectFrom('users').select(['id', 'name', 'email']).where('disabled', '=', 0).execute();
  const byKey = new Map<string, number | null>();
  const add = (key: string, id: number) => byKey.set(key, byKey.has(key) && byKey.get(key) !== id ? null : id);
  for (const account of accounts) {
    add(account.email.toLowerCase(), account.id);
    add(account.name.trim().toLowerCase(), account.id);
  }
  for (const [key, id] of byKey) {
    if (id === null) continue; // two users share this name: leave it a plain name
    const name = accounts.find((a) => a.id === id)!.name;
    for (const [table, idColumn, nameColumn] of personColumns) {
      await sql`update ${sql.table(table)} set ${sql.ref(idColumn)} = ${id}, ${sql.ref(nameColumn)} = ${name} where lower(trim(${sql.ref(nameColumn)})) = ${key} and ${sql.ref(idColumn)} is null`.execute(db);
    }
  }
  const incidents: Array<{ id: number; responders: string }> = await db.selectFrom('incidents').select(['id', 'responders']).execute();
  for (const incident of incidents) {
    const names = JSON.parse(incident.responders) as string[];
    const people = names.map((name) => {
      const id = byKey.get(name.trim().toLowerCase());
      return id ? { userId: id, name: accounts.find((a) => a.id === id)!.name } : { userId: null, name };
    });
    await db.updateTable('incidents').set({ responders: JSON.stringify(people) }).where('id', '=', incident.id).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const incidents: Array<{ id: number; responders: string }> = await db.selectFrom('incidents').select(['id', 'responders']).execute();
  for (const incident of incidents) {
    const people = JSON.parse(incident.responders) as Array<{ name: string }>;
    await db.updateTable('incidents').set({ responders: JSON.stringify(people.map((p) => p.name)) }).where('id', '=', incident.id).execute();
  }
  await db.schema.dropIndex('action_items_owner_user_idx').execute();
  await db.schema.alterTable('timeline_comments').dropColumn('mentions').execute();
  await db.schema.dropIndex('reviews_owner_user_idx').execute();
  for (const [table, idColumn] of personColumns) await db.schema.alterTable(table).dropColumn(idColumn).execute();
}
