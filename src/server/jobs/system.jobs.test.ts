import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, testConfig, testContext, type TestDatabase } from '../../../test/support/databases.js';
import { jobsOfKind, useRunners, waitForJob } from '../../../test/support/jobs.js';
import type { AppContext } from '../context.js';
import { insertJob, insertStep } from './jobs.repo.js';
import { enqueueJob } from './jobs.service.js';
import { pruneJobsJob } from './system.jobs.js';

const DAY = 86_400_000;

describe.each(databaseKinds)('pruning finished jobs on %s', (kind) => {
  let database: TestDatabase;
  let ctx: AppContext;
  const now = new Date('2026-12-02T03:17:00Z');
  const runner = useRunners();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ctx = testContext(database.handle, testConfig({ HINDSIGHT_JOB_RETENTION_DAYS: '14', HINDSIGHT_JOB_DEAD_RETENTION_DAYS: '90' }), () => now);
  });
  afterAll(() => database.drop());

  it('deletes done jobs after the retention, dead ones after theirs, with their steps; never queued or running ones', async () => {
    const old = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const jobs: Array<[string, 'queued' | 'running' | 'done' | 'dead', string | null]> = [
      ['done-old', 'done', old(15)],
      ['done-recent', 'done', old(13)],
      ['dead-old', 'dead', old(91)],
      ['dead-recent', 'dead', old(30)],
      ['queued-long', 'queued', null],
      ['running-long', 'running', null],
    ];
    for (const [key, state, finishedAt] of jobs) {
      await insertJob(ctx.db, { kind: 'test.old', payload: '{}', idempotency_key: key, state, max_attempts: 8, run_at_ms: 0, created_at: old(200), updated_at: old(200), finished_at: finishedAt });
    }
    const doneOld = (await jobsOfKind(ctx, 'test.old'))[0]!;
    await insertStep(ctx.db, doneOld.id, 'send', '{"value":1}', old(15));
    await ctx.db.transaction().execute((trx) => enqueueJob(trx, pruneJobsJob, {}, { now }));
    runner(ctx, [pruneJobsJob]);
    await waitForJob(ctx, pruneJobsJob.kind, (job) => expect(job.state).toBe('done'));

    expect((await jobsOfKind(ctx, 'test.old')).map((job) => job.idempotency_key)).toEqual(['done-recent', 'dead-recent', 'queued-long', 'running-long']);
    expect(await ctx.db.selectFrom('job_steps').selectAll().execute()).toEqual([]);
  });
});
