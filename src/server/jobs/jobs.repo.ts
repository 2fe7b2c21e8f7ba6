import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { DialectName } from '../db/dialect.js';
import type { JobsTable } from '../db/schema.js';

export type JobRow = Selectable<JobsTable>;
export type ClaimedJobRow = Pick<JobRow, 'id' | 'kind' | 'payload' | 'idempotency_key' | 'attempts' | 'max_attempts'>;

// State conditions are literals, not parameters, so both databases match them to the partial indexes.
const QUEUED = sql.lit<'queued'>('queued');
const RUNNING = sql.lit<'running'>('running');

/** Inserts a job unless one with its idempotency key exists; true when inserted. */
export async function insertJob(db: Executor, values: Insertable<JobsTable>): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values(values)
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** When the earliest queued job of these kinds is due (epoch ms), or null when none is queued. A read: cheap to ask often. */
export async function nextDueAtMs(db: Executor, kinds: readonly string[]): Promise<number | null> {
  const row = await db
    .selectFrom('jobs')
    .select('run_at_ms')
    .where('state', '=', QUEUED)
    .where('kind', 'in', kinds)
    .orderBy('run_at_ms')
    .limit(1)
    .executeTakeFirst();
  return row?.run_at_ms ?? null;
}

export interface Claim {
  kinds: readonly string[];
  limit: number;
  instanceId: string;
  nowMs: number;
  leaseUntilMs: number;
  nowIso: string;
}

/**
 * Takes up to `limit` due jobs for this instance in one statement, counting the attempt. On
 * PostgreSQL, FOR UPDATE SKIP LOCKED lets instances claim side by side without waiting on, or
 * taking, each other's rows; SQLite runs one write at a time, so the statement alone is atomic.
 * PostgreSQL may run an `id in (subquery)` again for each row it updates (a nested loop, when its
 * statistics say the queue is small), and each run skips the rows the last ones locked: one claim
 * of 5 took all 300 queued jobs. `= any(array(...))` runs the subquery exactly once.
 */
export function claimJobs(db: Executor, dialect: DialectName, claim: Claim): Promise<ClaimedJobRow[]> {
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: claim.instanceId,
      locked_until_ms: claim.leaseUntilMs,
      updated_at: claim.nowIso,
    }))
    .where((eb) => {
      const due = eb
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', QUEUED)
        .where('run_at_ms', '<=', claim.nowMs)
        .where('kind', 'in', claim.kinds)
        .orderBy('run_at_ms')
        .orderBy('id')
        .limit(claim.limit);
      return dialect === 'postgres' ? sql<boolean>`jobs.id = any(array(${due.forUpdate().skipLocked()}))` : eb('id', 'in', due);
    })
    .where('state', '=', QUEUED)
    .returning(['id', 'kind', 'payload', 'idempotency_key', 'attempts', 'max_attempts'])
    .execute();
}

/** Marks jobs this instance still holds as done, in one statement for a batch. */
export async function markDone(db: Executor, ids: readonly number[], instanceId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'done', locked_until_ms: null, finished_at: nowIso, updated_at: nowIso })
    .where('id', 'in', ids)
    .where('locked_by', '=', instanceId)
    .where('state', '=', RUNNING)
    .execute();
}

/** A failed attempt: queued again at `runAtMs`, or dead (finished) when `runAtMs` is null. */
export async function markFailed(db: Executor, id: number, instanceId: string, change: { runAtMs: number | null; lastError: string; nowIso: string }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: change.runAtMs === null ? 'dead' : 'queued',
      ...(change.runAtMs === null ? { finished_at: change.nowIso } : { run_at_ms: change.runAtMs }),
      locked_until_ms: null,
      last_error: change.lastError,
      updated_at: change.nowIso,
    })
    .where('id', '=', id)
    .where('locked_by', '=', instanceId)
    .where('state', '=', RUNNING)
    .execute();
}

/** Gives a job back without counting the attempt (the instance is shutting down, not the job failing). */
export async function release(db: Executor, ids: readonly number[], instanceId: string, nowMs: number, nowIso: string): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('jobs')
    .set((eb) => ({ state: 'queued', attempts: eb('attempts', '-', 1), run_at_ms: nowMs, locked_until_ms: null, updated_at: nowIso }))
    .where('id', 'in', ids)
    .where('locked_by', '=', instanceId)
    .where('state', '=', RUNNING)
    .execute();
}

/** Extends this instance's leases; returns the ids it still holds (a job missing was taken over). */
export async function renewLeases(db: Executor, ids: readonly number[], instanceId: string, untilMs: number): Promise<number[]> {
  const rows = await db
    .updateTable('jobs')
    .set({ locked_until_ms: untilMs })
    .where('id', 'in', ids)
    .where('locked_by', '=', instanceId)
    .where('state', '=', RUNNING)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Running jobs whose lease ended before `nowMs`: their instance died or hung. A read, so cheap to ask often. */
export const findExpiredLeases = (db: Executor, nowMs: number, limit: number) =>
  db
    .selectFrom('jobs')
    .select(['id', 'attempts', 'max_attempts', 'locked_until_ms'])
    .where('state', '=', RUNNING)
    .where('locked_until_ms', '<', nowMs)
    .limit(limit)
    .execute();

/** Takes back one expired job (unless its lease was renewed meanwhile): queued to run now, or dead. */
export async function reclaimExpired(db: Executor, id: number, lockedUntilMs: number, change: { dead: boolean; lastError: string; nowMs: number; nowIso: string }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: change.dead ? 'dead' : 'queued',
      ...(change.dead ? { finished_at: change.nowIso } : { run_at_ms: change.nowMs }),
      locked_until_ms: null,
      last_error: change.lastError,
      updated_at: change.nowIso,
    })
    .where('id', '=', id)
    .where('state', '=', RUNNING)
    .where('locked_until_ms', '=', lockedUntilMs)
    .execute();
}

export const findStep = (db: Executor, jobId: number, step: string) =>
  db.selectFrom('job_steps').select('result').where('job_id', '=', jobId).where('step', '=', step).executeTakeFirst();

export async function insertStep(db: Executor, jobId: number, step: string, result: string, nowIso: string): Promise<void> {
  await db
    .insertInto('job_steps')
    .values({ job_id: jobId, step, result, created_at: nowIso })
    .onConflict((conflict) => conflict.columns(['job_id', 'step']).doNothing())
    .execute();
}
