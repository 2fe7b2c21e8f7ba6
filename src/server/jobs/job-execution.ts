import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { JOB_DEFAULTS, PermanentJobError, type JobDefinition, type RunningJob } from './job-definition.js';
import * as repo from './jobs.repo.js';

/** Why a run was cut short by the runner rather than failing on its own. */
export class JobTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}
/** The instance is stopping: the job goes back to the queue without counting the attempt. */
export class ShutdownAbort extends Error {
  constructor() {
    super('The instance is shutting down');
    this.name = 'ShutdownAbort';
  }
}
/** Another instance took the job over after this one's lease ended: its outcome is no longer ours to record. */
export class LeaseLost extends Error {
  constructor() {
    super('The lease on this job ended and another run took it over');
    this.name = 'LeaseLost';
  }
}

export type Outcome = { ok: true } | { ok: false; error: unknown };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parsePayload(definition: JobDefinition<any>, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PermanentJobError('The payload is not JSON', { cause: error });
  }
  const parsed = definition.payload.safeParse(value);
  if (!parsed.success) throw new PermanentJobError(`The payload does not match ${definition.kind}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

function runningJob<P>(ctx: AppContext, row: repo.ClaimedJobRow, payload: P, signal: AbortSignal): RunningJob<P> {
  const jobCtx: AppContext = { ...ctx, actor: systemActor };
  return {
    id: row.id,
    kind: row.kind,
    payload,
    attempt: row.attempts,
    idempotencyKey: row.idempotency_key,
    ctx: jobCtx,
    signal,
    async once<T>(step: string, work: () => Promise<T>): Promise<T> {
      const recorded = await repo.findStep(ctx.db, row.id, step);
      if (recorded) return (JSON.parse(recorded.result) as { value?: T }).value as T;
      signal.throwIfAborted();
      const value = await work();
      await repo.insertStep(ctx.db, row.id, step, JSON.stringify({ value }), ctx.now().toISOString());
      return value;
    },
  };
}

/**
 * Runs one claimed job to its outcome: a success, or the error that ended it (its own, a timeout,
 * a payload that does not validate, or the runner aborting it). Never throws.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function execute(ctx: AppContext, definition: JobDefinition<any>, row: repo.ClaimedJobRow, controller: AbortController): Promise<Outcome> {
  const timeoutMs = definition.timeoutMs ?? JOB_DEFAULTS.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    const job = runningJob(ctx, row, parsePayload(definition, row.payload), controller.signal);
    const cutShort = new Promise<never>((_, reject) => {
      timer = setTimeout(() => controller.abort(new JobTimeoutError(timeoutMs)), timeoutMs);
      if (controller.signal.aborted) reject(controller.signal.reason);
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    // A run that ignores its signal is left behind: its slot and its outcome are decided here.
    await Promise.race([definition.run(job), cutShort]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}
