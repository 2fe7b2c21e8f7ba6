import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { ChangeEventsTable } from '../db/schema.js';

export type ChangeRow = Selectable<ChangeEventsTable>;
export type ChangeValues = Insertable<ChangeEventsTable>;

/** Rows per statement: well under SQLite's parameter limit with 14 columns. */
const BATCH = 200;

export const changeKey = (row: { source: string; external_id: string }) => `${row.source} ${row.external_id}`;

/** The stored changes with these keys (source and external id), by `changeKey`. */
export async function findKnown(db: Executor, keys: Array<{ source: string; external_id: string }>): Promise<Map<string, ChangeRow>> {
  const known = new Map<string, ChangeRow>();
  for (const source of new Set(keys.map((k) => k.source))) {
    const ids = [...new Set(keys.filter((k) => k.source === source).map((k) => k.external_id))];
    for (let i = 0; i < ids.length; i += BATCH) {
      const stored = await db.selectFrom('change_events').selectAll().where('source', '=', source).where('external_id', 'in', ids.slice(i, i + BATCH)).execute();
      for (const row of stored) known.set(changeKey(row), row);
    }
  }
  return known;
}

/** Inserts the changes not stored yet (by source and external id); answers the ids it created. */
export async function insertNewChanges(db: Executor, values: ChangeValues[]): Promise<number[]> {
  const created: number[] = [];
  for (let i = 0; i < values.length; i += BATCH) {
    const inserted = await db
      .insertInto('change_events')
      .values(values.slice(i, i + BATCH))
      .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
      .returning('id')
      .execute();
    created.push(...inserted.map((row) => row.id));
  }
  return created;
}

export interface ChangeFilter {
  service?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

/** Newest first by time, then id, so the cursor is stable while new changes arrive. */
export async function listChanges(db: Executor, filter: ChangeFilter, cursor: { occurredAtMs: number; id: number } | null, limit: number): Promise<ChangeRow[]> {
  let select = db.selectFrom('change_events').selectAll();
  const service = filter.service?.toLowerCase();
  if (service) select = select.where((eb) => eb(eb.fn('lower', ['service']), '=', service));
  if (filter.fromMs !== undefined) select = select.where('occurred_at_ms', '>=', filter.fromMs);
  if (filter.toMs !== undefined) select = select.where('occurred_at_ms', '<=', filter.toMs);
  if (cursor) {
    select = select.where((eb) =>
      eb.or([eb('occurred_at_ms', '<', cursor.occurredAtMs), eb.and([eb('occurred_at_ms', '=', cursor.occurredAtMs), eb('id', '<', cursor.id)])]),
    );
  }
  return select.orderBy('occurred_at_ms', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
