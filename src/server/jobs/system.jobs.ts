import { z } from 'zod';
import { PING_MAX_ATTEMPTS, PING_MAX_FAILURES } from '../../shared/jobs/job.schema.js';
import { defineJob } from './job-definition.js';
import { deleteFinished } from './jobs-admin.repo.js';

/**
 * Checks that a worker runs jobs: done within a poll interval means some instance's runner is
 * alive (its `worker` says which). Asked to, it fails its first attempts: a drill for retries,
 * the dead-letter list and alerts on failed jobs. Otherwise it does nothing, so it also measures
 * the queue's own cost (bench/jobs.bench.ts).
 */
export const pingJob = defineJob({
  kind: 'system.ping',
  payload: z.object({ failAttempts: z.number().int().min(0).max(PING_MAX_FAILURES) }),
  maxAttempts: PING_MAX_ATTEMPTS,
  backoff: { baseMs: 1_000, maxMs: 10_000 },
  timeoutMs: 10_000,
  async run(job) {
    if (job.attempt <= job.payload.failAttempts) {
      throw new Error(`Ping failed on purpose (attempt ${job.attempt}; asked to fail ${job.payload.failAttempts})`);
    }
  },
});

const PRUNE_BATCH = 1_000;
const DAY_MS = 86_400_000;

/**
 * Deletes finished jobs (and their recorded steps) after HINDSIGHT_JOB_RETENTION_DAYS, dead ones
 * after HINDSIGHT_JOB_DEAD_RETENTION_DAYS, a batch at a time so no transaction grows large.
 * Queued and running jobs are never pruned.
 */
export const pruneJobsJob = defineJob({
  kind: 'jobs.prune',
  payload: z.object({}).strict(),
  timeoutMs: 10 * 60_000,
  async run({ ctx, signal }) {
    const nowMs = ctx.now().getTime();
    const { retentionDays, deadRetentionDays } = ctx.config.jobs;
    const cutoffs = [
      ['done', new Date(nowMs - retentionDays * DAY_MS).toISOString()],
      ['dead', new Date(nowMs - deadRetentionDays * DAY_MS).toISOString()],
    ] as const;
    for (const [state, beforeIso] of cutoffs) {
      while (!signal.aborted && (await deleteFinished(ctx.db, state, beforeIso, PRUNE_BATCH)) === PRUNE_BATCH);
    }
  },
});
