import type { Executor } from '../context.js';
import { isUniqueViolation } from '../db/dialect.js';

export interface StoredKey {
  id: number;
  request_hash: string;
  status: number | null;
  response: string | null;
  location: string | null;
  created_at_ms: number;
}

/** Reserves `key` for `owner`; null when it is already taken (the stored row is then read). */
export async function reserveKey(db: Executor, owner: string, key: string, requestHash: string, nowMs: number): Promise<number | null> {
  try {
    const row = await db.insertInto('idempotency_keys').values({ owner, key, request_hash: requestHash, created_at_ms: nowMs }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export const findKey = (db: Executor, owner: string, key: string): Promise<StoredKey | undefined> =>
  db.selectFrom('idempotency_keys').select(['id', 'request_hash', 'status', 'response', 'location', 'created_at_ms']).where('owner', '=', owner).where('key', '=', key).executeTakeFirst();

export async function storeAnswer(db: Executor, id: number, status: number, response: string, location: string | null): Promise<void> {
  await db.updateTable('idempotency_keys').set({ status, response, location }).where('id', '=', id).execute();
}

export async function releaseKey(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
}

/** Takes over a reservation whose request never answered (the process stopped): only if it is still that one. */
export async function releaseAbandoned(db: Executor, id: number, createdAtMs: number): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('id', '=', id).where('status', 'is', null).where('created_at_ms', '=', createdAtMs).execute();
}

/** Deletes up to `limit` keys made before `beforeMs`, oldest first; returns how many. */
export async function pruneKeys(db: Executor, beforeMs: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('id', 'in', (eb) => eb.selectFrom('idempotency_keys').select('id').where('created_at_ms', '<', beforeMs).orderBy('created_at_ms').limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
