import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../config.js';
import type { AppContext, Executor } from '../context.js';
import { randomSecret, sha256 } from './secrets.js';
import * as repo from './sessions.repo.js';
import type { UserRow } from './user.mapper.js';

export const SESSION_COOKIE = 'hindsight_session';
/** A session ends after a week without use, and after 30 days whatever happens. */
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
/** How stale last_seen_at may get before a request writes it again (one write per session per 5 minutes). */
const TOUCH_AFTER_MS = 5 * 60_000;

export interface SessionInfo {
  id: number;
  csrfToken: string;
  expiresAt: string;
}

const expiry = (createdMs: number, nowMs: number) => new Date(Math.min(createdMs + SESSION_MAX_MS, nowMs + SESSION_IDLE_MS)).toISOString();

/** HTTP-only, SameSite=Lax, Secure when the public URL is https; the browser keeps it at most 30 days. */
export const sessionCookieOptions = (config: Config): CookieSerializeOptions => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: config.auth.secureCookies,
  maxAge: SESSION_MAX_MS / 1000,
});

/** Starts a session inside the caller's transaction: returns the cookie's token (never stored) and the CSRF token. */
export async function createSession(ctx: AppContext, trx: Executor, userId: number): Promise<{ token: string; session: Omit<SessionInfo, 'id'> }> {
  const now = ctx.now();
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = expiry(now.getTime(), now.getTime());
  await repo.deleteExpiredSessions(trx, now.toISOString());
  await repo.insertSession(trx, {
    token_hash: sha256(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    last_seen_at: now.toISOString(),
  });
  return { token, session: { csrfToken, expiresAt } };
}

/** The live session for a cookie's token and its (enabled) user, sliding its expiry; null otherwise. */
export async function resolveSession(ctx: AppContext, token: string): Promise<{ session: SessionInfo; user: UserRow } | null> {
  if (token.length > 200) return null;
  const found = await repo.findSessionWithUser(ctx.db, sha256(token));
  if (!found) return null;
  const { session, user } = found;
  const now = ctx.now();
  const nowIso = now.toISOString();
  if (session.expires_at <= nowIso || user.disabled === 1) {
    await repo.deleteSession(ctx.db, session.token_hash);
    return null;
  }
  let expiresAt = session.expires_at;
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_AFTER_MS) {
    expiresAt = expiry(Date.parse(session.created_at), now.getTime());
    await repo.touchSession(ctx.db, session.id, nowIso, expiresAt);
  }
  return { session: { id: session.id, csrfToken: session.csrf_token, expiresAt }, user };
}

/** Ends the session of this cookie token, if any; returns its user's id. */
export const endSession = (trx: Executor, token: string): Promise<number | null> => repo.deleteSession(trx, sha256(token));

/** Deletes every session that has ended (a periodic job, accounts-prune.job.ts); returns how many. */
export const pruneExpiredSessions = (ctx: AppContext): Promise<number> => repo.deleteExpiredSessions(ctx.db, ctx.now().toISOString());

/** Ends every session of a user: on disabling them or resetting their password. */
export const endUserSessions = (trx: Executor, userId: number): Promise<void> => repo.deleteUserSessions(trx, userId);
