import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../context.js';
import type { PoolStats } from '../db/kysely.js';
import { jobMetrics } from '../jobs/jobs.service.js';
import { RequestDurations } from './request-durations.js';

/**
 * This instance's Prometheus metrics (docs/operations.md, "Metrics"). A registry per app, so tests
 * that build several apps in one process do not share counters. Gauges read from elsewhere (the
 * database pool, the job queue) are refreshed when scraped.
 */
export function createMetrics(ctx: AppContext, poolStats: (() => PoolStats) | null) {
  const registry = new Registry();
  // Process metrics, among them the event loop's lag (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requestDurations = new RequestDurations(
    'hindsight_http_request_duration_seconds',
    'Time to answer a request, by method, route pattern (not the raw URL) and status code',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );
  registry.registerMetric(requestDurations.asMetric());
  const pool = new Gauge({ name: 'hindsight_db_pool_connections', help: 'PostgreSQL pool connections: total, idle, and requests waiting for one', labelNames: ['state'] as const, registers });
  const jobs = new Gauge({ name: 'hindsight_jobs', help: 'Jobs in the queue by state (retrying is part of queued)', labelNames: ['state'] as const, registers });
  const jobCounters = {
    failedAttempts: new Counter({ name: 'hindsight_job_failed_attempts_total', help: 'Job attempts that failed, in this process', registers }),
    dead: new Counter({ name: 'hindsight_job_dead_total', help: 'Jobs that ran out of attempts, in this process', registers }),
    succeeded: new Counter({ name: 'hindsight_job_succeeded_total', help: 'Jobs done, in this process', registers }),
  };
  const setCounter = (counter: Counter, value: number) => {
    counter.reset();
    counter.inc(value);
  };

  async function refresh(): Promise<void> {
    if (poolStats) {
      const stats = poolStats();
      pool.set({ state: 'total' }, stats.total);
      pool.set({ state: 'idle' }, stats.idle);
      pool.set({ state: 'waiting' }, stats.waiting);
    }
    const job = await jobMetrics(ctx);
    for (const [state, count] of Object.entries(job.depth)) jobs.set({ state }, count);
    setCounter(jobCounters.failedAttempts, job.failedAttemptsTotal);
    setCounter(jobCounters.dead, job.deadTotal);
    setCounter(jobCounters.succeeded, job.succeededTotal);
  }

  return {
    contentType: registry.contentType,
    observeRequest: (method: string, route: string, statusCode: number, seconds: number): void => requestDurations.observe(method, route, statusCode, seconds),
    /** The exposition text; the job queue's figures are left out (and reported) when the database does not answer. */
    async scrape(onQueueError: (error: unknown) => void): Promise<string> {
      await refresh().catch(onQueueError);
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
