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

  it('runs each of many jobs exactly once, both instances taking their share', async () => {
    const N = 300;
    const runs = new Map<number, string[]>();
    const countingJob = (instance: string) =>
      defineJob({
        kind: 'test.counted',
        payload: z.object({ n: z.number() }),
        run: async ({ id }) => {
          runs.set(id, [...(runs.get(id) ?? []), instance]);
          await new Promise((resolve) => setTimeout(resolve, 2));
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
  });
});
