import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JobError } from '../../shared/jobs/job.schema.js';
import { createTestDatabase, databaseKinds, testConfig, testContext, type TestDatabase } from '../../../test/support/databases.js';
import { jobsOfKind, useRunners, waitForJob } from '../../../test/support/jobs.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { defineJob, PermanentJobError } from './job-definition.js';
import { claimJobs, insertJob } from './jobs.repo.js';
import { enqueueJob } from './jobs.service.js';

const lastError = (text: string | null) => JSON.parse(text ?? 'null') as JobError;
const T0 = new Date('2026-12-02T10:00:00.000Z');

describe.each(databaseKinds)('durable jobs on %s', (kind) => {
  let database: TestDatabase;
  let ctx: AppContext;
  const clock = { now: T0 };
  const runner = useRunners();
  const enqueue = <P>(definition: Parameters<typeof enqueueJob<P>>[1], payload: P, options: Parameters<typeof enqueueJob>[3] = {}) =>
    ctx.db.transaction().execute((trx) => enqueueJob(trx, definition, payload, { now: clock.now, ...options }));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ctx = testContext(database.handle, testConfig(), () => clock.now);
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    clock.now = T0;
  });

  it('enqueues in the caller’s transaction: a change that fails leaves no job, one that commits leaves exactly one', async () => {
    const job = defineJob({ kind: 'test.atomic', payload: z.object({ reviewId: z.number() }), run: async () => undefined });
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, job, { reviewId: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(
      writeTransaction(ctx.db, async (trx) => {
        await enqueueJob(trx, job, { reviewId: 2 });
        throw new Error('the grouped change failed');
      }),
    ).rejects.toThrow('the grouped change failed');
    expect(await jobsOfKind(ctx, job.kind)).toEqual([]);

    await writeTransaction(ctx.db, (trx) => enqueueJob(trx, job, { reviewId: 3 }, { now: clock.now }));
    expect(await jobsOfKind(ctx, job.kind)).toEqual([
      expect.objectContaining({ payload: '{"reviewId":3}', state: 'queued', attempts: 0, max_attempts: 8, run_at_ms: T0.getTime(), last_error: null }),
    ]);
  });

  it('enqueues a key once: a second enqueue with the same idempotency key is a no-op; a payload that does not match, or is a document, is refused', async () => {
    const job = defineJob({ kind: 'test.idempotent', payload: z.object({ reviewId: z.number() }), run: async () => undefined });
    await enqueue(job, { reviewId: 1 }, { idempotencyKey: 'review-7-published' });
    await enqueue(job, { reviewId: 2 }, { idempotencyKey: 'review-7-published' });
    await enqueue(job, { reviewId: 3 });
    await enqueue(job, { reviewId: 3 });
    expect((await jobsOfKind(ctx, job.kind)).map((row) => row.payload)).toEqual(['{"reviewId":1}', '{"reviewId":3}', '{"reviewId":3}']);
    await expect(enqueue(job, { reviewId: 'seven' } as never)).rejects.toThrow(/test.idempotent: the payload does not match/);
    const documents = defineJob({ kind: 'test.document', payload: z.object({ markdown: z.string() }), run: async () => undefined });
    await expect(enqueue(documents, { markdown: 'x'.repeat(10_000) })).rejects.toThrow('test.document: the payload is over 8192 bytes; pass ids, not documents');
    expect(await jobsOfKind(ctx, documents.kind)).toEqual([]);
  });

  it('retries a failing job with exponential backoff, then keeps it dead with its last error', async () => {
    const job = defineJob({
      kind: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 3,
      backoff: { baseMs: 1_000, maxMs: 1_500 },
      run: async ({ attempt }) => {
        throw new Error(`The tracker answered 503 (attempt ${attempt})`);
      },
    });
    await enqueue(job, {});
    const instance = runner(ctx, [job]);

    let row = await waitForJob(ctx, job.kind, (r) => expect(r).toMatchObject({ state: 'queued', attempts: 1 }));
    expect(lastError(row.last_error)).toMatchObject({ message: 'The tracker answered 503 (attempt 1)', attempt: 1, at: T0.toISOString() });
    expect(lastError(row.last_error).stack).toMatch(/jobs\.test\.ts/);
    expect(row.run_at_ms - T0.getTime()).toBeGreaterThanOrEqual(500); // half of 1 s at least, with jitter
    expect(row.run_at_ms - T0.getTime()).toBeLessThanOrEqual(1_000);

    clock.now = new Date(row.run_at_ms);
    instance.poke();
    row = await waitForJob(ctx, job.kind, (r) => expect(r).toMatchObject({ state: 'queued', attempts: 2 }));
    expect(row.run_at_ms - clock.now.getTime()).toBeGreaterThanOrEqual(750); // 2 s capped at 1.5 s, with jitter
    expect(row.run_at_ms - clock.now.getTime()).toBeLessThanOrEqual(1_500);

    clock.now = new Date(row.run_at_ms);
    instance.poke();
    row = await waitForJob(ctx, job.kind, (r) => expect(r.state).toBe('dead'));
    expect(row).toMatchObject({ attempts: 3, finished_at: clock.now.toISOString(), locked_until_ms: null, locked_by: instance.instanceId });
    expect(lastError(row.last_error)).toMatchObject({ message: 'The tracker answered 503 (attempt 3)', attempt: 3 });
  });

  it('never repeats a step completed with once(): a job that sends, then fails later, sends once', async () => {
    const sent: number[] = [];
    const receipts: unknown[] = [];
    const job = defineJob({
      kind: 'test.notify',
      payload: z.object({ reviewId: z.number() }),
      backoff: { baseMs: 10, maxMs: 10 },
      run: async (running) => {
        const receipt = await running.once('send', async () => {
          sent.push(running.payload.reviewId);
          return { messageId: `m-${running.idempotencyKey}` };
        });
        receipts.push(receipt);
        await running.once('nothing to return', async () => undefined);
        if (running.attempt === 1) throw new Error('Recording the delivery failed');
      },
    });
    await enqueue(job, { reviewId: 42 }, { idempotencyKey: 'notify-42' });
    const instance = runner(ctx, [job]);
    await waitForJob(ctx, job.kind, (r) => expect(r).toMatchObject({ state: 'queued', attempts: 1 }));
    clock.now = new Date(T0.getTime() + 10);
    instance.poke();
    const row = await waitForJob(ctx, job.kind, (r) => expect(r.state).toBe('done'));
    expect(row.attempts).toBe(2);
    expect(sent).toEqual([42]);
    expect(receipts).toEqual([{ messageId: 'm-notify-42' }, { messageId: 'm-notify-42' }]);
    const steps = await ctx.db.selectFrom('job_steps').select('step').where('job_id', '=', row.id).orderBy('step').execute();
    expect(steps.map((s) => s.step)).toEqual(['nothing to return', 'send']);
  });

  it('claims again a job whose lease expired because its instance died; dead when that was its last attempt', async () => {
    const ran: number[] = [];
    const job = defineJob({ kind: 'test.orphan', payload: z.object({ n: z.number() }), run: async ({ payload }) => void ran.push(payload.n) });
    const last = defineJob({ ...job, kind: 'test.orphan-last', maxAttempts: 1 });
    await enqueue(job, { n: 1 });
    await enqueue(last, { n: 2 });
    // Another instance claims both, then is killed before it finishes.
    const claimed = await claimJobs(ctx.db, ctx.dialect, { kinds: [job.kind, last.kind], limit: 5, instanceId: 'crashed', nowMs: T0.getTime(), leaseUntilMs: T0.getTime() + 30_000, nowIso: T0.toISOString() });
    expect(claimed).toHaveLength(2);

    const instance = runner(ctx, [job, last], { leaseMs: 30_000 });
    await waitForJob(ctx, job.kind, (r) => expect(r).toMatchObject({ state: 'running', locked_by: 'crashed' }));
    clock.now = new Date(T0.getTime() + 30_001);
    instance.poke();
    const row = await waitForJob(ctx, job.kind, (r) => expect(r.state).toBe('done'));
    expect(row).toMatchObject({ attempts: 2, locked_by: instance.instanceId });
    expect(lastError(row.last_error).message).toMatch(/instance running attempt 1 stopped renewing its lease/);
    expect(ran).toEqual([1]);
    const dead = await waitForJob(ctx, last.kind, (r) => expect(r.state).toBe('dead'));
    expect(dead.attempts).toBe(1);
  });

  it('renews the lease of a job that runs longer than it, so no other instance takes it over', async () => {
    const realTime = testContext(database.handle, testConfig());
    let runs = 0;
    const job = defineJob({
      kind: 'test.long',
      payload: z.object({}),
      run: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      },
    });
    await enqueue(job, {}, { now: new Date() });
    runner(realTime, [job], { leaseMs: 600 });
    runner(realTime, [job], { leaseMs: 600 });
    const row = await waitForJob(ctx, job.kind, (r) => expect(r.state).toBe('done'));
    expect(row.attempts).toBe(1);
    expect(runs).toBe(1);
  });

  it('fails an attempt that outlives its timeout, aborting its signal', async () => {
    let reason: unknown;
    const job = defineJob({
      kind: 'test.slow',
      payload: z.object({}),
      maxAttempts: 1,
      timeoutMs: 50,
      run: ({ signal }) =>
        new Promise<void>((_, reject) =>
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            reject(signal.reason as Error);
          }),
        ),
    });
    await enqueue(job, {});
    runner(ctx, [job]);
    const row = await waitForJob(ctx, job.kind, (r) => expect(r.state).toBe('dead'));
    expect(lastError(row.last_error).message).toBe('JobTimeoutError: Timed out after 50 ms');
    expect(reason).toBeInstanceOf(Error);
  });

  it('gives up at once on a payload that no longer validates, or a job that says it can never succeed', async () => {
    const stale = defineJob({ kind: 'test.stale', payload: z.object({ reviewId: z.number() }), run: async () => undefined });
    const refused = defineJob({
      kind: 'test.refused',
      payload: z.object({}),
      run: async () => {
        throw new PermanentJobError('The tracker says the project does not exist');
      },
    });
    // Written by an older version whose payload had another shape.
    await insertJob(ctx.db, { kind: stale.kind, payload: '{"review":"7"}', idempotency_key: 'stale-1', state: 'queued', max_attempts: 8, run_at_ms: T0.getTime(), created_at: T0.toISOString(), updated_at: T0.toISOString() });
    await enqueue(refused, {});
    runner(ctx, [stale, refused]);
    const staleRow = await waitForJob(ctx, stale.kind, (r) => expect(r.state).toBe('dead'));
    expect(staleRow.attempts).toBe(1);
    expect(lastError(staleRow.last_error).message).toBe('PermanentJobError: The payload does not match test.stale: reviewId Invalid input: expected number, received undefined');
    const refusedRow = await waitForJob(ctx, refused.kind, (r) => expect(r.state).toBe('dead'));
    expect(refusedRow.attempts).toBe(1);
  });

  it('hands running jobs back on shutdown without counting the attempt, and leaves kinds it does not know queued', async () => {
    let started = false;
    const job = defineJob({
      kind: 'test.interrupted',
      payload: z.object({}),
      run: ({ signal }) =>
        new Promise<void>((_, reject) => {
          started = true;
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    });
    await insertJob(ctx.db, { kind: 'test.newer-version', payload: '{}', idempotency_key: 'future-1', state: 'queued', max_attempts: 8, run_at_ms: T0.getTime(), created_at: T0.toISOString(), updated_at: T0.toISOString() });
    await enqueue(job, {});
    const instance = runner(ctx, [job], { shutdownGraceMs: 50 });
    await waitForJob(ctx, job.kind, (r) => expect(r.state).toBe('running'));
    expect(started).toBe(true);
    await instance.stop();
    expect((await jobsOfKind(ctx, job.kind))[0]).toMatchObject({ state: 'queued', attempts: 0, locked_until_ms: null, last_error: null });
    expect((await jobsOfKind(ctx, 'test.newer-version'))[0]).toMatchObject({ state: 'queued', attempts: 0 });
  });
});
