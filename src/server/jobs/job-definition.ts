import type { z } from 'zod';
import type { AppContext } from '../context.js';

/**
 * A kind of durable job: its payload's schema, its retry policy and what it does. Jobs run at least
 * once, so `run` must be safe to repeat; what must never happen twice (an e-mail, a call to a
 * tracker) goes inside `job.once(...)`.
 */
export interface JobDefinition<P> {
  /** Unique, e.g. 'review.quality', 'system.ping'. */
  kind: string;
  /** Validated when enqueued and again when run. Keep payloads small: ids, not documents. */
  payload: z.ZodType<P>;
  /** Attempts before the job is dead (kept with its last error for an admin to retry); default 8. */
  maxAttempts?: number;
  /** Delay before attempt n+1: exponential from baseMs, capped at maxMs, with jitter; default 1 s .. 1 h. */
  backoff?: { baseMs: number; maxMs: number };
  /** A run that takes longer fails the attempt (its signal is aborted); default 60 s. */
  timeoutMs?: number;
  run(job: RunningJob<P>): Promise<void>;
}

export const defineJob = <P>(definition: JobDefinition<P>): JobDefinition<P> => definition;

export interface RunningJob<P> {
  id: number;
  kind: string;
  payload: P;
  /** 1 for the first run. */
  attempt: number;
  idempotencyKey: string;
  /** System actor, the runner's clock. */
  ctx: AppContext;
  /**
   * Runs `step` at most once across retries of this job: completed steps are recorded, so a retry
   * after a later failure never repeats an outbound send. Returns the step's recorded JSON result.
   * A crash between the work and its record repeats the step: pass `idempotencyKey` to services
   * that accept one.
   */
  once<T>(step: string, work: () => Promise<T>): Promise<T>;
  /** Aborted on timeout, on shutdown, or when another instance took the job over. */
  signal: AbortSignal;
}

export const JOB_DEFAULTS = {
  maxAttempts: 8,
  backoff: { baseMs: 1_000, maxMs: 3_600_000 },
  timeoutMs: 60_000,
} as const;

/** Thrown by a job that can never succeed (a payload that no longer validates, a 4xx answer): no more attempts. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
