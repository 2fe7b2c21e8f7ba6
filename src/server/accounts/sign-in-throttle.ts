import type { AppContext } from '../context.js';
import { sha256 } from './secrets.js';
import * as repo from './throttle.repo.js';

/**
 * Failed sign-ins are counted per client address and per email in the database, so the limit holds
 * across every app instance behind a load balancer and survives restarts. After 10 failures in a
 * 15-minute window, further attempts for that address or email are refused (429) until the window
 * ends, even with the right password. Successes do not count; one resets its email's counter.
 */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export interface ThrottleKeys {
  ip: string;
  email: string;
}

export const throttleKeys = (ip: string, email: string): ThrottleKeys => ({ ip: `ip:${ip}`, email: `email:${sha256(email)}` });

/** Seconds until an attempt may be made again, or null when it may be made now. */
export async function signInRetryAfter(ctx: AppContext, keys: ThrottleKeys): Promise<number | null> {
  const nowMs = ctx.now().getTime();
  const rows = await repo.findThrottles(ctx.db, [keys.ip, keys.email]);
  const blockedUntil = rows
    .filter((row) => row.failures >= SIGN_IN_MAX_FAILURES && row.window_started_ms + SIGN_IN_WINDOW_MS > nowMs)
    .map((row) => row.window_started_ms + SIGN_IN_WINDOW_MS);
  return blockedUntil.length ? Math.max(1, Math.ceil((Math.max(...blockedUntil) - nowMs) / 1000)) : null;
}

export async function countSignInFailure(ctx: AppContext, keys: ThrottleKeys): Promise<void> {
  const nowMs = ctx.now().getTime();
  await repo.deleteStaleThrottles(ctx.db, nowMs - SIGN_IN_WINDOW_MS);
  await repo.countFailure(ctx.db, keys.ip, nowMs, SIGN_IN_WINDOW_MS);
  await repo.countFailure(ctx.db, keys.email, nowMs, SIGN_IN_WINDOW_MS);
}

/** Deletes the counters of windows that are over (a periodic job, accounts-prune.job.ts); returns how many. */
export const pruneSignInThrottle = (ctx: AppContext): Promise<number> => repo.deleteStaleThrottles(ctx.db, ctx.now().getTime() - SIGN_IN_WINDOW_MS);

export const clearSignInFailures = (ctx: AppContext, keys: ThrottleKeys): Promise<void> => repo.clearThrottle(ctx.db, keys.email);
