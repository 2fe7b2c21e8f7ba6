import { notFound } from '../../shared/errors.js';
import type { PersonInput, PersonRef } from '../../shared/accounts/person.schema.js';
import { changedFields, type DomainEvent } from '../../shared/events/domain-events.js';
import type {
  Incident,
  IncidentCreate,
  IncidentListQuery,
  IncidentUpdate,
  KeyTimestamp,
  ServiceList,
  ServiceListQuery,
} from '../../shared/incidents/incident.schema.js';
import { MAX_TAGS, withLabel } from '../../shared/incidents/incident.schema.js';
import { restrictToCreator } from './incident-access.service.js';
import { canSeeIncident, visibleIncidents } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { resolvePeople } from '../people/people.service.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import { incidentFields, toIncident, toIncidentValues } from './incident.mapper.js';
import * as repo from './incidents.repo.js';
import { teamOfFilter } from '../teams/teams.service.js';

type Fields = ReturnType<typeof incidentFields>;

/**
 * Reaching a status stamps its key timestamp when the caller did not give one. Resolving stamps only
 * the resolution: when mitigation was never recorded it stays unknown, since copying the resolution
 * time would invent a time to mitigate.
 */
function stampStatusTimes(fields: Fields, nowIso: string): Fields {
  const stamped = { ...fields };
  if (stamped.status === 'resolved') stamped.resolvedAt ??= nowIso;
  if (stamped.status === 'mitigated') stamped.mitigatedAt ??= nowIso;
  return stamped;
}

/** An incident the caller may not see (restricted, not a member) is "not found", never "forbidden". */
async function readIncident(ctx: AppContext, db: Executor, id: number): Promise<Incident> {
  const row = await repo.findIncident(db, id);
  if (!row || (row.restricted === 1 && !(await canSeeIncident(ctx, ctx.actor, id, db)))) throw notFound('Incident', id);
  return toIncident(row, ctx.now());
}

export const getIncident = (ctx: AppContext, id: number): Promise<Incident> => readIncident(ctx, ctx.db, id);

/**
 * getIncident for the route: an unrestricted incident whose row is in the read cache (most reads
 * of a hot incident on SQLite) is answered at once, since each promise and microtask hop showed in
 * the read's profile; any other goes the usual way, visibility check included.
 */
export function getIncidentAtOnce(ctx: AppContext, id: number): Incident | Promise<Incident> {
  const row = repo.cachedIncident(ctx.db, id);
  return row?.restricted === 0 ? toIncident(row, ctx.now()) : readIncident(ctx, ctx.db, id);
}

export async function listIncidents(ctx: AppContext, query: IncidentListQuery) {
  const cursor = decodeCursor(query.cursor, ['startedAtMs', 'id'] as const);
  const teamServices = query.team === undefined ? undefined : (await teamOfFilter(ctx, query.team)).services;
  const rows = await repo.listIncidents(ctx.db, query, visibleIncidents(ctx.actor), cursor, teamServices);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const now = ctx.now();
  return {
    items: page.map((row) => toIncident(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ startedAtMs: last.started_at_ms, id: last.id }) : null,
  };
}

export async function listServices(ctx: AppContext, query: ServiceListQuery): Promise<ServiceList> {
  return { items: await repo.listServices(ctx.db, visibleIncidents(ctx.actor), query.q, query.limit) };
}

/** The incident's people as given (user ids, names) resolved to people as stored; fields not given stay absent. */
async function withPeople<T extends { commander?: PersonInput | null; responders?: PersonInput[] }>(
  ctx: AppContext,
  input: T,
): Promise<Omit<T, 'commander' | 'responders'> & { commander?: PersonRef | null; responders?: PersonRef[] }> {
  const { commander, responders, ...rest } = input;
  const given = [...(commander ? [{ field: 'commander', input: commander }] : []), ...(responders ?? []).map((person, i) => ({ field: `responders.${i}`, input: person }))];
  const resolved = given.length ? await resolvePeople(ctx.db, given) : [];
  return {
    ...rest,
    ...(commander !== undefined ? { commander: commander === null ? null : resolved[0]! } : {}),
    ...(responders !== undefined ? { responders: resolved.slice(commander ? 1 : 0) } : {}),
  };
}

export async function createIncident(ctx: AppContext, input: IncidentCreate): Promise<Incident> {
  const nowIso = ctx.now().toISOString();
  const { restricted, commander, responders, ...given } = input;
  const people = await withPeople(ctx, { commander, responders });
  const fields = stampStatusTimes({ ...given, commander: people.commander ?? null, responders: people.responders ?? [] }, nowIso);
  return writeTransaction(ctx.db, async (trx) => {
    const values = { ...toIncidentValues(fields, nowIso, nowIso), restricted: restricted ? 1 : 0, created_at: nowIso };
    const id = await repo.insertIncident(trx, values);
    await repo.insertTags(trx, id, fields.services, fields.labels);
    if (restricted) await restrictToCreator(ctx, trx, id);
    // What was just inserted, as a read would give it (no review yet, first version): one query less.
    const created = toIncident({ ...values, id, version: 1, ...noReview }, ctx.now());
    return afterChange(ctx, trx, created, null, 'incident.create');
  });
}

export async function updateIncident(ctx: AppContext, id: number, update: IncidentUpdate): Promise<Incident> {
  const { version, ...given } = update;
  const changes = await withPeople(ctx, given);
  return writeTransaction(ctx.db, async (trx) => {
    const current = await readIncident(ctx, trx, id);
    if (current.version !== version) throw versionConflict(`Incident ${id}`, current, version);
    const nowIso = ctx.now().toISOString();
    const fields = stampStatusTimes({ ...incidentFields(current), ...changes }, nowIso);
    const updated = await repo.updateIncident(trx, id, version, toIncidentValues(fields, current.createdAt, nowIso));
    if (!updated) throw versionConflict(`Incident ${id}`, await readIncident(ctx, trx, id), version);
    if (changes.services || changes.labels) await repo.replaceTags(trx, id, fields.services, fields.labels);
    return afterChange(ctx, trx, await readIncident(ctx, trx, id), current, 'incident.update');
  });
}

/**
 * Changes that apply whatever the version (resolve, label added or removed): they come from people
 * and integrations that did not read the incident first, and they commute with other edits. One
 * that changes nothing writes nothing: no new version, no audit entry, no event.
 */
async function applyCommuting(ctx: AppContext, id: number, action: string, change: (fields: Fields, nowIso: string) => Fields): Promise<Incident> {
  return writeTransaction(ctx.db, async (trx) => {
    const nowIso = ctx.now().toISOString();
    if (!(await repo.lockIncident(trx, id))) throw notFound('Incident', id);
    const current = await readIncident(ctx, trx, id);
    const fields = stampStatusTimes(change(incidentFields(current), nowIso), nowIso);
    if (JSON.stringify(fields) === JSON.stringify(incidentFields(current))) return current;
    await repo.updateIncident(trx, id, current.version, toIncidentValues(fields, current.createdAt, nowIso));
    await repo.replaceTags(trx, id, fields.services, fields.labels);
    return afterChange(ctx, trx, await readIncident(ctx, trx, id), current, action);
  });
}

export const resolveIncident = (ctx: AppContext, id: number, resolvedAt?: string) =>
  applyCommuting(ctx, id, 'incident.resolve', (fields, nowIso) => ({ ...fields, status: 'resolved', resolvedAt: resolvedAt ?? fields.resolvedAt ?? nowIso }));

export const addIncidentLabel = (ctx: AppContext, id: number, label: string) =>
  applyCommuting(ctx, id, 'incident.label_add', (fields) => {
    const labels = withLabel(fields.labels, label);
    if (!labels) throw invalidField('label', `an incident has at most ${MAX_TAGS} labels: remove one first`);
    return labels === fields.labels ? fields : { ...fields, labels: [...labels] };
  });

export const removeIncidentLabel = (ctx: AppContext, id: number, label: string) =>
  applyCommuting(ctx, id, 'incident.label_remove', (fields) => ({ ...fields, labels: fields.labels.filter((l) => l.toLowerCase() !== label.toLowerCase()) }));

const noReview = { review_id: null, review_state: null, review_owner: null, review_owner_user_id: null, review_due_at: null, review_due_at_ms: null };

/** The event an incident change records: created, resolved (when it became so), or which fields changed. */
function incidentEvent(incident: Incident, before: Incident | null): DomainEvent {
  if (before === null) return { type: 'incident.created', incidentId: incident.id };
  if (incident.status === 'resolved' && before.status !== 'resolved') return { type: 'incident.resolved', incidentId: incident.id };
  return { type: 'incident.changed', incidentId: incident.id, fields: changedFields(audited(before)!, audited(incident)!) };
}

/**
 * Every change ends here, in its transaction, with the incident as it now is: the audit entry and
 * event, then what other features do with every incident change (incident-reactions.ts).
 */
async function afterChange(ctx: AppContext, trx: Executor, incident: Incident, before: Incident | null, action: string): Promise<Incident> {
  const { id } = incident;
  await recordChange(ctx, trx, incidentEvent(incident, before), { action, entityType: 'incident', entityId: id, before: audited(before), after: audited(incident) });
  let readAgain = false;
  for (const react of ctx.hooks.incidentChanged) readAgain = (await react(ctx, trx, { incident, before })) || readAgain;
  return readAgain ? readIncident(ctx, trx, id) : incident;
}

/**
 * A key timestamp corrected from its timeline entry, inside the caller's transaction: locks the row
 * first (as commuting changes do) and bumps the version. Skips afterChange, so nothing is synced back.
 */
export async function setKeyTimestamp(ctx: AppContext, trx: Executor, id: number, key: KeyTimestamp, value: string): Promise<void> {
  const nowIso = ctx.now().toISOString();
  if (!(await repo.lockIncident(trx, id))) throw notFound('Incident', id);
  const current = await readIncident(ctx, trx, id);
  if (current[key] === value) return;
  await repo.updateIncident(trx, id, current.version, toIncidentValues({ ...incidentFields(current), [key]: value }, current.createdAt, nowIso));
  const after = await readIncident(ctx, trx, id);
  await recordChange(ctx, trx, { type: 'incident.changed', incidentId: id, fields: [key] }, { action: 'incident.update', entityType: 'incident', entityId: id, before: audited(current), after: audited(after) });
}

/**
 * The incident that holds this id of another system (an alert source's alert), inside the caller's
 * transaction; null when there is none or the caller may not see it.
 */
export async function findIncidentByExternalId(ctx: AppContext, db: Executor, source: string, externalId: string): Promise<Incident | null> {
  const id = await repo.findByExternalId(db, source, externalId);
  return id === null ? null : readIncident(ctx, db, id).catch(() => null);
}

/**
 * Records, in the caller's transaction, that the incident is `externalId` in `source`. A second
 * incident for the same pair is refused by the unique key (a unique violation the caller handles).
 */
export async function linkExternalId(trx: Executor, incidentId: number, source: string, externalId: string): Promise<void> {
  await repo.insertExternalId(trx, incidentId, source, externalId);
}

/** What the audit log keeps of an incident: its own fields, not the review summary joined to it. */
const audited = (incident: Incident | null) => (incident ? { ...incident, review: undefined } : null);


/** The incident list's service filter, for features that count incidents the way the list shows them (trends). */
export { ofServices, serviceMatches } from './incidents.repo.js';
