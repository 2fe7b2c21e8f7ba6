import type { Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { SignInThrottleTable } from '../db/schema.js';

export type ThrottleRow = Selectable<SignInThrottleTable>;

export const findThrottles = (db: Executor, keys: string[]): Promise<ThrottleRow[]> =>
  db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();

/** Counts one failure for `key`, starting a new window when the current one is over. One atomic statement. */
export async function countFailure(db: Executor, key: string, nowMs: number, windowMs: number): Promise<void> {
  const windowOver = nowMs - windowMs;
  await db
    .insertInto('sign_in_throttle')
    .values({ key, window_started_ms: nowMs, failures: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_throttle.window_started_ms', '<=', windowOver)
          .then(1)
          .else(eb('sign_in_throttle.failures', '+', 1))
          .end(),
        window_started_ms: eb
          .case()
          .when('sign_in_throttle.window_started_ms', '<=', windowOver)
          .then(nowMs)
          .else(eb.ref('sign_in_throttle.window_started_ms'))
          .end(),
      })),
    )
    .execute();
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/** Deletes windows that started at or before `startedBeforeMs`; returns how many. */
export async function deleteStaleThrottles(db: Executor, startedBeforeMs: number): Promise<number> {
  const result = await db.deleteFrom('sign_in_throttle').where('window_started_ms', '<=', startedBeforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
