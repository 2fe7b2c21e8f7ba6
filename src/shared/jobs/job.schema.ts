import { z } from 'zod';
import { page, pageQuery } from '../common.schema.js';

/** Where a job is: waiting (maybe to be retried), being run, finished, or given up on. */
export const jobStates = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof jobStates)[number];

/** The list's filter: a stored state, or `retrying` (queued again after a failed attempt). */
export const jobStateFilters = ['queued', 'retrying', 'running', 'done', 'dead'] as const;
export type JobStateFilter = (typeof jobStateFilters)[number];

export const jobListQuerySchema = z
  .object({
    state: z.enum(jobStateFilters).optional().describe('`retrying`: queued again after a failed attempt'),
    kind: z.string().trim().min(1).max(100).optional().describe('e.g. system.ping'),
    ...pageQuery,
  })
  .strict();
export type JobListQuery = z.output<typeof jobListQuerySchema>;

export const jobErrorSchema = z.object({
  message: z.string(),
  stack: z.string().nullable().describe('The first frames of the stack, when there was one'),
  attempt: z.number().int(),
  at: z.string(),
});
export type JobError = z.infer<typeof jobErrorSchema>;

export const jobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: z.enum(jobStates),
  /** Queued again after a failed attempt, waiting for `runAt`. */
  retrying: z.boolean(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string().describe('When it runs (next); for a finished job, when it last became due'),
  worker: z.string().nullable().describe('The app instance that ran it last'),
  lockedUntil: z.string().nullable().describe('While running: when its lease ends unless renewed'),
  lastError: jobErrorSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobDetailSchema = jobSchema.extend({
  payload: z.unknown().describe('What the job was given (ids, never documents)'),
  idempotencyKey: z.string(),
  steps: z.array(z.object({ step: z.string(), at: z.string() })).describe('Steps completed once, never repeated by a retry'),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobPageSchema = page(jobSchema);

export const jobScheduleSchema = z.object({
  name: z.string(),
  cron: z.string(),
  timeZone: z.string(),
  nextRunAt: z.string(),
  lastRunAt: z.string().nullable(),
});
export type JobScheduleInfo = z.infer<typeof jobScheduleSchema>;

export const jobSummarySchema = z.object({
  counts: z.object({ queued: z.number().int(), retrying: z.number().int(), running: z.number().int(), done: z.number().int(), dead: z.number().int() }),
  kinds: z.array(z.string()).describe('Every kind of job this version runs'),
  schedules: z.array(jobScheduleSchema),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

/** A ping's automatic attempts; a failure drill fails this many to end among the dead jobs. */
export const PING_MAX_ATTEMPTS = 3;
/** The most failures a ping may be asked to fake. */
export const PING_MAX_FAILURES = 10;

export const jobPingSchema = z
  .object({
    failAttempts: z
      .number()
      .int()
      .min(0)
      .max(PING_MAX_FAILURES)
      .default(0)
      .describe('A failure drill: the ping fails its first n attempts (to check retries, the dead-letter list and your alerting)'),
  })
  .strict();
export type JobPing = z.input<typeof jobPingSchema>;
