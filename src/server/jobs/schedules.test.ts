import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { databaseKinds, testConfig, testContext } from '../../../test/support/databases.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { jobsOfKind, useRunners } from '../../../test/support/jobs.js';
import type { AppContext } from '../context.js';
import { defineJob } from './job-definition.js';
import { JobRunner } from './job-runner.js';
import { nextSlotMs } from './schedule-slots.js';

describe('schedule slots', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['every minute', '* * * * *', 'UTC', '2026-12-02T10:00:30Z', '2026-12-02T10:01:00.000Z'],
    ['strictly after a slot', '* * * * *', 'UTC', '2026-12-02T10:01:00Z', '2026-12-02T10:02:00.000Z'],
    ['daily at 03:17', '17 3 * * *', 'UTC', '2026-12-02T10:00:00Z', '2026-12-03T03:17:00.000Z'],
    ['09:00 in Copenhagen in winter', '0 9 * * *', 'Europe/Copenhagen', '2026-12-02T10:00:00Z', '2026-12-03T08:00:00.000Z'],
    ['09:00 in Copenhagen in summer', '0 9 * * *', 'Europe/Copenhagen', '2026-07-01T06:00:00Z', '2026-07-01T07:00:00.000Z'],
    ['weekdays only', '0 8 * * 1-5', 'UTC', '2026-12-04T09:00:00Z', '2026-12-07T08:00:00.000Z'],
    ['with seconds', '*/15 * * * * *', 'UTC', '2026-12-02T10:00:01Z', '2026-12-02T10:00:15.000Z'],
  ])('%s', (_name, cron, zone, after, expected) => {
    expect(new Date(nextSlotMs(cron, zone, at(after))).toISOString()).toBe(expected);
  });

  it('refuses what is not a cron expression', () => {
    expect(() => nextSlotMs('every day', 'UTC', Date.now())).toThrow();
    expect(() => nextSlotMs('61 * * * *', 'UTC', Date.now())).toThrow();
  });
});

describe.each(databaseKinds)('job schedules on %s', (kind) => {
  let shared: SharedDatabase;
  const runner = useRunners();
  const T0 = Date.parse('2026-12-02T10:00:30Z');
  const clock = { now: new Date(T0) };
  const tick = defineJob({ kind: 'test.tick', payload: z.object({ source: z.string() }), run: async () => undefined });
  const schedule = { name: 'tick', cron: '* * * * *', job: tick, payload: { source: 'schedule' } };

  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
  });
  afterAll(() => shared.drop());

  const instance = async (): Promise<AppContext> => testContext(await shared.open(), testConfig(), () => clock.now);
  const slotOf = async (ctx: AppContext) => (await ctx.db.selectFrom('job_schedules').selectAll().where('name', '=', 'tick').executeTakeFirstOrThrow()).next_run_at_ms;

  it('enqueues exactly one job per slot with two instances polling, and makes up missed slots once', async () => {
    const [a, b] = [await instance(), await instance()];
    const first = runner(a, [tick], { schedules: [schedule] });
    const second = runner(b, [tick], { schedules: [schedule] });
    await vi.waitFor(async () => expect(await slotOf(a)).toBe(Date.parse('2026-12-02T10:01:00Z')));

    for (let minute = 1; minute <= 4; minute++) {
      clock.now = new Date(T0 + minute * 60_000);
      first.poke();
      second.poke();
      await vi.waitFor(async () => expect(await slotOf(a)).toBe(Date.parse('2026-12-02T10:01:00Z') + minute * 60_000));
    }
    // Nobody ran for half an hour: the missed slots become one job, not thirty.
    clock.now = new Date(T0 + 34 * 60_000);
    first.poke();
    second.poke();
    await vi.waitFor(async () => expect(await slotOf(a)).toBe(Date.parse('2026-12-02T10:35:00Z')));
    await Promise.all([first.stop(), second.stop()]);

    const jobs = await jobsOfKind(a, tick.kind);
    expect(jobs.map((job) => job.idempotency_key)).toEqual([
      'schedule:tick:2026-12-02T10:01:00.000Z',
      'schedule:tick:2026-12-02T10:02:00.000Z',
      'schedule:tick:2026-12-02T10:03:00.000Z',
      'schedule:tick:2026-12-02T10:04:00.000Z',
      'schedule:tick:2026-12-02T10:05:00.000Z',
    ]);
    expect(jobs.every((job) => job.payload === '{"source":"schedule"}')).toBe(true);
    const row = await a.db.selectFrom('job_schedules').selectAll().where('name', '=', 'tick').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cron: '* * * * *', time_zone: 'UTC', last_run_at_ms: Date.parse('2026-12-02T10:05:00Z') });
  });

  it('starts a changed expression over from its own next slot', async () => {
    const ctx = await instance();
    clock.now = new Date(T0 + 40 * 60_000); // 10:40:30
    const hourly = runner(ctx, [tick], { schedules: [{ ...schedule, cron: '0 * * * *' }] });
    await vi.waitFor(async () => expect(await slotOf(ctx)).toBe(Date.parse('2026-12-02T11:00:00Z')));
    await hourly.stop();
  });

  it('refuses, at start-up, a schedule that is not valid', async () => {
    const ctx = await instance();
    expect(() => new JobRunner({ ctx, definitions: [tick], schedules: [{ ...schedule, cron: 'hourly' }] })).toThrow('Job schedule tick: "hourly" is not a valid cron expression');
    expect(() => new JobRunner({ ctx, definitions: [tick], schedules: [{ ...schedule, payload: {} }] })).toThrow();
    expect(() => new JobRunner({ ctx, definitions: [tick], schedules: [schedule, schedule] })).toThrow('Two job schedules are named tick');
  });
});
