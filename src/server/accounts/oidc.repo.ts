import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { OidcLoginsTable } from '../db/schema.js';

export type OidcLoginRow = Selectable<OidcLoginsTable>;

export async function insertOidcLogin(db: Executor, values: Insertable<OidcLoginsTable>, nowIso: string): Promise<void> {
  await deleteExpiredOidcLogins(db, nowIso);
  await db.insertInto('oidc_logins').values(values).execute();
}

/** Deletes sign-ins whose time ran out before their callback came; returns how many. */
export async function deleteExpiredOidcLogins(db: Executor, nowIso: string): Promise<number> {
  const result = await db.deleteFrom('oidc_logins').where('expires_at', '<=', nowIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Reads and deletes in one statement: a sign-in's state can be used once. */
export const takeOidcLogin = (db: Executor, handleHash: string): Promise<OidcLoginRow | undefined> =>
  db.deleteFrom('oidc_logins').where('handle_hash', '=', handleHash).returningAll().executeTakeFirst();
