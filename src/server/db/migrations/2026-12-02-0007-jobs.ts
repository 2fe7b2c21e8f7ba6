import { sql, type Kysely } from 'kysely';
import { dialectOf, epochMsType, notNullDefault, withIdColumn } from '../dialect.js';

/**
 * Durable jobs (src/server/jobs/): the queue itself, the recorded results of the steps a job has
 * completed (so a retry never repeats them), and the periodic schedules with their next slot.
 * Times the runner compares are epoch milliseconds; the rest are UTC ISO text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull()) // queued | running | done | dead
    .addColumn('attempts', 'integer', notNullDefault(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until_ms', epochMsType)
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // Claiming walks the queued jobs in run_at order; the reaper finds running jobs whose lease ran
  // out; the dead-letter list; pruning of finished jobs. No index leads with state or kind: SQLite,
  // without statistics, would prefer an equality on such an index to the claim index, and sort
  // every queued job on each claim (12 ms with 10,000 queued, against well under 1 ms).
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['run_at_ms', 'id']).where(sql.ref('state'), '=', 'queued').execute();
  await db.schema.createIndex('jobs_lease_idx').on('jobs').column('locked_until_ms').where(sql.ref('state'), '=', 'running').execute();
  await db.schema.createIndex('jobs_dead_idx').on('jobs').column('id').where(sql.ref('state'), '=', 'dead').execute();
  await db.schema.createIndex('jobs_finished_idx').on('jobs').column('finished_at').where(sql.ref('finished_at'), 'is not', null).execute();
  if (dialectOf(db) === 'postgres') {
    // A queue's rows churn: vacuum and analyze it after 2% of its rows changed, not the default 20%.
    await sql`alter table jobs set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02)`.execute(db);
  }

  await db.schema
    .createTable('job_steps')
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_steps_pk', ['job_id', 'step'])
    .execute();

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('next_run_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('last_run_at_ms', epochMsType)
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('job_steps').execute();
  await db.schema.dropTable('jobs').execute();
}
