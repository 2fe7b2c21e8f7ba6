import { sql } from 'kysely';
import type { Executor } from '../context.js';
import type { TrendSnapshotsTable } from '../db/schema.js';

/** Events with ids this close below the newest may still commit (PostgreSQL hands out ids before commit). */
const IN_FLIGHT_IDS = 1000;

/**
 * What the event log says about changes, read before figures are computed and again before they are
 * served. `lastEventId` and `recentEvents` (how many of the ids just below it exist) change with any
 * event committed since, even one with a lower id. The access changes' count and newest id change with
 * any access change, even once older ones were pruned.
 */
export interface EventCounters {
  lastEventId: number;
  recentEvents: number;
  accessChanges: number;
  lastAccessChangeId: number;
}

export async function eventCounters(db: Executor): Promise<EventCounters> {
  const { rows } = await sql<{ last_event_id: number | string | null; recent_events: number | string; access_changes: number | string; last_access_change_id: number | string | null }>`
    select newest.id as last_event_id,
      (select count(*) from events where id > coalesce(newest.id, 0) - ${IN_FLIGHT_IDS} and id <= newest.id) as recent_events,
      (select count(*) from events where type = 'incident.access_changed') as access_changes,
      (select max(id) from events where type = 'incident.access_changed') as last_access_change_id
    from (select max(id) as id from events) as newest`.execute(db);
  const row = rows[0];
  return {
    lastEventId: Number(row?.last_event_id ?? 0),
    recentEvents: Number(row?.recent_events ?? 0),
    accessChanges: Number(row?.access_changes ?? 0),
    lastAccessChangeId: Number(row?.last_access_change_id ?? 0),
  };
}

export const counterColumns = (counters: EventCounters) => ({
  last_event_id: counters.lastEventId,
  recent_events: counters.recentEvents,
  access_changes: counters.accessChanges,
  last_access_change_id: counters.lastAccessChangeId,
});

/** No access change since the snapshot was computed. */
export const sameAccess = (snapshot: TrendSnapshotsTable, now: EventCounters) =>
  Number(snapshot.access_changes) === now.accessChanges && Number(snapshot.last_access_change_id) === now.lastAccessChangeId;

/** No event since the snapshot was computed: none newer, none committed late below the newest. */
export const noEventSince = (snapshot: TrendSnapshotsTable, now: EventCounters) =>
  Number(snapshot.last_event_id) === now.lastEventId && Number(snapshot.recent_events) === now.recentEvents;

export const findSnapshot = (db: Executor, key: string) => db.selectFrom('trend_snapshots').selectAll().where('key', '=', key).executeTakeFirst();

/** Stores a snapshot unless a newer one is there. */
export async function storeSnapshot(db: Executor, snapshot: TrendSnapshotsTable): Promise<void> {
  const { last_event_id, recent_events, access_changes, last_access_change_id, computed_at_ms, body } = snapshot;
  const figures = { last_event_id, recent_events, access_changes, last_access_change_id, computed_at_ms, body };
  await db
    .insertInto('trend_snapshots')
    .values(snapshot)
    .onConflict((oc) => oc.column('key').doUpdateSet(figures).where('trend_snapshots.computed_at_ms', '<=', snapshot.computed_at_ms))
    .execute();
}

/** Deletes up to `limit` snapshots last stored before `beforeMs`; answers how many. */
export async function deleteSnapshotsStoredBefore(db: Executor, beforeMs: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('trend_snapshots')
    .where('key', 'in', (eb) => eb.selectFrom('trend_snapshots').select('key').where('computed_at_ms', '<', beforeMs).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
