import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { SessionsTable } from '../db/schema.js';
import type { UserRow } from './user.mapper.js';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Executor, values: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(values).execute();
}

/** The session with this token hash and its user, in one query (the user's role is read fresh each time). */
export async function findSessionWithUser(db: Executor, tokenHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.token_hash as session_token_hash',
      'sessions.csrf_token as session_csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at as session_expires_at',
      'sessions.last_seen_at as session_last_seen_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_token_hash, session_csrf_token, session_created_at, session_expires_at, session_last_seen_at, ...user } = row;
  return {
    session: {
      id: session_id,
      token_hash: session_token_hash,
      user_id: user.id,
      csrf_token: session_csrf_token,
      created_at: session_created_at,
      expires_at: session_expires_at,
      last_seen_at: session_last_seen_at,
    },
    user,
  };
}

export async function touchSession(db: Executor, id: number, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<number | null> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return row?.user_id ?? null;
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes sessions that have ended; returns how many. */
export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
