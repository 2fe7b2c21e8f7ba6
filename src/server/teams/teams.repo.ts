import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { TeamsTable } from '../db/schema.js';

/** Every SQL statement of teams: the team, its services and its members. */

export type TeamRow = Selectable<TeamsTable>;
export interface TeamParts {
  services: Map<number, string[]>;
  members: Map<number, Array<{ userId: number; name: string }>>;
}

export const listTeams = (db: Executor): Promise<TeamRow[]> => db.selectFrom('teams').selectAll().orderBy('name').orderBy('id').execute();

export const findTeam = (db: Executor, id: number): Promise<TeamRow | undefined> => db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();

export const findTeamBySlug = (db: Executor, slug: string): Promise<TeamRow | undefined> => db.selectFrom('teams').selectAll().where('slug', '=', slug).executeTakeFirst();

/** The services and members (with their current names) of the teams `ids`. */
export async function teamParts(db: Executor, ids: number[]): Promise<TeamParts> {
  const parts: TeamParts = { services: new Map(ids.map((id) => [id, []])), members: new Map(ids.map((id) => [id, []])) };
  if (ids.length === 0) return parts;
  const [services, members] = await Promise.all([
    db.selectFrom('team_services').select(['team_id', 'service']).where('team_id', 'in', ids).orderBy('service').execute(),
    db
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select(['team_members.team_id', 'users.id', 'users.name'])
      .where('team_members.team_id', 'in', ids)
      .orderBy('users.name')
      .orderBy('users.id')
      .execute(),
  ]);
  for (const row of services) parts.services.get(row.team_id)!.push(row.service);
  for (const row of members) parts.members.get(row.team_id)!.push({ userId: row.id, name: row.name });
  return parts;
}

/** Inserts the team; null when its slug is taken. */
export async function insertTeam(db: Executor, row: Insertable<TeamsTable>): Promise<number | null> {
  const inserted = await db.insertInto('teams').values(row).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
  return inserted?.id ?? null;
}

/** Updates only at `version`; false when someone changed it first. */
export async function updateTeam(db: Executor, id: number, version: number, values: Partial<Pick<TeamRow, 'name' | 'slug' | 'slack_channel' | 'updated_at'>>): Promise<boolean> {
  const result = await db.updateTable('teams').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceServices(db: Executor, teamId: number, services: string[]): Promise<void> {
  await db.deleteFrom('team_services').where('team_id', '=', teamId).execute();
  if (services.length) await db.insertInto('team_services').values(services.map((service) => ({ team_id: teamId, service }))).execute();
}

export async function replaceMembers(db: Executor, teamId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (userIds.length) await db.insertInto('team_members').values(userIds.map((user_id) => ({ team_id: teamId, user_id }))).execute();
}

export async function deleteTeam(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', id).execute();
  await db.deleteFrom('team_services').where('team_id', '=', id).execute();
  await db.deleteFrom('teams').where('id', '=', id).execute();
}

/** Which of `ids` are accounts (any state: a disabled member stays listed, and gets nothing). */
export const existingUserIds = async (db: Executor, ids: number[]): Promise<Set<number>> =>
  new Set(ids.length ? (await db.selectFrom('users').select('id').where('id', 'in', ids).execute()).map((row) => row.id) : []);

/** Whether another team has `slug`. */
export const slugTaken = async (db: Executor, slug: string, exceptId: number): Promise<boolean> =>
  (await db.selectFrom('teams').select('id').where('slug', '=', slug).where('id', '!=', exceptId).executeTakeFirst()) !== undefined;
