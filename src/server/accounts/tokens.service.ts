import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '../../shared/accounts/token.schema.js';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../shared/accounts/token.schema.js';
import { lowerRole, roleAtLeast, type Role } from '../../shared/accounts/roles.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import type { AppContext, Executor } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { invalidField } from '../http/version-conflict.js';
import { principalCacheOf } from './principal-cache.js';
import { actorOf, type Principal } from './principal.js';
import { randomSecret, sha256 } from './secrets.js';
import * as repo from './tokens.repo.js';

/** `hst_` + 32 random bytes, base64url: recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'hst_';
const tokenFormat = /^hst_[A-Za-z0-9_-]{43}$/;
const DAY_MS = 24 * 3600_000;
/** last_used_at is written at most once a minute per token. */
const TOUCH_AFTER_MS = 60_000;

function statusOf(row: repo.ApiTokenRow, nowIso: string): ApiToken['status'] {
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at !== null && row.expires_at <= nowIso) return 'expired';
  return 'active';
}

const toApiToken = (row: repo.ApiTokenRow, nowIso: string): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role_ceiling as Role,
  status: statusOf(row, nowIso),
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
  createdAt: row.created_at,
});

const audited = (row: repo.ApiTokenRow) => ({ id: row.id, name: row.name, userId: row.user_id, role: row.role_ceiling, expiresAt: row.expires_at, revokedAt: row.revoked_at });

function expiryOf(input: ApiTokenCreate, now: Date): string {
  if (input.expiresAt === undefined) return new Date(now.getTime() + (input.expiresInDays ?? TOKEN_DEFAULT_DAYS) * DAY_MS).toISOString();
  const at = new Date(input.expiresAt);
  if (at.getTime() <= now.getTime()) throw invalidField('expiresAt', 'must be in the future');
  if (at.getTime() > now.getTime() + TOKEN_MAX_DAYS * DAY_MS) throw invalidField('expiresAt', `must be at most ${TOKEN_MAX_DAYS} days away`);
  return at.toISOString();
}

/**
 * Creates an API token for the signed-in user and returns its secret, this once. Tokens are made
 * from a browser session only: a token cannot mint tokens (which could outlive or outrank it).
 */
export async function createToken(ctx: AppContext, principal: Principal, input: ApiTokenCreate): Promise<ApiTokenCreated> {
  if (principal.via !== 'session') throw new AppError('forbidden', 'API tokens can be created only when signed in, not with another API token');
  if (!roleAtLeast(principal.actor.role, input.role)) throw invalidField('role', `must not be above your own role (${principal.actor.role})`);
  const now = ctx.now();
  const secret = TOKEN_PREFIX + randomSecret();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertToken(trx, {
      name: input.name,
      token_hash: sha256(secret),
      user_id: principal.user.id,
      role_ceiling: input.role,
      expires_at: expiryOf(input, now),
      created_at: now.toISOString(),
    });
    const audit = { action: 'api_token.create', entityType: 'api_token', entityId: row.id, before: null, after: audited(row) };
    await recordChange(ctx, trx, { type: 'api_token.created', tokenId: row.id, userId: row.user_id }, audit, principal.actor);
    return { ...toApiToken(row, now.toISOString()), token: secret };
  });
}

export async function listTokens(ctx: AppContext, userId: number): Promise<ApiToken[]> {
  const nowIso = ctx.now().toISOString();
  return (await repo.listUserTokens(ctx.db, userId)).map((row) => toApiToken(row, nowIso));
}

/** Revokes one of the caller's tokens (admins: anyone's). Someone else's token is "not found". Idempotent. */
export async function revokeToken(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findToken(trx, id);
    if (!before || (before.user_id !== actor.userId && actor.role !== 'admin')) throw notFound('API token', id);
    const after = await repo.revokeToken(trx, id, now.toISOString());
    if (!after) return; // already revoked
    const audit = { action: 'api_token.revoke', entityType: 'api_token', entityId: id, before: audited(before), after: audited(after) };
    await recordChange(ctx, trx, { type: 'api_token.revoked', tokenId: id, userId: after.user_id }, audit, actor);
  });
  // After the commit, so that no request re-reads and caches the token as it was before.
  principalCacheOf(ctx.db).clear();
}

/**
 * Revokes every token of a user inside the caller's transaction (a password reset: whoever knew the
 * old password may have made one), each recorded as revoked by `actor`. The caller clears the
 * principal cache after its commit.
 */
export async function revokeAllTokensOf(ctx: AppContext, trx: Executor, actor: Actor, userId: number): Promise<void> {
  const revokedAt = ctx.now().toISOString();
  for (const before of await repo.revokeUserTokens(trx, userId, revokedAt)) {
    const audit = { action: 'api_token.revoke', entityType: 'api_token', entityId: before.id, before: audited(before), after: audited({ ...before, revoked_at: revokedAt }) };
    await recordChange(ctx, trx, { type: 'api_token.revoked', tokenId: before.id, userId }, audit, actor);
  }
}

/**
 * The principal a Bearer token stands for, or null when it is malformed, unknown, revoked,
 * expired or its user is disabled. It acts as the lower of its user's role and its ceiling.
 */
/**
 * The principal of a Bearer token resolved in the last few seconds, without waiting: null when the
 * token is malformed, undefined when only the database can tell (then resolveBearerToken).
 */
export function cachedBearerPrincipal(ctx: AppContext, secret: string): Principal | null | undefined {
  if (!tokenFormat.test(secret)) return null;
  return principalCacheOf(ctx.db).get(sha256(secret), ctx.now().getTime()) ?? undefined;
}

export async function resolveBearerToken(ctx: AppContext, secret: string): Promise<Principal | null> {
  if (!tokenFormat.test(secret)) return null;
  const tokenHash = sha256(secret);
  const now = ctx.now();
  const cache = principalCacheOf(ctx.db);
  const cached = cache.get(tokenHash, now.getTime());
  if (cached) return cached;
  const generation = cache.generation;
  const found = await repo.findTokenWithUser(ctx.db, tokenHash);
  if (!found) return null;
  const { token, user } = found;
  if (statusOf(token, now.toISOString()) !== 'active' || user.disabled === 1) return null;
  if (token.last_used_at === null || now.getTime() - Date.parse(token.last_used_at) >= TOUCH_AFTER_MS) await repo.touchToken(ctx.db, token.id, now.toISOString());
  const role = lowerRole(user.role as Role, token.role_ceiling as Role);
  const principal: Principal = { actor: actorOf(user, role), user, via: 'token', session: null, tokenId: token.id };
  cache.set(tokenHash, principal, generation, now.getTime(), token.expires_at === null ? Infinity : Date.parse(token.expires_at));
  return principal;
}
