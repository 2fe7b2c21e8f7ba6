import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../context.js';
import { dialectOf } from '../db/dialect.js';
import { insertPrepared, runPrepared } from '../db/prepared.js';
import type { EventsTable } from '../db/schema.js';

export type EventRow = Selectable<EventsTable>;

/** The PostgreSQL channel committed events are announced on (their ids, in commit order). */
export const EVENTS_CHANNEL = 'hindsight_events';

/**
 * Appends an event. On PostgreSQL the same statement announces its id with NOTIFY, which the
 * server delivers to every listening instance only if and when the transaction commits, in commit
 * order: ids from a sequence are not in commit order, announcements are.
 */
export async function insertEvent(db: Executor, values: Insertable<EventsTable>): Promise<number> {
  if (dialectOf(db) !== 'postgres') {
    const [row] = await insertPrepared(db, 'events', values, 'id');
    return row!.id as number;
  }
  // The values' keys give the parameters' order: the caller builds them in the table's column order.
  const [row] = await runPrepared(
    db,
    'events:insert-notify',
    (db) =>
      db
        .with('inserted', (db) =>
          db
            .insertInto('events')
            .values({ type: '', at: '', actor_user_id: 0, actor_name: '', incident_id: 0, review_id: 0, data: '' })
            .returning('id'),
        )
        .selectFrom('inserted')
        .select(['inserted.id', sql<string>`pg_notify(${sql.lit(EVENTS_CHANNEL)}, inserted.id::text)`.as('notified')]),
    [values.type, values.at, values.actor_user_id, values.actor_name, values.incident_id, values.review_id, values.data],
  );
  return row!.id;
}

/** Events after `afterId` in log order, at most `limit`: SQLite's ids are in commit order (one writer at a time). */
export const listEventsAfter = (db: Executor, afterId: number, limit: number): Promise<EventRow[]> =>
  runPrepared(db, 'events:after', (db) => db.selectFrom('events').selectAll().where('id', '>', 0).orderBy('id').limit(1), [afterId, limit]);

export async function findEvents(db: Executor, ids: number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('events').selectAll().where('id', 'in', ids).execute();
}

export async function lastEventId(db: Executor): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The events of one review, oldest first: its activity. */
export const listEventsOfReview = (db: Executor, reviewId: number, afterId: number, limit: number): Promise<EventRow[]> =>
  db.selectFrom('events').selectAll().where('review_id', '=', reviewId).where('id', '>', afterId).orderBy('id').limit(limit).execute();

/** Deletes up to `limit` events recorded before `beforeIso`, oldest first; returns how many. */
export async function pruneEvents(db: Executor, beforeIso: string, limit: number): Promise<number> {
  const result = await db.deleteFrom('events').where('id', 'in', (eb) => eb.selectFrom('events').select('id').where('at', '<', beforeIso).orderBy('at').limit(limit)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
