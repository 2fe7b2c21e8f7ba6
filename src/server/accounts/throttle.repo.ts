import type { Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { SignInThrottleTable } from '../db/schema.js';

export type ThrottleRow = Selectable<SignInThrottleTable>;

/**
 * Counts one attempt for `key`, starting a new window when the current one is over, and answers the
 * window as it now is. One atomic statement (an upsert with RETURNING, on both databases), so
 * concurrent attempts each see a different count.
 */
export async function countAttempt(db: Executor, key: string, nowMs: number, windowMs: number): Promise<Pick<ThrottleRow, 'failures' | 'window_started_ms'>> {
  const windowOver = nowMs - windowMs;
  return db
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
    .returning(['failures', 'window_started_ms'])
    .executeTakeFirstOrThrow();
}

/** Gives back an attempt that turned out to be a success (successes do not count). */
export async function uncountAttempt(db: Executor, key: string): Promise<void> {
  await db.updateTable('sign_in_throttle').set((eb) => ({ failures: eb('failures', '-', 1) })).where('key', '=', key).where('failures', '>', 0).execute();
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/** Deletes windows that started at or before `startedBeforeMs`; returns how many. */
export async function deleteStaleThrottles(db: Executor, startedBeforeMs: number): Promise<number> {
  const result = await db.deleteFrom('sign_in_throttle').where('window_started_ms', '<=', startedBeforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
