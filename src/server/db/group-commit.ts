import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import { dialectOf } from './dialect.js';
import { shareDirect } from './direct.js';

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
 * caller gets its error while the others commit. Every caller is answered after the commit.
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
      await this.db
        .transaction()
        .execute((trx) => {
          shareDirect(this.db, trx);
          return alone.work(trx);
        })
        .then(alone.resolve, alone.reject);
      return;
    }
    let trx: ControlledTransaction<DB>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const outcomes: Array<Outcome<DB>> = [];
    try {
      for (const pending of batch) outcomes.push(await runPiece(this.db, trx, pending, `work_${outcomes.length + 1}`));
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute().catch(() => undefined);
      this.#recover(batch, outcomes, error);
      return;
    }
    // Failures too are answered only now: an error may carry data that only this commit makes real.
    for (const outcome of outcomes) {
      if ('error' in outcome) outcome.pending.reject(outcome.error);
      else outcome.pending.resolve(outcome.value);
    }
  }

  /**
   * The whole transaction failed, so nothing of it was written. When a piece of work was running,
   * it is the cause: its caller gets the error, and every other piece goes back to the front of
   * the queue, as its own transaction would have gone ahead. A failed commit has no single cause.
   */
  #recover(batch: Array<Pending<DB>>, outcomes: Array<Outcome<DB>>, error: unknown): void {
    const cause = batch[outcomes.length];
    if (!cause) {
      for (const { pending } of outcomes) pending.reject(error);
      return;
    }
    cause.reject(error);
    this.#queue.unshift(...outcomes.map(({ pending }) => pending), ...batch.slice(outcomes.length + 1));
  }
}

type Outcome<DB> = { pending: Pending<DB>; value: unknown } | { pending: Pending<DB>; error: unknown };

/** "Busy" means another process wrote meanwhile: every later write of this transaction would fail too. */
const isBusy = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_BUSY');

/**
 * Runs one piece of work in its own savepoint. Its failure is rolled back there and becomes its
 * outcome; a failure the savepoint cannot contain (a busy database, a transaction SQLite already
 * rolled back) is thrown, to fail the transaction.
 */
async function runPiece<DB>(root: Kysely<DB>, trx: ControlledTransaction<DB>, pending: Pending<DB>, name: string): Promise<Outcome<DB>> {
  const savepoint = await trx.savepoint(name).execute();
  shareDirect(root, savepoint);
  let value: unknown;
  try {
    value = await pending.work(savepoint);
  } catch (error) {
    if (isBusy(error)) throw error;
    try {
      await savepoint.rollbackToSavepoint(name).execute();
      await savepoint.releaseSavepoint(name).execute();
    } catch {
      throw error; // the transaction went with it; the piece's own error says why
    }
    return { pending, error };
  }
  await savepoint.releaseSavepoint(name).execute();
  return { pending, value };
}

const committers = new WeakMap<object, unknown>();

/**
 * Runs `work` in a write transaction: on SQLite through the group commit above, on PostgreSQL
 * (which commits concurrent transactions in parallel) as its own transaction. `work` must not
 * wait on anything but the database, since others may share its transaction. Called with a
 * transaction (a context whose `db` is one), it runs `work` in that transaction.
 */
export function writeTransaction<DB, T>(db: Kysely<DB>, work: Work<DB, T>): Promise<T> {
  // Already inside one (a caller composing several services into one atomic change): join it.
  if (db.isTransaction) return work(db as Transaction<DB>);
  if (dialectOf(db) !== 'sqlite') return retryOnDeadlock(() => db.transaction().execute(work));
  let committer = committers.get(db) as GroupCommitter<DB> | undefined;
  if (!committer) committers.set(db, (committer = new GroupCommitter(db)));
  return committer.run(work);
}

/** PostgreSQL aborted the transaction to break a deadlock (40P01) or a serialization conflict (40001). */
export const isTransientConflict = (error: unknown): boolean => ['40P01', '40001'].includes(String((error as { code?: unknown } | null)?.code));

const RETRIES = 3;

/**
 * Runs a PostgreSQL transaction again when the database aborted it to break a deadlock: two edits
 * that lock the same rows in opposite orders (an incident and its key timeline entry) must both
 * end in an answer, never a 500. The whole transaction reruns, so it rereads what it depends on.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt > RETRIES || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
