import type { AppContext } from '../context.js';
import type { JobDefinition } from './job-definition.js';
import { JobRunner } from './job-runner.js';
import { openQueueConnection } from './queue-connection.js';
import type { JobSchedule } from './schedules.js';

export interface JobsHandle {
  /** null when this instance runs no worker (HINDSIGHT_JOBS=off). */
  runner: JobRunner | null;
  /** Wakes the worker now, e.g. when another instance announces a commit that enqueued jobs. */
  poke(): void;
  stop(): Promise<void>;
}

/**
 * Starts this instance's job worker, as configured (docs/configuration.md, "Jobs"). Stop it after
 * the HTTP server has stopped accepting requests: running jobs get a grace period, then go back
 * to the queue for another instance or the next start.
 */
export function startJobs(
  ctx: AppContext,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  options: { definitions?: ReadonlyArray<JobDefinition<any>>; schedules?: readonly JobSchedule[]; log?: (message: string, error?: unknown) => void } = {},
): JobsHandle {
  const { enabled, concurrency, pollIntervalMs } = ctx.config.jobs;
  if (!enabled) return { runner: null, poke: () => undefined, stop: async () => undefined };
  const queue = openQueueConnection(ctx);
  const runner = new JobRunner({
    ctx,
    queueDb: queue.db,
    definitions: options.definitions ?? ctx.hooks.jobs,
    schedules: options.schedules ?? ctx.hooks.jobSchedules,
    concurrency,
    pollIntervalMs,
    ...(options.log ? { log: options.log } : {}),
  });
  runner.start();
  // Committed events (from this instance or, on PostgreSQL, any other) may come with jobs: look now.
  const unsubscribe = ctx.events.bus.subscribe({ onEvents: () => runner.poke() });
  return {
    runner,
    poke: () => runner.poke(),
    stop: async () => {
      unsubscribe();
      await runner.stop();
      await queue.close();
    },
  };
}
