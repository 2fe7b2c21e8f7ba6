import type { Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { JobSchedulesTable } from '../db/schema.js';

export type ScheduleRow = Selectable<JobSchedulesTable>;

export const findSchedules = (db: Executor, names: readonly string[]): Promise<ScheduleRow[]> =>
  names.length ? db.selectFrom('job_schedules').selectAll().where('name', 'in', names).execute() : Promise.resolve([]);

/** Adds a schedule unless another instance added it first. */
export async function insertSchedule(db: Executor, row: Omit<ScheduleRow, 'last_run_at_ms'>): Promise<void> {
  await db
    .insertInto('job_schedules')
    .values(row)
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
}

/** A changed cron expression or zone starts over from the next slot it gives; unless another instance changed it first. */
export async function replaceCron(db: Executor, before: ScheduleRow, change: { cron: string; time_zone: string; next_run_at_ms: number; updated_at: string }): Promise<void> {
  await db
    .updateTable('job_schedules')
    .set(change)
    .where('name', '=', before.name)
    .where('cron', '=', before.cron)
    .where('time_zone', '=', before.time_zone)
    .execute();
}

/**
 * Compare-and-swap: moves the schedule from `slot` to `next` only if no one else has. True for the
 * one caller, across every instance, that takes the slot.
 */
export async function advanceSchedule(db: Executor, name: string, slot: number, next: number, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('job_schedules')
    .set({ next_run_at_ms: next, last_run_at_ms: slot, updated_at: nowIso })
    .where('name', '=', name)
    .where('next_run_at_ms', '=', slot)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
