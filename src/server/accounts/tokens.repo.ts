import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import { runPrepared } from '../db/prepared.js';
import type { ApiTokensTable } from '../db/schema.js';
import type { UserRow } from './user.mapper.js';

export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertToken(db: Executor, values: Insertable<ApiTokensTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(values).returningAll().executeTakeFirstOrThrow();
}

export const findToken = (db: Executor, id: number): Promise<ApiTokenRow | undefined> =>
  db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();

export const listUserTokens = (db: Executor, userId: number): Promise<ApiTokenRow[]> =>
  db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();

/** The token with this hash and its user, in one query. */
/** Runs on every API call made with a token, so both lookups are compiled once (db/prepared.ts). */
export async function findTokenWithUser(db: Executor, tokenHash: string): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const [token] = await runPrepared(db, 'findToken', (db) => db.selectFrom('api_tokens').selectAll().where('token_hash', '=', ''), [tokenHash]);
  if (!token) return undefined;
  const [user] = await runPrepared(db, 'findTokenUser', (db) => db.selectFrom('users').selectAll().where('id', '=', 0), [token.user_id]);
  return user ? { token, user } : undefined;
}

export async function revokeToken(db: Executor, id: number, revokedAt: string): Promise<ApiTokenRow | undefined> {
  return db.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
}

/** Revokes every token of a user not yet revoked; answers them as they were before. */
export async function revokeUserTokens(db: Executor, userId: number, revokedAt: string): Promise<ApiTokenRow[]> {
  const active = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  if (active.length) await db.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', 'in', active.map((row) => row.id)).execute();
  return active;
}

export async function touchToken(db: Executor, id: number, usedAt: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: usedAt }).where('id', '=', id).execute();
}
