import type { Kysely } from 'kysely';
import { writeTransaction } from './group-commit.js';
import type { Database } from './schema.js';

/**
 * Deletes rows a batch per write transaction until a batch comes back short (or `signal` aborts),
 * so a large backlog never holds SQLite's one write lock for long: requests write between batches.
 * `deleteBatch` deletes at most `limit` rows and answers how many; the total is answered.
 */
export async function deleteInBatches(
  db: Kysely<Database>,
  batchSize: number,
  signal: AbortSignal,
  deleteBatch: (trx: Kysely<Database>, limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (let batch = batchSize; batch === batchSize && !signal.aborted; total += batch) {
    batch = await writeTransaction(db, (trx) => deleteBatch(trx, batchSize));
  }
  return total;
}
