import { afterEach, vi } from 'vitest';
import type { AppContext } from '../../src/server/context.js';
import type { JobDefinition } from '../../src/server/jobs/job-definition.js';
import { JobRunner, type JobRunnerOptions } from '../../src/server/jobs/job-runner.js';
import type { JobRow } from '../../src/server/jobs/jobs.repo.js';

/** Runners started by a test, stopped after it; quick polls so tests wait little. */
export function useRunners() {
  const started: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((runner) => runner.stop()));
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (ctx: AppContext, definitions: ReadonlyArray<JobDefinition<any>>, options: Partial<JobRunnerOptions> = {}): JobRunner => {
    const runner = new JobRunner({ ctx, definitions, pollIntervalMs: 20, log: () => undefined, ...options });
    started.push(runner);
    runner.start();
    return runner;
  };
}

export const jobsOfKind = (ctx: AppContext, kind: string): Promise<JobRow[]> => ctx.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();

/** Waits until the only job of `kind` satisfies `check` (an expect), and answers it. */
export async function waitForJob(ctx: AppContext, kind: string, check: (job: JobRow) => void, timeout = 5_000): Promise<JobRow> {
  return vi.waitFor(
    async () => {
      const [job, ...others] = await jobsOfKind(ctx, kind);
      if (!job || others.length) throw new Error(`expected one job of ${kind}, found ${others.length + (job ? 1 : 0)}`);
      check(job);
      return job;
    },
    { timeout, interval: 10 },
  );
}
