import type { Executor } from '../context.js';

export const findIncidentRestricted = (db: Executor, incidentId: number): Promise<{ restricted: number } | undefined> =>
  db.selectFrom('incidents').select('restricted').where('id', '=', incidentId).executeTakeFirst();

export const listMembers = (db: Executor, incidentId: number): Promise<Array<{ id: number; name: string; email: string }>> =>
  db
    .selectFrom('incident_members')
    .innerJoin('users', 'users.id', 'incident_members.user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('incident_members.incident_id', '=', incidentId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();

export async function existingUserIds(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/** Sets the flag and replaces the members. The row update comes first, so it holds the row lock on PostgreSQL. */
export async function saveAccess(db: Executor, incidentId: number, restricted: boolean, memberIds: number[]): Promise<void> {
  await db.updateTable('incidents').set({ restricted: restricted ? 1 : 0 }).where('id', '=', incidentId).execute();
  await db.deleteFrom('incident_members').where('incident_id', '=', incidentId).execute();
  if (memberIds.length) await db.insertInto('incident_members').values(memberIds.map((user_id) => ({ incident_id: incidentId, user_id }))).execute();
}
