import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { Config } from '../config.js';
import { isApiPath, routedPath } from './routed-path.js';

/** Whose budget a request spends: the signed-in user's (all their tokens and tabs), else the address's. */
export const rateLimitKey = (request: FastifyRequest): string => (request.principal ? `user:${request.principal.user.id}` : `ip:${request.ip}`);

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows: counts per key for the current window only, so a finished window is
 * dropped whole (no timers, no per-key expiry). Pure, so the clock is the caller's.
 */
export class FixedWindowCounter {
  #windowStart = 0;
  #counts = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Counts one request for `key` at `nowMs`: how many so far in this window, and when it ends. */
  hit(key: string, nowMs: number): { count: number; resetAtMs: number } {
    const windowStart = nowMs - (nowMs % this.windowMs);
    if (windowStart !== this.#windowStart) {
      this.#windowStart = windowStart;
      this.#counts = new Map();
    }
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    return { count, resetAtMs: windowStart + this.windowMs };
  }
}

/**
 * API rate limits: HINDSIGHT_RATE_LIMIT_PER_MINUTE requests a minute per user (per address before
 * signing in), with the RateLimit-Limit/-Remaining/-Reset headers on every API answer and a 429
 * problem+json with Retry-After past the limit. Counted after authentication, so a user is one
 * budget however many tokens they use; counted per app instance (in memory). Not
 * @fastify/rate-limit: its asynchronous, per-key-expiring store cost 15% of a cached GET's
 * throughput here (ADR 0007), and a fixed window per instance needs none of it.
 */
export function registerRateLimit(app: FastifyInstance, config: Config): void {
  const max = config.api.rateLimitPerMinute;
  if (max === 0) return;
  const limit = String(max);
  const counter = new FixedWindowCounter(WINDOW_MS);
  app.addHook('preHandler', (request, reply, done) => {
    if (!isApiPath(routedPath(request))) return done();
    const now = Date.now();
    const { count, resetAtMs } = counter.hit(rateLimitKey(request), now);
    const resetSeconds = String(Math.max(1, Math.ceil((resetAtMs - now) / 1000)));
    reply.header('ratelimit-limit', limit).header('ratelimit-remaining', String(Math.max(0, max - count))).header('ratelimit-reset', resetSeconds);
    if (count <= max) return done();
    reply.header('retry-after', resetSeconds);
    done(new AppError('rate_limited', `Too many requests: at most ${max} a minute; try again in ${resetSeconds} s`));
  });
}
