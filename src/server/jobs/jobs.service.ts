import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.js';
import type { Job, JobDetail, JobListQuery, JobPing, JobState, JobSummary } from '../../shared/jobs/job.schema.js';
import { auditChange } from '../audit/audit.service.js';
import type { AppContext, Executor } from '../context.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { JOB_DEFAULTS, type JobDefinition } from './job-definition.js';
import { auditedJob, toJob, toJobDetail } from './job.mapper.js';
import * as admin from './jobs-admin.repo.js';
import * as repo from './jobs.repo.js';
import { jobCounters, pokeLocalRunners } from './local-runners.js';
import { nextSlotMs } from './schedule-slots.js';
import { findSchedules } from './schedules.repo.js';
import { pingJob } from './system.jobs.js';

/** Payloads carry ids, not documents: a larger one is a bug in its caller (and would be copied on every retry). */
export const MAX_PAYLOAD_BYTES = 8_192;

/**
 * Enqueues in the caller's transaction: the job exists exactly when the change commits. A second
 * enqueue with the same idempotency key is a no-op (the key is unique, across kinds, for as long
 * as the first job is kept; see HINDSIGHT_JOB_RETENTION_DAYS). Without a key, each call is a new job.
 */
export async function enqueueJob<P>(
  trx: Executor,
  definition: JobDefinition<P>,
  payload: P,
  options: { idempotencyKey?: string; runAt?: Date; now?: Date } = {},
): Promise<void> {
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) throw new Error(`Job ${definition.kind}: the payload does not match its schema: ${parsed.error.message}`);
  const json = JSON.stringify(parsed.data);
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) throw new Error(`Job ${definition.kind}: the payload is over ${MAX_PAYLOAD_BYTES} bytes; pass ids, not documents`);
  const now = options.now ?? new Date();
  await repo.insertJob(trx, {
    kind: definition.kind,
    payload: json,
    idempotency_key: options.idempotencyKey ?? `${definition.kind}:${randomUUID()}`,
    state: 'queued',
    max_attempts: definition.maxAttempts ?? JOB_DEFAULTS.maxAttempts,
    run_at_ms: (options.runAt ?? now).getTime(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
}

export async function listJobs(ctx: AppContext, query: JobListQuery) {
  const cursor = decodeCursor(query.cursor, ['id'] as const);
  const rows = await admin.listJobs(ctx.db, query, cursor?.id ?? null);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toJob), nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
}

export async function getJob(ctx: AppContext, id: number): Promise<JobDetail> {
  const row = await admin.findJob(ctx.db, id);
  if (!row) throw notFound('Job', id);
  return toJobDetail(row, await admin.listSteps(ctx.db, id));
}

const retryable = (row: repo.JobRow) => row.state === 'dead' || (row.state === 'queued' && row.last_error !== null);

/**
 * Runs a dead job again now (with one more attempt if it had used all of them), or a failing one
 * without waiting for its backoff. Steps it completed are not repeated.
 */
export async function retryJob(ctx: AppContext, id: number): Promise<Job> {
  const job = await ctx.db.transaction().execute(async (trx) => {
    const before = await admin.findJob(trx, id);
    if (!before) throw notFound('Job', id);
    if (!retryable(before)) throw new AppError('conflict', `Job ${id} is ${before.state}: only a dead job, or one waiting to be retried after a failure, can be retried`);
    const now = ctx.now();
    const after = await admin.requeue(trx, before, now.getTime(), now.toISOString());
    if (!after) throw new AppError('conflict', `Job ${id} changed while you retried it; look again`);
    await auditChange(ctx, trx, { action: 'job.retry', entityType: 'job', entityId: id, before: auditedJob(before), after: auditedJob(after) });
    return toJob(after);
  });
  pokeLocalRunners();
  return job;
}

/** Enqueues a ping (optionally a failure drill) and answers with it; done within a poll interval means a worker runs. */
export async function pingWorkers(ctx: AppContext, input: Required<JobPing>): Promise<JobDetail> {
  const key = `system.ping:${randomUUID()}`;
  const job = await ctx.db.transaction().execute(async (trx) => {
    await enqueueJob(trx, pingJob, { failAttempts: input.failAttempts }, { idempotencyKey: key, now: ctx.now() });
    const row = (await admin.findJobByKey(trx, key))!;
    await auditChange(ctx, trx, { action: 'job.enqueue', entityType: 'job', entityId: row.id, before: null, after: auditedJob(row) });
    return toJobDetail(row, []);
  });
  pokeLocalRunners();
  return job;
}

async function depthByState(ctx: AppContext): Promise<JobSummary['counts']> {
  const counts = { queued: 0, retrying: 0, running: 0, done: 0, dead: 0 };
  for (const { state, failed, count } of await admin.countJobs(ctx.db)) {
    counts[state] += count;
    if (state === 'queued' && failed) counts.retrying += count;
  }
  return counts;
}

/** Counts per state (`retrying` is the part of `queued` whose last attempt failed), the kinds and the schedules. */
export async function jobSummary(ctx: AppContext): Promise<JobSummary> {
  const rows = new Map((await findSchedules(ctx.db, ctx.hooks.jobSchedules.map((s) => s.name))).map((row) => [row.name, row]));
  const nowMs = ctx.now().getTime();
  return {
    counts: await depthByState(ctx),
    kinds: ctx.hooks.jobs.map((definition) => definition.kind).sort(),
    schedules: ctx.hooks.jobSchedules.map((schedule) => {
      const row = rows.get(schedule.name);
      const timeZone = row?.time_zone ?? schedule.timeZone ?? ctx.config.calendar.timeZone;
      return {
        name: schedule.name,
        cron: row?.cron ?? schedule.cron,
        timeZone,
        nextRunAt: new Date(row?.next_run_at_ms ?? nextSlotMs(schedule.cron, timeZone, nowMs)).toISOString(),
        lastRunAt: row?.last_run_at_ms ? new Date(row.last_run_at_ms).toISOString() : null,
      };
    }),
  };
}

export interface JobMetrics {
  /** Jobs in the database per state, now (gauges); `retrying` is included in `queued`. */
  depth: Record<JobState | 'retrying', number>;
  /** Since this process started (counters): attempts that failed, jobs that went dead, jobs done. */
  failedAttemptsTotal: number;
  deadTotal: number;
  succeededTotal: number;
}

/** For the Prometheus endpoint: queue depth per state and this process's failure counts. */
export async function jobMetrics(ctx: AppContext): Promise<JobMetrics> {
  return {
    depth: await depthByState(ctx),
    failedAttemptsTotal: jobCounters.failedAttempts,
    deadTotal: jobCounters.dead,
    succeededTotal: jobCounters.succeeded,
  };
}
