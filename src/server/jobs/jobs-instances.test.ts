import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { databaseKinds, testConfig, testContext } from '../../../test/support/databases.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { jobsOfKind, useRunners } from '../../../test/support/jobs.js';
import { defineJob } from './job-definition.js';
import { enqueueJob } from './jobs.service.js';

/**
 * Several app instances on one database: on PostgreSQL each with its own connection pool, claiming
 * side by side. A SQLite file belongs to one process, so there the two runners share its handle.
 */
describe.each(databaseKinds)('two app instances running jobs on one %s database', (kind) => {
  let shared: SharedDatabase;
  const runner = useRunners();
  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
  });
  afterAll(() => shared.drop());

  it('runs each of many jobs exactly once, both instances taking their share, each at most its concurrency at a time', async () => {
    const N = 300;
    const runs = new Map<number, string[]>();
    // Each instance's first jobs wait until the other has claimed one too (for at most 10 s): on a
    // busy machine one instance could otherwise drain the queue before the other's first poll.
    const started = new Set<string>();
    const [running, mostRunning] = [new Map<string, number>(), new Map<string, number>()];
    const countingJob = (instance: string) =>
      defineJob({
        kind: 'test.counted',
        payload: z.object({ n: z.number() }),
        run: async ({ id }) => {
          runs.set(id, [...(runs.get(id) ?? []), instance]);
          started.add(instance);
          running.set(instance, (running.get(instance) ?? 0) + 1);
          mostRunning.set(instance, Math.max(mostRunning.get(instance) ?? 0, running.get(instance)!));
          for (const waitUntil = Date.now() + 10_000; started.size < 2 && Date.now() < waitUntil; ) await new Promise((resolve) => setTimeout(resolve, 10));
          await new Promise((resolve) => setTimeout(resolve, 2));
          running.set(instance, running.get(instance)! - 1);
        },
      });
    const [a, b] = [testContext(await shared.open(), testConfig()), testContext(await shared.open(), testConfig())];
    await a.db.transaction().execute(async (trx) => {
      for (let n = 0; n < N; n++) await enqueueJob(trx, countingJob('none'), { n });
    });
    runner(a, [countingJob('A')], { concurrency: 5 });
    runner(b, [countingJob('B')], { concurrency: 5 });

    await vi.waitFor(async () => expect((await jobsOfKind(a, 'test.counted')).filter((job) => job.state === 'done')).toHaveLength(N), { timeout: 20_000, interval: 50 });
    const jobs = await jobsOfKind(a, 'test.counted');
    expect(jobs.every((job) => job.attempts === 1)).toBe(true);
    expect([...runs.values()].filter((instances) => instances.length !== 1)).toEqual([]);
    expect(runs.size).toBe(N);
    const byInstance = (name: string) => [...runs.values()].filter(([instance]) => instance === name).length;
    expect(byInstance('A')).toBeGreaterThan(0);
    expect(byInstance('B')).toBeGreaterThan(0);
    // Each claims no more than its free slots (PostgreSQL once claimed every queued job at once).
    expect(Math.max(...mostRunning.values())).toBeLessThanOrEqual(5);
  });
});
