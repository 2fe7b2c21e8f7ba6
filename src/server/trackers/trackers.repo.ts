import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../context.js';
import type { TrackerConnectionsTable, TrackerIssuesTable } from '../db/schema.js';

export type TrackerConnectionRow = Selectable<TrackerConnectionsTable>;
export type TrackerIssueRow = Selectable<TrackerIssuesTable>;
export type TrackerIssueWithTracker = TrackerIssueRow & { tracker_name: string; tracker_kind: string };

export const listConnections = (db: Executor): Promise<TrackerConnectionRow[]> => db.selectFrom('tracker_connections').selectAll().orderBy('id').execute();

export const findConnection = (db: Executor, id: number): Promise<TrackerConnectionRow | undefined> =>
  db.selectFrom('tracker_connections').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertConnection(db: Executor, values: Insertable<TrackerConnectionsTable>): Promise<number> {
  const { id } = await db.insertInto('tracker_connections').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateConnection(db: Executor, id: number, version: number, values: Updateable<TrackerConnectionsTable>): Promise<boolean> {
  const result = await db.updateTable('tracker_connections').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteConnection(db: Executor, id: number, version: number): Promise<boolean> {
  await db.deleteFrom('tracker_services').where('connection_id', '=', id).execute();
  await db.deleteFrom('tracker_people').where('connection_id', '=', id).execute();
  await db.deleteFrom('tracker_deliveries').where('connection_id', '=', id).execute();
  await db.deleteFrom('tracker_issues').where('connection_id', '=', id).execute();
  const result = await db.deleteFrom('tracker_connections').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Only one default connection: setting one clears the others. */
export async function clearDefault(db: Executor, exceptId: number): Promise<void> {
  await db.updateTable('tracker_connections').set({ is_default: 0 }).where('id', '!=', exceptId).where('is_default', '=', 1).execute();
}

export const listServices = (db: Executor): Promise<Array<{ connection_id: number; service: string }>> =>
  db.selectFrom('tracker_services').select(['connection_id', 'service']).orderBy('service').execute();

export const findServiceOwners = (db: Executor, services: string[]): Promise<Array<{ connection_id: number; service: string }>> =>
  services.length === 0 ? Promise.resolve([]) : db.selectFrom('tracker_services').select(['connection_id', 'service']).where('service', 'in', services).execute();

export async function replaceServices(db: Executor, connectionId: number, services: string[]): Promise<void> {
  await db.deleteFrom('tracker_services').where('connection_id', '=', connectionId).execute();
  if (services.length) await db.insertInto('tracker_services').values(services.map((service) => ({ connection_id: connectionId, service }))).execute();
}

export const findDefaultConnection = (db: Executor): Promise<TrackerConnectionRow | undefined> =>
  db.selectFrom('tracker_connections').selectAll().where('is_default', '=', 1).orderBy('id').executeTakeFirst();

export const listPeople = (db: Executor, connectionId: number) =>
  db
    .selectFrom('tracker_people')
    .innerJoin('users', 'users.id', 'tracker_people.user_id')
    .select(['tracker_people.user_id', 'users.name', 'tracker_people.external_user'])
    .where('tracker_people.connection_id', '=', connectionId)
    .orderBy('users.name')
    .execute();

export const findPerson = async (db: Executor, connectionId: number, userId: number): Promise<string | null> =>
  (await db.selectFrom('tracker_people').select('external_user').where('connection_id', '=', connectionId).where('user_id', '=', userId).executeTakeFirst())?.external_user ?? null;

export async function upsertPerson(db: Executor, connectionId: number, userId: number, externalUser: string): Promise<void> {
  await db
    .insertInto('tracker_people')
    .values({ connection_id: connectionId, user_id: userId, external_user: externalUser })
    .onConflict((oc) => oc.columns(['connection_id', 'user_id']).doUpdateSet({ external_user: externalUser }))
    .execute();
}

export async function deletePerson(db: Executor, connectionId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('tracker_people').where('connection_id', '=', connectionId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

const issuesWithTracker = (db: Executor) =>
  db
    .selectFrom('tracker_issues')
    .innerJoin('tracker_connections', 'tracker_connections.id', 'tracker_issues.connection_id')
    .selectAll('tracker_issues')
    .select(['tracker_connections.name as tracker_name', 'tracker_connections.kind as tracker_kind']);

export const findIssue = (db: Executor, actionItemId: number): Promise<TrackerIssueWithTracker | undefined> =>
  issuesWithTracker(db).where('tracker_issues.action_item_id', '=', actionItemId).executeTakeFirst();

export const listIssuesOfReview = (db: Executor, reviewId: number): Promise<TrackerIssueWithTracker[]> =>
  issuesWithTracker(db)
    .where('tracker_issues.action_item_id', 'in', (eb) => eb.selectFrom('action_items').select('id').where('review_id', '=', reviewId))
    .orderBy('tracker_issues.action_item_id')
    .execute();

export const findIssueByExternalId = (db: Executor, connectionId: number, externalId: string): Promise<TrackerIssueRow | undefined> =>
  db.selectFrom('tracker_issues').selectAll().where('connection_id', '=', connectionId).where('external_id', '=', externalId).executeTakeFirst();

export async function insertIssue(db: Executor, values: Insertable<TrackerIssuesTable>): Promise<void> {
  await db.insertInto('tracker_issues').values(values).execute();
}

export async function updateIssue(db: Executor, actionItemId: number, values: Updateable<TrackerIssuesTable>): Promise<void> {
  await db.updateTable('tracker_issues').set(values).where('action_item_id', '=', actionItemId).execute();
}

/**
 * Claims the sending of `state` to the tracker for one job, compare-and-set: only while the link is
 * still at `from` and nobody else holds an unexpired claim (the job's own retry may take it again).
 * False: another job holds it, or the link moved on.
 */
export async function claimSync(db: Executor, actionItemId: number, claim: { from: string; state: string; jobId: number; nowMs: number; untilMs: number }): Promise<boolean> {
  const result = await db
    .updateTable('tracker_issues')
    .set({ sync_state: claim.state, sync_job_id: claim.jobId, sync_until_ms: claim.untilMs })
    .where('action_item_id', '=', actionItemId)
    .where('state', '=', claim.from)
    .where((eb) => eb.or([eb('sync_job_id', 'is', null), eb('sync_job_id', '=', claim.jobId), eb('sync_until_ms', '<', claim.nowMs)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives up a job's claim (its send failed), so the next attempt, or another job, may claim again. */
export async function releaseSync(db: Executor, actionItemId: number, jobId: number): Promise<void> {
  await db.updateTable('tracker_issues').set({ sync_state: null, sync_job_id: null, sync_until_ms: null }).where('action_item_id', '=', actionItemId).where('sync_job_id', '=', jobId).execute();
}

/** Records a delivery; false when it was recorded before (a replay). */
export async function insertDelivery(db: Executor, connectionId: number, deliveryId: string, receivedAt: string): Promise<boolean> {
  const inserted = await db
    .insertInto('tracker_deliveries')
    .values({ connection_id: connectionId, delivery_id: deliveryId, received_at: receivedAt })
    .onConflict((oc) => oc.columns(['connection_id', 'delivery_id']).doNothing())
    .returning('delivery_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const hasDelivery = async (db: Executor, connectionId: number, deliveryId: string): Promise<boolean> =>
  (await db.selectFrom('tracker_deliveries').select('delivery_id').where('connection_id', '=', connectionId).where('delivery_id', '=', deliveryId).executeTakeFirst()) !== undefined;

/** Deletes up to `limit` delivery ids received before `beforeIso`, oldest first; returns how many. */
export async function deleteDeliveriesBefore(db: Executor, beforeIso: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('tracker_deliveries')
    .where((eb) =>
      eb(eb.refTuple('connection_id', 'delivery_id'), 'in', eb.selectFrom('tracker_deliveries').select(['connection_id', 'delivery_id']).where('received_at', '<', beforeIso).orderBy('received_at').limit(limit).$asTuple('connection_id', 'delivery_id')),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
