import { sql } from 'kysely';
import type { Executor } from '../context.js';

export interface Account {
  id: number;
  name: string;
  email: string;
  disabled: number;
}

export const findAccountsByIds = (db: Executor, ids: number[]): Promise<Account[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('users').select(['id', 'name', 'email', 'disabled']).where('id', 'in', ids).execute();

/** Active users whose e-mail address or name is exactly one of `texts` (lower-cased by the caller). */
export const findAccountsNamed = (db: Executor, texts: string[]): Promise<Account[]> =>
  texts.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'disabled'])
        .where('disabled', '=', 0)
        .where((eb) => eb.or([eb('email', 'in', texts), eb(sql<string>`lower(name)`, 'in', texts)]))
        .execute();

/** Active users: who can be @mentioned. */
export const listActiveAccounts = (db: Executor): Promise<Account[]> =>
  db.selectFrom('users').select(['id', 'name', 'email', 'disabled']).where('disabled', '=', 0).execute();

/**
 * Every column that names a user next to the user's name, by table, and whether the table's rows
 * have an updated_at: a rename moves it, so that caches keyed on it (the review document) see it.
 */
export const personColumns = [
  ['incidents', 'commander_user_id', 'commander', true],
  ['reviews', 'owner_user_id', 'owner', true],
  ['reviews', 'facilitator_user_id', 'facilitator', true],
  ['reviews', 'scribe_user_id', 'scribe', true],
  ['reviews', 'requested_by_user_id', 'requested_by', true],
  ['action_items', 'owner_user_id', 'owner', true],
  ['timeline_entries', 'author_user_id', 'author', true],
  ['timeline_comments', 'author_user_id', 'author', false],
  ['timeline_revisions', 'author_user_id', 'author', false],
] as const;

/**
 * Writes a user's current name wherever the user is named. Names are copied next to user ids so
 * that reads need no join; this keeps the copies true. Returns how many rows changed.
 */
export async function renamePerson(db: Executor, userId: number, name: string, nowIso: string): Promise<number> {
  let changed = 0;
  for (const [table, idColumn, nameColumn, hasUpdatedAt] of personColumns) {
    const result = await db
      .updateTable(table)
      .set({ [nameColumn]: name, ...(hasUpdatedAt ? { updated_at: nowIso } : {}) } as never)
      .where(sql.ref(idColumn), '=', userId)
      .where(sql.ref(nameColumn), '!=', name)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed + (await renameResponder(db, userId, name, nowIso));
}

/** Responders are a JSON list of people on the incident. */
async function renameResponder(db: Executor, userId: number, name: string, nowIso: string): Promise<number> {
  const rows = await db.selectFrom('incidents').select(['id', 'responders']).where('responders', 'like', `%"userId":${userId},%`).execute();
  let changed = 0;
  for (const row of rows) {
    const people = JSON.parse(row.responders) as Array<{ userId: number | null; name: string }>;
    if (!people.some((p) => p.userId === userId && p.name !== name)) continue;
    const renamed = people.map((p) => (p.userId === userId ? { ...p, name } : p));
    await db.updateTable('incidents').set({ responders: JSON.stringify(renamed), updated_at: nowIso }).where('id', '=', row.id).execute();
    changed++;
  }
  return changed;
}
