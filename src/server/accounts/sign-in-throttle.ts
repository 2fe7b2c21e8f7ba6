import type { AppContext } from '../context.js';
import { sha256 } from './secrets.js';
import * as repo from './throttle.repo.js';

/**
 * Failed sign-ins are counted per client address and per email in the database, so the limit holds
 * across every app instance behind a load balancer and survives restarts. After 10 failures in a
 * 15-minute window, further attempts for that address or email are refused (429), unchecked, until
 * the window ends, even with the right password. Successes do not count; one resets its email's counter.
 */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export interface ThrottleKeys {
  ip: string;
  email: string;
}

export const throttleKeys = (ip: string, email: string): ThrottleKeys => ({ ip: `ip:${ip}`, email: `email:${sha256(email)}` });

/**
 * Counts an attempt before its password is checked (one atomic statement per key) and answers the
 * seconds to wait when it is over the limit, else null. Counting first is what makes the limit
 * hold under concurrency: of any number of simultaneous attempts, at most the limit get checked.
 */
export async function reserveSignInAttempt(ctx: AppContext, keys: ThrottleKeys): Promise<number | null> {
  const nowMs = ctx.now().getTime();
  await repo.deleteStaleThrottles(ctx.db, nowMs - SIGN_IN_WINDOW_MS);
  const windows = [await repo.countAttempt(ctx.db, keys.ip, nowMs, SIGN_IN_WINDOW_MS), await repo.countAttempt(ctx.db, keys.email, nowMs, SIGN_IN_WINDOW_MS)];
  const blockedUntil = windows.filter((row) => row.failures > SIGN_IN_MAX_FAILURES).map((row) => row.window_started_ms + SIGN_IN_WINDOW_MS);
  return blockedUntil.length ? Math.max(1, Math.ceil((Math.max(...blockedUntil) - nowMs) / 1000)) : null;
}

/** The password was right: the attempt was no failure, and its email's count starts again. */
export async function signInSucceeded(ctx: AppContext, keys: ThrottleKeys): Promise<void> {
  await repo.uncountAttempt(ctx.db, keys.ip);
  await repo.clearThrottle(ctx.db, keys.email);
}

/** Deletes the counters of windows that are over (a periodic job, accounts-prune.job.ts); returns how many. */
export const pruneSignInThrottle = (ctx: AppContext): Promise<number> => repo.deleteStaleThrottles(ctx.db, ctx.now().getTime() - SIGN_IN_WINDOW_MS);
