import type { AppContext } from '../context.js';
import type { JobDefinition } from './job-definition.js';
import { enqueueJob } from './jobs.service.js';
import { nextSlotMs, slotKey } from './schedule-slots.js';
import * as repo from './schedules.repo.js';

/** A job enqueued periodically: once per slot of `cron`, across every instance. */
export interface JobSchedule {
  /** Unique; also names the slot's idempotency key, `schedule:<name>:<slot>`. */
  name: string;
  /** Five fields (minute hour day month weekday) or six with seconds first; parsed by cron-parser. */
  cron: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  job: JobDefinition<any>;
  payload: unknown;
  /** The zone the cron expression is read in; default HINDSIGHT_TIME_ZONE. */
  timeZone?: string;
}

/**
 * Keeps the schedules of one runner. Each slot is taken by one instance: in one transaction, the
 * schedule's row moves from this slot to the next by compare-and-swap, and the slot's job is
 * enqueued with the idempotency key of the slot. Slots missed while no instance ran are made up
 * once, not once each. Between slots it asks the database nothing: another instance only ever
 * moves a slot later, so the slot known here is never later than the real one.
 */
export class ScheduleKeeper {
  readonly #next = new Map<string, number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly schedules: readonly JobSchedule[],
  ) {
    const names = new Set<string>();
    for (const schedule of schedules) {
      if (names.has(schedule.name)) throw new Error(`Two job schedules are named ${schedule.name}`);
      names.add(schedule.name);
      try {
        nextSlotMs(schedule.cron, this.#zone(schedule), Date.now());
      } catch (error) {
        throw new Error(`Job schedule ${schedule.name}: "${schedule.cron}" is not a valid cron expression`, { cause: error });
      }
      schedule.job.payload.parse(schedule.payload);
    }
  }

  #zone(schedule: JobSchedule): string {
    return schedule.timeZone ?? this.ctx.config.calendar.timeZone;
  }

  /** Records new schedules, and changed expressions or zones, then learns every schedule's next slot. */
  async sync(): Promise<void> {
    const nowMs = this.ctx.now().getTime();
    const nowIso = new Date(nowMs).toISOString();
    const existing = new Map((await repo.findSchedules(this.ctx.db, this.schedules.map((s) => s.name))).map((row) => [row.name, row]));
    for (const schedule of this.schedules) {
      const zone = this.#zone(schedule);
      const row = existing.get(schedule.name);
      const fresh = { cron: schedule.cron, time_zone: zone, next_run_at_ms: nextSlotMs(schedule.cron, zone, nowMs), updated_at: nowIso };
      if (!row) await repo.insertSchedule(this.ctx.db, { name: schedule.name, ...fresh });
      else if (row.cron !== schedule.cron || row.time_zone !== zone) await repo.replaceCron(this.ctx.db, row, fresh);
    }
    for (const row of await repo.findSchedules(this.ctx.db, this.schedules.map((s) => s.name))) this.#next.set(row.name, row.next_run_at_ms);
  }

  /** The earliest slot known (epoch ms), or null without schedules. */
  nextDueMs(): number | null {
    return this.#next.size ? Math.min(...this.#next.values()) : null;
  }

  /** Enqueues the job of every schedule whose slot has come, unless another instance has. */
  async enqueueDue(): Promise<void> {
    const nowMs = this.ctx.now().getTime();
    for (const schedule of this.schedules) {
      const known = this.#next.get(schedule.name);
      if (known === undefined || known > nowMs) continue;
      this.#next.set(schedule.name, await this.#take(schedule, nowMs));
    }
  }

  /** Takes the schedule's due slot if no one has; returns its next slot either way. */
  async #take(schedule: JobSchedule, nowMs: number): Promise<number> {
    const now = new Date(nowMs);
    return this.ctx.db.transaction().execute(async (trx) => {
      const [row] = await repo.findSchedules(trx, [schedule.name]);
      if (!row) throw new Error(`Job schedule ${schedule.name} is missing from job_schedules`);
      if (row.next_run_at_ms > nowMs) return row.next_run_at_ms;
      const slot = row.next_run_at_ms;
      const next = nextSlotMs(row.cron, row.time_zone, nowMs);
      if (!(await repo.advanceSchedule(trx, schedule.name, slot, next, now.toISOString()))) {
        const [taken] = await repo.findSchedules(trx, [schedule.name]);
        return taken?.next_run_at_ms ?? next;
      }
      await enqueueJob(trx, schedule.job, schedule.payload, { idempotencyKey: slotKey(schedule.name, slot), now });
      return next;
    });
  }
}
