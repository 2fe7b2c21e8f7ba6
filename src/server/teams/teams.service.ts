import { AppError, notFound } from '../../shared/errors.js';
import type { Team, TeamCreate, TeamUpdate } from '../../shared/teams/team.schema.js';
import type { AppContext, Executor } from '../context.js';
import { isUniqueViolation } from '../db/dialect.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import * as repo from './teams.repo.js';

/**
 * Teams (docs/teams.md): who owns which services, who hears of them. Admins keep them; everyone
 * signed in reads them (they name no incident). Each change is audited with the team before and after.
 */

const toTeam = (row: repo.TeamRow, parts: repo.TeamParts): Team => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  services: parts.services.get(row.id) ?? [],
  members: parts.members.get(row.id) ?? [],
  slackChannel: row.slack_channel,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

async function readTeam(db: Executor, id: number): Promise<Team> {
  const row = await repo.findTeam(db, id);
  if (!row) throw notFound('Team', id);
  return toTeam(row, await repo.teamParts(db, [id]));
}

export const getTeam = (ctx: AppContext, id: number): Promise<Team> => readTeam(ctx.db, id);

export async function listTeams(ctx: AppContext): Promise<{ items: Team[] }> {
  const rows = await repo.listTeams(ctx.db);
  const parts = await repo.teamParts(ctx.db, rows.map((row) => row.id));
  return { items: rows.map((row) => toTeam(row, parts)) };
}

const slugTaken = (slug: string) => new AppError('conflict', `Invalid body: slug: ${slug} is another team's`, { errors: [{ field: 'slug', in: 'body', message: `${slug} is another team's` }] });

async function checkMembers(db: Executor, memberIds: number[]): Promise<void> {
  const known = await repo.existingUserIds(db, memberIds);
  const index = memberIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw invalidField(`memberIds.${index}`, `there is no user ${memberIds[index]}`);
}

export async function createTeam(ctx: AppContext, input: TeamCreate): Promise<Team> {
  const nowIso = ctx.now().toISOString();
  return slugUnique(input.slug, writeTransaction(ctx.db, async (trx) => {
    await checkMembers(trx, input.memberIds);
    const id = await repo.insertTeam(trx, { name: input.name, slug: input.slug, slack_channel: input.slackChannel, created_at: nowIso, updated_at: nowIso });
    if (id === null) throw slugTaken(input.slug);
    await repo.replaceServices(trx, id, input.services);
    await repo.replaceMembers(trx, id, input.memberIds);
    const team = await readTeam(trx, id);
    await recordChange(ctx, trx, { type: 'team.changed', teamId: id, change: 'created' }, { action: 'team.create', entityType: 'team', entityId: id, before: null, after: team });
    return team;
  }));
}

export async function updateTeam(ctx: AppContext, id: number, input: TeamUpdate): Promise<Team> {
  return slugUnique(input.slug, writeTransaction(ctx.db, async (trx) => {
    const current = await readTeam(trx, id);
    if (current.version !== input.version) throw versionConflict(`Team ${id}`, current, input.version);
    if (input.slug !== undefined && (await repo.slugTaken(trx, input.slug, id))) throw slugTaken(input.slug);
    if (input.memberIds) await checkMembers(trx, input.memberIds);
    const values = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.slackChannel !== undefined ? { slack_channel: input.slackChannel } : {}),
      updated_at: ctx.now().toISOString(),
    };
    if (!(await repo.updateTeam(trx, id, input.version, values))) throw versionConflict(`Team ${id}`, await readTeam(trx, id), input.version);
    if (input.services) await repo.replaceServices(trx, id, input.services);
    if (input.memberIds) await repo.replaceMembers(trx, id, input.memberIds);
    const team = await readTeam(trx, id);
    await recordChange(ctx, trx, { type: 'team.changed', teamId: id, change: 'updated' }, { action: 'team.update', entityType: 'team', entityId: id, before: current, after: team });
    return team;
  }));
}

/** Two writers may check a slug free at once: the unique index refuses the second, a 409 like the check's. */
async function slugUnique<T>(slug: string | undefined, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (slug !== undefined && isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}

/** Deletes the team; incidents keep their services, and its weekly digest stops. */
export async function deleteTeam(ctx: AppContext, id: number): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const current = await readTeam(trx, id);
    await repo.deleteTeam(trx, id);
    await recordChange(ctx, trx, { type: 'team.changed', teamId: id, change: 'deleted' }, { action: 'team.delete', entityType: 'team', entityId: id, before: current, after: null });
  });
}

/**
 * The services of the team a filter names (`?team=<slug>`), for trends and the digest; an unknown
 * slug is a 400 naming `team`.
 */
export async function teamOfFilter(ctx: AppContext, slug: string): Promise<{ slug: string; name: string; services: string[] }> {
  const row = await repo.findTeamBySlug(ctx.db, slug);
  if (!row) throw new AppError('validation_failed', `Invalid query: team: there is no team ${slug}`, { errors: [{ field: 'team', in: 'query', message: `there is no team ${slug}` }] });
  return { slug: row.slug, name: row.name, services: (await repo.teamParts(ctx.db, [row.id])).services.get(row.id) ?? [] };
}

/** A team as its weekly digest needs it (services, members' ids, channel); null when it was deleted. */
export async function teamForDigest(ctx: AppContext, id: number): Promise<{ id: number; slug: string; slackChannel: string | null; memberIds: number[] } | null> {
  const row = await repo.findTeam(ctx.db, id);
  if (!row) return null;
  const parts = await repo.teamParts(ctx.db, [id]);
  return { id, slug: row.slug, slackChannel: row.slack_channel, memberIds: (parts.members.get(id) ?? []).map((member) => member.userId) };
}

/** The ids of every team: whom the weekly digest sweep enqueues for. */
export const allTeamIds = async (ctx: AppContext): Promise<number[]> => (await repo.listTeams(ctx.db)).map((row) => row.id);
