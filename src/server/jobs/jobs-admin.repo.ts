import { sql } from 'kysely';
import type { JobListQuery, JobState } from '../../shared/jobs/job.schema.js';
import type { Executor } from '../context.js';
import type { JobRow } from './jobs.repo.js';

/** SQL for looking after the queue: the admin list and detail, manual retries, counts and pruning. */

/**
 * Newest first; `retrying` is a queued job whose last attempt failed. The state is a literal (it
 * comes from an enum) so that the dead-letter list uses its partial index.
 */
export function listJobs(db: Executor, query: JobListQuery, beforeId: number | null): Promise<JobRow[]> {
  let select = db.selectFrom('jobs').selectAll();
  if (query.state === 'retrying') select = select.where('state', '=', sql.lit('queued')).where('last_error', 'is not', null);
  else if (query.state) select = select.where('state', '=', sql.lit(query.state));
  if (query.kind) select = select.where('kind', '=', query.kind);
  if (beforeId !== null) select = select.where('id', '<', beforeId);
  return select.orderBy('id', 'desc').limit(query.limit + 1).execute();
}

export const findJob = (db: Executor, id: number): Promise<JobRow | undefined> => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

export const findJobByKey = (db: Executor, idempotencyKey: string): Promise<JobRow | undefined> =>
  db.selectFrom('jobs').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();

export const listSteps = (db: Executor, jobId: number) =>
  db.selectFrom('job_steps').select(['step', 'created_at']).where('job_id', '=', jobId).orderBy('created_at').orderBy('step').execute();

/** Jobs per state, the queued ones split by whether their last attempt failed. */
export async function countJobs(db: Executor): Promise<Array<{ state: JobState; failed: number; count: number }>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => [
      'state',
      sql<number>`case when ${eb.ref('last_error')} is null then 0 else 1 end`.as('failed'),
      eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(['state', sql`case when last_error is null then 0 else 1 end`])
    .execute();
  return rows.map((row) => ({ state: row.state, failed: Number(row.failed), count: Number(row.count) }));
}

/**
 * Queues a dead or failing job to run now, giving it one more attempt if it had used all of them.
 * Only if it is still as the caller read it (`updated_at`): a runner may have moved it meanwhile.
 */
export async function requeue(db: Executor, before: JobRow, nowMs: number, nowIso: string): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({
      state: 'queued',
      run_at_ms: nowMs,
      max_attempts: Math.max(before.max_attempts, before.attempts + 1),
      locked_until_ms: null,
      finished_at: null,
      updated_at: nowIso,
    })
    .where('id', '=', before.id)
    .where('state', '=', before.state)
    .where('updated_at', '=', before.updated_at)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes up to `limit` jobs in `state` that finished before `beforeIso` (their steps go with them); returns how many. */
export async function deleteFinished(db: Executor, state: 'done' | 'dead', beforeIso: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where('finished_at', '<', beforeIso).where('state', '=', state).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
