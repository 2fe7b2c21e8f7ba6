import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { AlertDeliveriesTable, AlertSourcesTable } from '../db/schema.js';

export type AlertSourceRow = Selectable<AlertSourcesTable>;
export type AlertDeliveryRow = Selectable<AlertDeliveriesTable>;

export async function insertSource(db: Executor, values: Insertable<AlertSourcesTable>): Promise<number> {
  const row = await db.insertInto('alert_sources').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const findSource = (db: Executor, id: number): Promise<AlertSourceRow | undefined> => db.selectFrom('alert_sources').selectAll().where('id', '=', id).executeTakeFirst();

export const listSources = (db: Executor): Promise<AlertSourceRow[]> => db.selectFrom('alert_sources').selectAll().orderBy('name').orderBy('id').execute();

/** Updates only at `version`; false when someone changed it first. */
export async function updateSource(db: Executor, id: number, version: number, values: Partial<Pick<AlertSourceRow, 'name' | 'settings' | 'secret' | 'secret_rotated_at' | 'updated_at'>>): Promise<boolean> {
  const result = await db.updateTable('alert_sources').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteSource(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('alert_deliveries').where('source_id', '=', id).execute();
  await db.deleteFrom('alert_events').where('source_id', '=', id).execute();
  await db.deleteFrom('alert_sources').where('id', '=', id).execute();
}

export async function insertDelivery(db: Executor, values: Insertable<AlertDeliveriesTable>): Promise<number> {
  const row = await db.insertInto('alert_deliveries').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setDeliveryOutcome(db: Executor, id: number, status: string, detail: string | null, incidentIds: number[]): Promise<void> {
  await db.updateTable('alert_deliveries').set({ status, detail, incident_ids: JSON.stringify(incidentIds) }).where('id', '=', id).execute();
}

export async function deliveryKnown(db: Executor, sourceId: number, deliveryId: string): Promise<boolean> {
  return (await db.selectFrom('alert_deliveries').select('id').where('source_id', '=', sourceId).where('delivery_id', '=', deliveryId).executeTakeFirst()) !== undefined;
}

/** Deletes up to `limit` deliveries received before `beforeMs`, oldest first; returns how many. */
export async function deleteDeliveriesBefore(db: Executor, beforeMs: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('alert_deliveries')
    .where('id', 'in', (eb) => eb.selectFrom('alert_deliveries').select('id').where('received_at_ms', '<', beforeMs).orderBy('received_at_ms').limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The latest deliveries of each source, newest first, at most `limit` each. */
export async function recentDeliveries(db: Executor, sourceIds: number[], limit: number): Promise<Map<number, AlertDeliveryRow[]>> {
  const bySource = new Map<number, AlertDeliveryRow[]>(sourceIds.map((id) => [id, []]));
  for (const id of sourceIds) {
    bySource.set(id, await db.selectFrom('alert_deliveries').selectAll().where('source_id', '=', id).orderBy('id', 'desc').limit(limit).execute());
  }
  return bySource;
}

/** Marks the source's events as on the timeline; answers the keys that were not yet (the new ones). */
export async function claimEvents(db: Executor, sourceId: number, incidentId: number, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .insertInto('alert_events')
    .values(keys.map((event_key) => ({ source_id: sourceId, event_key, incident_id: incidentId })))
    .onConflict((oc) => oc.columns(['source_id', 'event_key']).doNothing())
    .returning('event_key')
    .execute();
  return new Set(rows.map((row) => row.event_key));
}
