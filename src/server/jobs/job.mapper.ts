import type { Job, JobDetail, JobError } from '../../shared/jobs/job.schema.js';
import type { JobRow } from './jobs.repo.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const parseJobError = (text: string | null): JobError | null => (text === null ? null : (JSON.parse(text) as JobError));

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    retrying: row.state === 'queued' && row.last_error !== null,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: iso(row.run_at_ms)!,
    worker: row.locked_by,
    lockedUntil: row.state === 'running' ? iso(row.locked_until_ms) : null,
    lastError: parseJobError(row.last_error),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export function toJobDetail(row: JobRow, steps: Array<{ step: string; created_at: string }>): JobDetail {
  return {
    ...toJob(row),
    payload: JSON.parse(row.payload) as unknown,
    idempotencyKey: row.idempotency_key,
    steps: steps.map((s) => ({ step: s.step, at: s.created_at })),
  };
}

/** What the audit log keeps of a job: its state and attempts, not its payload. */
export const auditedJob = (row: JobRow) => ({ kind: row.kind, state: row.state, attempts: row.attempts, maxAttempts: row.max_attempts, runAt: iso(row.run_at_ms) });
