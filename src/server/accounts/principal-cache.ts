import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Principal } from './principal.js';

/**
 * How long a resolved API token is trusted without asking the database again. Revoking a token or
 * changing a user clears this instance's cache at once; other instances (several app servers on
 * one PostgreSQL) notice within this time.
 */
export const PRINCIPAL_CACHE_MS = 5_000;
const CAPACITY = 10_000;

interface Entry {
  principal: Principal;
  cachedAtMs: number;
  untilMs: number;
}

/**
 * Bearer tokens resolved recently, keyed by the token's hash: an API client sends the same token
 * on every call, and resolving it (two lookups) cost more than the rest of a typical read.
 */
export class PrincipalCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  /** Read before looking a token up; `set` ignores a lookup that a `clear` has overtaken. */
  get generation(): number {
    return this.#generation;
  }

  get(tokenHash: string, nowMs: number): Principal | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    // A clock that stepped back (NTP) must not stretch the 5 seconds.
    if (nowMs >= entry.cachedAtMs && nowMs < entry.untilMs) return entry.principal;
    this.#entries.delete(tokenHash);
    return undefined;
  }

  /**
   * Remembers `principal` until `expiresAtMs` at the latest (the token's own expiry), unless the
   * cache was cleared since `generation`: the lookup may have read the token before a revocation.
   */
  set(tokenHash: string, principal: Principal, generation: number, nowMs: number, expiresAtMs: number): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= CAPACITY) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, { principal, cachedAtMs: nowMs, untilMs: Math.min(nowMs + PRINCIPAL_CACHE_MS, expiresAtMs) });
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Kysely<Database>, PrincipalCache>();

/** The cache of the app that owns this database handle (tests run several apps in one process). */
export function principalCacheOf(db: Kysely<Database>): PrincipalCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PrincipalCache()));
  return cache;
}
