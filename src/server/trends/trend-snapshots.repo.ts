import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { roleSchema } from '../../shared/accounts/account.schema.js';
import type { Executor } from '../context.js';
import type { TrendSnapshotsTable } from '../db/schema.js';

/** The newest event's id and how many access changes the log holds (both only grow, but by pruning). */
export async function eventCounters(db: Executor): Promise<{ lastEventId: number; accessChanges: number }> {
  const { rows } = await sql<{ last_event_id: number | string | null; access_changes: number | string }>`
    select (select max(id) from events) as last_event_id,
      (select count(*) from events where type = 'incident.access_changed') as access_changes`.execute(db);
  return { lastEventId: Number(rows[0]?.last_event_id ?? 0), accessChanges: Number(rows[0]?.access_changes ?? 0) };
}

export const findSnapshot = (db: Executor, key: string) => db.selectFrom('trend_snapshots').selectAll().where('key', '=', key).executeTakeFirst();

/** Stores a snapshot (replacing the question's last one) and deletes those not stored since `expiredBeforeMs`. */
export async function storeSnapshot(db: Executor, snapshot: TrendSnapshotsTable, expiredBeforeMs: number): Promise<void> {
  await db
    .insertInto('trend_snapshots')
    .values(snapshot)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ last_event_id: snapshot.last_event_id, access_changes: snapshot.access_changes, computed_at_ms: snapshot.computed_at_ms, body: snapshot.body }),
    )
    .execute();
  await db.deleteFrom('trend_snapshots').where('computed_at_ms', '<', expiredBeforeMs).execute();
}

/** Whether the user is a member of a restricted incident (and so may see more than the unrestricted ones). */
export async function isMemberOfRestricted(db: Executor, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('incident_members')
    .innerJoin('incidents', 'incidents.id', 'incident_members.incident_id')
    .select('incident_members.incident_id')
    .where('incident_members.user_id', '=', userId)
    .where('incidents.restricted', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The user as an actor, if their account is still active. */
export async function activeUserActor(db: Executor, userId: number): Promise<Actor | null> {
  const user = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', userId).where('disabled', '=', 0).executeTakeFirst();
  return user ? { userId: user.id, name: user.name, role: roleSchema.parse(user.role) } : null;
}
