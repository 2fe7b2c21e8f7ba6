import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { OidcLoginsTable } from '../db/schema.js';

export type OidcLoginRow = Selectable<OidcLoginsTable>;

export async function insertOidcLogin(db: Executor, values: Insertable<OidcLoginsTable>, nowIso: string): Promise<void> {
  await db.deleteFrom('oidc_logins').where('expires_at', '<=', nowIso).execute();
  await db.insertInto('oidc_logins').values(values).execute();
}

/** Reads and deletes in one statement: a sign-in's state can be used once. */
export const takeOidcLogin = (db: Executor, handleHash: string): Promise<OidcLoginRow | undefined> =>
  db.deleteFrom('oidc_logins').where('handle_hash', '=', handleHash).returningAll().executeTakeFirst();
