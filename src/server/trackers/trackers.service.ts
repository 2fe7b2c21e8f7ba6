import { AppError, notFound } from '../../shared/errors.js';
import type { TrackerConnection, TrackerConnectionCreate, TrackerConnectionUpdate, TrackerPersonInput } from '../../shared/trackers/tracker.schema.js';
import type { AppContext, Executor } from '../context.js';
import { randomSecret } from '../accounts/secrets.js';
import { getUser } from '../accounts/users.service.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import { trackerClient } from './clients/index.js';
import { statusOf } from './clients/types.js';
import { accessOf, auditedConnection, toConnection } from './tracker.mapper.js';
import * as repo from './trackers.repo.js';

const normalizeServices = (services: string[]) => [...new Set(services.map((s) => s.trim().toLowerCase()).filter(Boolean))];

function checkProject(kind: string, project: string, username: string | null | undefined): void {
  if (kind === 'github' && !/^[\w.-]+\/[\w.-]+$/.test(project)) throw invalidField('project', 'must be owner/repo for GitHub');
  if (kind === 'jira' && !/^[A-Z][A-Z0-9_]{0,49}$/.test(project)) throw invalidField('project', 'must be a Jira project key (capital letters and digits, e.g. OPS)');
  if (kind === 'jira' && !username) throw invalidField('username', 'is required for Jira: the e-mail address the API token belongs to');
}

async function servicesTaken(db: Executor, services: string[], connectionId: number | null): Promise<void> {
  const owners = await repo.findServiceOwners(db, services);
  const taken = owners.find((owner) => owner.connection_id !== connectionId);
  if (taken) throw invalidField('services', `"${taken.service}" is already served by tracker ${taken.connection_id}`);
}

async function readConnection(db: Executor, id: number): Promise<TrackerConnection | null> {
  const row = await repo.findConnection(db, id);
  if (!row) return null;
  const services = (await repo.listServices(db)).filter((s) => s.connection_id === id).map((s) => s.service);
  return toConnection(row, services);
}

export async function listConnections(ctx: AppContext): Promise<TrackerConnection[]> {
  const [rows, services] = await Promise.all([repo.listConnections(ctx.db), repo.listServices(ctx.db)]);
  return rows.map((row) => toConnection(row, services.filter((s) => s.connection_id === row.id).map((s) => s.service)));
}

export async function getConnection(ctx: AppContext, id: number): Promise<TrackerConnection> {
  const found = await readConnection(ctx.db, id);
  if (!found) throw notFound('Tracker', id);
  return found;
}

/** Connects a tracker; the webhook secret is answered this once and never again. */
export async function createConnection(ctx: AppContext, input: TrackerConnectionCreate): Promise<TrackerConnection & { webhookSecret: string }> {
  checkProject(input.kind, input.project, input.username);
  const services = normalizeServices(input.services);
  const webhookSecret = randomSecret();
  const nowIso = ctx.now().toISOString();
  const created = await writeTransaction(ctx.db, async (trx) => {
    await servicesTaken(trx, services, null);
    const id = await repo.insertConnection(trx, {
      name: input.name,
      kind: input.kind,
      base_url: input.baseUrl,
      project: input.project,
      username: input.username,
      token: input.token,
      webhook_secret: webhookSecret,
      is_default: input.isDefault ? 1 : 0,
      created_at: nowIso,
      updated_at: nowIso,
    });
    await repo.replaceServices(trx, id, services);
    if (input.isDefault) await repo.clearDefault(trx, id);
    const connection = (await readConnection(trx, id))!;
    await recordChange(ctx, trx, { type: 'tracker.changed', trackerId: id, change: 'created' }, { action: 'tracker.create', entityType: 'tracker', entityId: id, before: null, after: auditedConnection(connection) });
    return connection;
  });
  return { ...created, webhookSecret };
}

export async function updateConnection(ctx: AppContext, id: number, update: TrackerConnectionUpdate): Promise<TrackerConnection> {
  const { version, services, ...fields } = update;
  return writeTransaction(ctx.db, async (trx) => {
    const before = await readConnection(trx, id);
    if (!before) throw notFound('Tracker', id);
    const row = (await repo.findConnection(trx, id))!;
    checkProject(row.kind, fields.project ?? row.project, fields.username === undefined ? row.username : fields.username);
    const ok = await repo.updateConnection(trx, id, version, {
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.baseUrl !== undefined ? { base_url: fields.baseUrl } : {}),
      ...(fields.project !== undefined ? { project: fields.project } : {}),
      ...(fields.username !== undefined ? { username: fields.username } : {}),
      ...(fields.token !== undefined ? { token: fields.token } : {}),
      ...(fields.isDefault !== undefined ? { is_default: fields.isDefault ? 1 : 0 } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!ok) throw versionConflict('Tracker', before, version);
    if (services) {
      const normalized = normalizeServices(services);
      await servicesTaken(trx, normalized, id);
      await repo.replaceServices(trx, id, normalized);
    }
    if (fields.isDefault) await repo.clearDefault(trx, id);
    const after = (await readConnection(trx, id))!;
    await recordChange(ctx, trx, { type: 'tracker.changed', trackerId: id, change: 'updated' }, { action: 'tracker.update', entityType: 'tracker', entityId: id, before: auditedConnection(before), after: auditedConnection(after) });
    return after;
  });
}

export async function deleteConnection(ctx: AppContext, id: number, version: number): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const before = await readConnection(trx, id);
    if (!before) throw notFound('Tracker', id);
    if (!(await repo.deleteConnection(trx, id, version))) throw versionConflict('Tracker', before, version);
    await recordChange(ctx, trx, { type: 'tracker.changed', trackerId: id, change: 'deleted' }, { action: 'tracker.delete', entityType: 'tracker', entityId: id, before: auditedConnection(before), after: null });
  });
}

/** Reads the project with the stored token: proves the URL, the token and the project name. */
export async function testConnection(ctx: AppContext, id: number): Promise<{ ok: boolean; message: string }> {
  const row = await repo.findConnection(ctx.db, id);
  if (!row) throw notFound('Tracker', id);
  try {
    return { ok: true, message: await trackerClient(accessOf(row)).test() };
  } catch (error) {
    const status = statusOf(error);
    return { ok: false, message: `${status ? `HTTP ${status}: ` : ''}${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
  }
}

export async function listPeople(ctx: AppContext, id: number) {
  await getConnection(ctx, id);
  return (await repo.listPeople(ctx.db, id)).map((p) => ({ userId: p.user_id, name: p.name, externalUser: p.external_user }));
}

/** Who a user is in the tracker (GitHub login, GitLab username, Jira account id): issues made from their items are assigned to them. */
export async function setPerson(ctx: AppContext, id: number, input: TrackerPersonInput) {
  const connection = await getConnection(ctx, id);
  const user = await getUser(ctx, input.userId).catch(() => null);
  if (!user) throw invalidField('userId', 'is not a user');
  await writeTransaction(ctx.db, async (trx) => {
    await repo.upsertPerson(trx, id, input.userId, input.externalUser);
    await recordChange(ctx, trx, { type: 'tracker.changed', trackerId: id, change: 'updated' }, { action: 'tracker.person.set', entityType: 'tracker', entityId: id, before: null, after: { tracker: connection.name, userId: input.userId, externalUser: input.externalUser } });
  });
  return { userId: user.id, name: user.name, externalUser: input.externalUser };
}

export async function removePerson(ctx: AppContext, id: number, userId: number): Promise<void> {
  await getConnection(ctx, id);
  await writeTransaction(ctx.db, async (trx) => {
    if (!(await repo.deletePerson(trx, id, userId))) throw new AppError('not_found', `User ${userId} has no name in tracker ${id}`);
    await recordChange(ctx, trx, { type: 'tracker.changed', trackerId: id, change: 'updated' }, { action: 'tracker.person.remove', entityType: 'tracker', entityId: id, before: { userId }, after: null });
  });
}

/** The connection an incident's action items go to: the first of its services one serves, else the default. */
export async function connectionForServices(db: Executor, services: readonly string[]): Promise<repo.TrackerConnectionRow | null> {
  const wanted = normalizeServices([...services]);
  const owners = await repo.findServiceOwners(db, wanted);
  for (const service of wanted) {
    const owner = owners.find((o) => o.service === service);
    if (owner) return (await repo.findConnection(db, owner.connection_id)) ?? null;
  }
  return (await repo.findDefaultConnection(db)) ?? null;
}
