import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import type { UserRow } from './user.mapper.js';

export const findUserById = (db: Executor, id: number): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Executor, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserByOidcIdentity = (db: Executor, issuer: string, subject: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();

export async function insertUser(db: Executor, values: Insertable<UsersTable>): Promise<UserRow> {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the stored version is still `version`; returns the new row or undefined. */
export async function updateUser(db: Executor, id: number, version: number, values: Updateable<UsersTable>): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function linkOidcIdentity(db: Executor, id: number, issuer: string, subject: string, nowIso: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ oidc_issuer: issuer, oidc_subject: subject, updated_at: nowIso, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(db: Executor, id: number, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

export async function listUsers(db: Executor, afterId: number | null, limit: number): Promise<UserRow[]> {
  let select = db.selectFrom('users').selectAll();
  if (afterId !== null) select = select.where('id', '>', afterId);
  return select.orderBy('id').limit(limit).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const { count } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export const findUsersByIds = (db: Executor, ids: number[]): Promise<UserRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('id').execute();

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * Active users whose name, a word of their name, or email starts with `prefix` (case-insensitive),
 * by name; id and name only.
 */
export async function searchPeople(db: Executor, prefix: string, limit: number, byEmail: boolean): Promise<Array<{ id: number; name: string }>> {
  let select = db.selectFrom('users').select(['id', 'name']).where('disabled', '=', 0);
  if (prefix) {
    const start = `${escapeLike(prefix.toLowerCase())}%`;
    const email = byEmail ? sql` or email like ${start} escape '\\'` : sql``;
    select = select.where(sql<boolean>`(lower(name) like ${start} escape '\\' or lower(name) like ${`% ${start}`} escape '\\'${email})`);
  }
  return select.orderBy(sql`lower(name)`).orderBy('id').limit(limit).execute();
}

/** Every account's name and e-mail address (disabled ones too): what an external summary must not show. */
export const listNamesAndEmails = (db: Executor): Promise<Array<{ name: string; email: string }>> => db.selectFrom('users').select(['name', 'email']).execute();
