import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import { dialectOf } from './dialect.js';

type Work<DB, T> = (trx: Transaction<DB>) => Promise<T>;

interface Pending<DB> {
  work: Work<DB, unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Most pieces of work one commit may carry, so a long queue still commits regularly. */
const MAX_BATCH = 32;

/**
 * Group commit for SQLite. Its one connection runs one transaction at a time, and most of a small
 * write transaction's cost is the commit (appending every page it touched to the WAL). Work that
 * arrives while a transaction runs waits in a queue; the queue then runs as one transaction, each
 * piece of work inside its own savepoint, so a piece that fails is rolled back alone and its
 * caller gets its error while the others commit. Callers are answered only after the commit.
 * The result is what serial transactions would give, with one commit for the lot.
 */
class GroupCommitter<DB> {
  readonly #queue: Array<Pending<DB>> = [];
  #draining = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: Work<DB, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // SQLite answers within microtasks, so a transaction started now would end before any other
      // request is read. Starting after the event loop's I/O phase lets the requests that arrived
      // together share it.
      if (!this.#draining) {
        this.#draining = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#runBatch(this.#queue.splice(0, MAX_BATCH));
    } finally {
      this.#draining = false;
    }
  }

  async #runBatch(batch: Array<Pending<DB>>): Promise<void> {
    if (batch.length === 1) {
      const [alone] = batch as [Pending<DB>];
      await this.db.transaction().execute(alone.work).then(alone.resolve, alone.reject);
      return;
    }
    let trx: ControlledTransaction<DB>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const succeeded: Array<{ pending: Pending<DB>; value: unknown }> = [];
    let index = 0;
    let ownError: { error: unknown } | null = null;
    try {
      for (; index < batch.length; index++) {
        const pending = batch[index]!;
        const name = `work_${index + 1}`;
        ownError = null;
        const savepoint = await trx.savepoint(name).execute();
        let value: unknown;
        try {
          value = await pending.work(savepoint);
        } catch (error) {
          ownError = { error };
          await savepoint.rollbackToSavepoint(name).execute();
        }
        await savepoint.releaseSavepoint(name).execute();
        if (ownError) pending.reject(ownError.error);
        else succeeded.push({ pending, value });
      }
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute().catch(() => undefined);
      this.#recover(batch, succeeded, index, ownError?.error ?? error);
      return;
    }
    for (const { pending, value } of succeeded) pending.resolve(value);
  }

  /**
   * The whole transaction failed, so nothing of it was written. When a piece of work was running,
   * it is the cause (it failed in a way its savepoint could not contain, or the database refused
   * it): its caller gets the error and every other piece goes back to the front of the queue, as
   * their own transactions would have succeeded. A failed commit has no single cause: all fail.
   */
  #recover(batch: Array<Pending<DB>>, succeeded: Array<{ pending: Pending<DB> }>, index: number, error: unknown): void {
    if (index >= batch.length) {
      for (const { pending } of succeeded) pending.reject(error);
      return;
    }
    batch[index]!.reject(error);
    this.#queue.unshift(...succeeded.map(({ pending }) => pending), ...batch.slice(index + 1));
  }
}

const committers = new WeakMap<object, unknown>();

/**
 * Runs `work` in a write transaction: on SQLite through the group commit above, on PostgreSQL
 * (which commits concurrent transactions in parallel) as its own transaction. `work` must not
 * wait on anything but the database, since others may share its transaction.
 */
export function writeTransaction<DB, T>(db: Kysely<DB>, work: Work<DB, T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(work);
  let committer = committers.get(db) as GroupCommitter<DB> | undefined;
  if (!committer) committers.set(db, (committer = new GroupCommitter(db)));
  return committer.run(work);
}
