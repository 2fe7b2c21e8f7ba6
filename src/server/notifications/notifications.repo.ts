import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { NotificationDeliveriesTable, NotificationPreferencesTable, WebhookEndpointsTable } from '../db/schema.js';

/** Every SQL statement of notifications: preferences, webhook endpoints, deliveries. */

export type PreferencesRow = Selectable<NotificationPreferencesTable>;
export type EndpointRow = Selectable<WebhookEndpointsTable>;
export type DeliveryRow = Selectable<NotificationDeliveriesTable>;

export const findPreferences = (db: Executor, userIds: number[]): Promise<PreferencesRow[]> =>
  userIds.length === 0 ? Promise.resolve([]) : db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();

export async function insertPreferences(db: Executor, row: Insertable<NotificationPreferencesTable>): Promise<boolean> {
  const result = await db.insertInto('notification_preferences').values(row).onConflict((oc) => oc.column('user_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updatePreferences(db: Executor, userId: number, version: number, values: Pick<PreferencesRow, 'preferences' | 'digest_hour' | 'time_zone' | 'updated_at'>): Promise<boolean> {
  const result = await db
    .updateTable('notification_preferences')
    .set({ ...values, version: version + 1 })
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Users whose digest goes at `hour` local time, with their zones (the caller checks the hour in each zone). */
export const listDigestUsers = (db: Executor): Promise<Array<Pick<PreferencesRow, 'user_id' | 'digest_hour' | 'time_zone'>>> =>
  db.selectFrom('notification_preferences').select(['user_id', 'digest_hour', 'time_zone']).where('digest_hour', 'is not', null).execute();

export const listEndpoints = (db: Executor): Promise<EndpointRow[]> => db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();

export const findEndpoint = (db: Executor, id: number): Promise<EndpointRow | undefined> => db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertEndpoint(db: Executor, row: Insertable<WebhookEndpointsTable>): Promise<EndpointRow> {
  return db.insertInto('webhook_endpoints').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateEndpoint(db: Executor, id: number, values: Partial<Pick<EndpointRow, 'enabled' | 'description' | 'kinds' | 'updated_at'>>): Promise<boolean> {
  const result = await db.updateTable('webhook_endpoints').set(values).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEndpoint(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Inserts the delivery unless one with its key exists; answers the new row's id, or null when it existed. */
export async function insertDelivery(db: Executor, row: Insertable<NotificationDeliveriesTable>): Promise<number | null> {
  const inserted = await db
    .insertInto('notification_deliveries')
    .values(row)
    .onConflict((oc) => oc.column('delivery_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export const findDelivery = (db: Executor, id: number): Promise<DeliveryRow | undefined> =>
  db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();

export async function markDeliveries(db: Executor, ids: number[], state: 'sent' | 'skipped', nowIso: string, detail: string | null): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification_deliveries')
    .set({ state, sent_at: nowIso, sent_at_ms: Date.parse(nowIso), detail })
    .where('id', 'in', ids)
    .where('state', 'in', ['queued', 'digest'])
    .execute();
}

export const listDigestDeliveries = (db: Executor, userId: number, beforeMs: number): Promise<DeliveryRow[]> =>
  db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('user_id', '=', userId)
    .where('state', '=', 'digest')
    .where('created_at_ms', '<=', beforeMs)
    .orderBy('id')
    .limit(200)
    .execute();

/** Recent deliveries to a user (their notifications page and tests). */
export const listDeliveriesOf = (db: Executor, userId: number, limit: number): Promise<DeliveryRow[]> =>
  db.selectFrom('notification_deliveries').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();

/** Reviews still before publication with an owner and a deadline: what the reminder sweep looks at. */
export const listOpenReviewDeadlines = (db: Executor, untilMs: number) =>
  db
    .selectFrom('reviews')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select(['reviews.id', 'reviews.incident_id', 'reviews.owner_user_id', 'reviews.due_at', 'reviews.due_at_ms', 'incidents.title'])
    .where('reviews.state', '!=', 'published')
    .where('reviews.due_at_ms', 'is not', null)
    .where('reviews.due_at_ms', '<=', untilMs)
    .orderBy('reviews.id')
    .execute();

/** Open action items with an owner who is a user and a due date on or before `untilDate`. */
export const listOpenActionItemDeadlines = (db: Executor, untilDate: string) =>
  db
    .selectFrom('action_items')
    .innerJoin('reviews', 'reviews.id', 'action_items.review_id')
    .select(['action_items.id', 'action_items.review_id', 'reviews.incident_id', 'action_items.owner_user_id', 'action_items.due_date', 'action_items.title'])
    .where('action_items.status', 'not in', ['done', 'declined'])
    .where('action_items.owner_user_id', 'is not', null)
    .where('action_items.due_date', 'is not', null)
    .where('action_items.due_date', '<=', untilDate)
    .orderBy('action_items.id')
    .execute();

/** An event of the log, as recorded (the fan-out reads what happened and who did it). */
export const findEventRow = (db: Executor, id: number) =>
  db.selectFrom('events').select(['id', 'type', 'data', 'actor_user_id', 'actor_name']).where('id', '=', id).executeTakeFirst();

/** Every user's saved preferences (who follows which services). */
export const listAllPreferences = (db: Executor): Promise<PreferencesRow[]> => db.selectFrom('notification_preferences').selectAll().execute();

/** Deletes up to `limit` deliveries made before `beforeMs` that are done (sent or skipped): queued and digest ones are still to go. */
export async function deleteDoneDeliveries(db: Executor, beforeMs: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('notification_deliveries')
    .where('id', 'in', (eb) => eb.selectFrom('notification_deliveries').select('id').where('created_at_ms', '<', beforeMs).where('state', 'in', ['sent', 'skipped']).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
