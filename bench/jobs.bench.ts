/**
 * Durable jobs: how many no-op jobs (system.ping) a runner takes through the queue per second,
 * on SQLite and PostgreSQL, with the default settings (10 at once). Each round enqueues the jobs
 * first (in transactions of 500, as a burst of changes would), then times one runner from start
 * until every job is done. Three rounds per database; the median is reported.
 */
import { loadConfig } from '../src/server/config.js';
import { createAppContext, type AppContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/kysely.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { enqueueJob } from '../src/server/jobs/jobs.service.js';
import { startJobs } from '../src/server/jobs/start-jobs.js';
import { pingJob } from '../src/server/jobs/system.jobs.js';
import { benchDatabase, postgresAvailable, writeResults } from './support/harness.js';

const JOBS = 10_000;
const ROUNDS = 3;
const CONCURRENCY = [10, 50];

async function enqueue(ctx: AppContext, count: number): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < count; done += 500) {
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = done; i < Math.min(done + 500, count); i++) await enqueueJob(trx, pingJob, { failAttempts: 0 });
    });
  }
  return count / ((performance.now() - started) / 1000);
}

async function drain(ctx: AppContext, concurrency: number): Promise<number> {
  const jobs = startJobs({ ...ctx, config: { ...ctx.config, jobs: { ...ctx.config.jobs, concurrency } } }, { definitions: [pingJob], schedules: [] });
  const started = performance.now();
  for (;;) {
    const { left } = await ctx.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('left'))
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    if (Number(left) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await jobs.stop();
  return JOBS / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(kind: 'sqlite' | 'postgres') {
  const database = await benchDatabase(kind);
  const config = loadConfig({ ...database.env, HINDSIGHT_LOG_LEVEL: 'silent' });
  const handle = openDatabase(config.database);
  const ctx: AppContext = createAppContext(handle, config);
  const rows: Array<Record<string, unknown>> = [];
  try {
    await migrateToLatest(handle.db);
    await enqueue(ctx, 1_000); // warm-up: JIT, statement caches, pool
    await drain(ctx, 10);
    for (const concurrency of CONCURRENCY) {
      const enqueued: number[] = [];
      const drained: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await ctx.db.deleteFrom('jobs').execute();
        enqueued.push(await enqueue(ctx, JOBS));
        drained.push(await drain(ctx, concurrency));
      }
      rows.push({
        database: kind,
        concurrency,
        jobs: JOBS,
        'enqueued/s': Math.round(median(enqueued)),
        'jobs/s (median)': Math.round(median(drained)),
        'jobs/s (rounds)': drained.map(Math.round).join(' '),
      });
    }
  } finally {
    await handle.close();
    await database.drop();
  }
  return rows;
}

const kinds: Array<'sqlite' | 'postgres'> = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
const rows = [];
for (const kind of kinds) rows.push(...(await measure(kind)));
writeResults('jobs', rows);
