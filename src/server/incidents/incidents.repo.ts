import { expressionBuilder, sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { IncidentListQuery } from '../../shared/incidents/incident.schema.js';
import type { Executor } from '../context.js';
import { dialectOf } from '../db/dialect.js';
import { insertPrepared, runPrepared } from '../db/prepared.js';
import { cachedRead, readThrough } from '../db/read-cache.js';
import type { Database, IncidentsTable } from '../db/schema.js';

export type IncidentRow = Selectable<IncidentsTable> & {
  review_id: number | null;
  review_state: string | null;
  review_owner: string | null;
  review_owner_user_id: number | null;
  review_due_at: string | null;
  review_due_at_ms: number | null;
};
export type IncidentValues = Omit<Selectable<IncidentsTable>, 'id' | 'version' | 'created_at' | 'restricted'>;

const reviewColumns = [
  'reviews.id as review_id',
  'reviews.state as review_state',
  'reviews.owner as review_owner',
  'reviews.owner_user_id as review_owner_user_id',
  'reviews.due_at as review_due_at',
  'reviews.due_at_ms as review_due_at_ms',
] as const;

const selectIncidents = (db: Executor) =>
  db.selectFrom('incidents').leftJoin('reviews', 'reviews.incident_id', 'incidents.id').selectAll('incidents').select(reviewColumns);

export async function insertIncident(db: Executor, values: IncidentValues & { created_at: string; restricted: number }): Promise<number> {
  const [row] = await insertPrepared(db, 'incidents', values, 'id');
  return row!.id as number;
}

const cacheKey = (id: number) => `incident:${id}`;

/** The hottest read of the API: compiled once (db/prepared.ts) and cached until the next write (db/read-cache.ts). */
export function findIncident(db: Executor, id: number): Promise<IncidentRow | undefined> {
  return readThrough(db, cacheKey(id), async () => {
    const rows = await runPrepared(db, 'findIncident', (db) => selectIncidents(db).where('incidents.id', '=', 0), [id]);
    return rows[0];
  });
}

/** The row when findIncident has it in memory, without a promise; undefined when it would have to load. */
export const cachedIncident = (db: Executor, id: number): IncidentRow | undefined => cachedRead(db, cacheKey(id));

/** Updates only when the stored version is still `version`; returns false when someone changed it first. */
export async function updateIncident(db: Executor, id: number, version: number, values: Partial<IncidentValues>): Promise<boolean> {
  const result = await db
    .updateTable('incidents')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Takes the incident's row lock until the transaction ends, so changes that apply whatever the
 * version (resolve, labels, key timestamps from the timeline) serialise; false when there is no
 * such incident. SQLite needs no lock: it runs one write transaction at a time.
 */
export async function lockIncident(db: Executor, id: number): Promise<boolean> {
  const select = db.selectFrom('incidents').select('id').where('id', '=', id);
  const row = await (dialectOf(db) === 'postgres' ? select.forUpdate() : select).executeTakeFirst();
  return row !== undefined;
}

export async function replaceTags(db: Executor, incidentId: number, services: string[], labels: string[]): Promise<void> {
  await db.deleteFrom('incident_tags').where('incident_id', '=', incidentId).execute();
  await insertTags(db, incidentId, services, labels);
}

export async function insertTags(db: Executor, incidentId: number, services: string[], labels: string[]): Promise<void> {
  const rows = [
    ...unique(services).map((value) => ({ incident_id: incidentId, kind: 'service' as const, value })),
    ...unique(labels).map((value) => ({ incident_id: incidentId, kind: 'label' as const, value })),
  ];
  await insertPrepared(db, 'incident_tags', rows);
}

const unique = (values: string[]) => [...new Set(values.map((v) => v.toLowerCase()))];

export interface IncidentCursor {
  startedAtMs: number;
  id: number;
}

/** Newest first by start time, then id, so the cursor is stable while new incidents arrive. */
export async function listIncidents(
  db: Executor,
  query: IncidentListQuery,
  visible: Expression<SqlBool>,
  cursor: IncidentCursor | null,
  /** The services of the team `query.team` names (any of them); empty: no incident. */
  teamServices?: string[],
): Promise<IncidentRow[]> {
  let select = selectIncidents(db).where(visible);
  if (teamServices) select = select.where(ofServices(teamServices));
  if (query.status?.length) select = select.where('incidents.status', 'in', query.status);
  if (query.severity?.length) select = select.where('incidents.severity', 'in', query.severity);
  if (query.from) select = select.where('incidents.started_at_ms', '>=', Date.parse(query.from));
  if (query.to) select = select.where('incidents.started_at_ms', '<', Date.parse(query.to));
  if (query.updatedSince) select = select.where('incidents.updated_at', '>=', new Date(query.updatedSince).toISOString());
  if (query.q) select = select.where(sql<boolean>`lower(incidents.title) like ${`%${escapeLike(query.q.toLowerCase())}%`} escape '\\'`);
  if (query.service) {
    const words = query.service;
    select = select.where('incidents.id', 'in', (eb) => eb.selectFrom('incident_tags').select('incident_id').where('kind', '=', 'service').where(serviceMatches(words)));
  }
  if (query.externalId || query.externalSource) {
    const { externalId, externalSource } = query;
    select = select.where('incidents.id', 'in', (eb) => {
      let ids = eb.selectFrom('incident_external_ids').select('incident_id');
      if (externalId) ids = ids.where('external_id', '=', externalId);
      // The source itself, or any under it ("alert-source" finds "alert-source:3": ';' follows ':').
      if (externalSource) ids = ids.where((w) => w.or([w('source', '=', externalSource), w.and([w('source', '>', `${externalSource}:`), w('source', '<', `${externalSource};`)])]));
      return ids;
    });
  }
  if (query.label) {
    const label = query.label.toLowerCase();
    select = select.where('incidents.id', 'in', (eb) => eb.selectFrom('incident_tags').select('incident_id').where('kind', '=', 'label').where('value', '=', label));
  }
  if (query.category) {
    const category = query.category;
    select = select.where('incidents.id', 'in', (eb) =>
      eb
        .selectFrom('review_factors')
        .innerJoin('reviews', 'reviews.id', 'review_factors.review_id')
        .select('reviews.incident_id')
        .where('review_factors.kind', '=', 'contributor')
        .where('review_factors.category', '=', category),
    );
  }
  if (cursor) {
    select = select.where((eb) =>
      eb.or([
        eb('incidents.started_at_ms', '<', cursor.startedAtMs),
        eb.and([eb('incidents.started_at_ms', '=', cursor.startedAtMs), eb('incidents.id', '<', cursor.id)]),
      ]),
    );
  }
  return select.orderBy('incidents.started_at_ms', 'desc').orderBy('incidents.id', 'desc').limit(query.limit + 1).execute();
}

/** The services (lower-cased, as stored) of the incidents `visible` keeps, most used first. */
export async function listServices(db: Executor, visible: Expression<SqlBool>, words: string | undefined, limit: number): Promise<Array<{ name: string; incidents: number }>> {
  let select = db
    .selectFrom('incident_tags')
    .innerJoin('incidents', 'incidents.id', 'incident_tags.incident_id')
    .where('incident_tags.kind', '=', 'service')
    .where(visible)
    .select((eb) => ['incident_tags.value as name', eb.fn.countAll<number | string>().as('incidents')])
    .groupBy('incident_tags.value')
    .orderBy('incidents', 'desc')
    .orderBy('incident_tags.value')
    .limit(limit);
  if (words?.trim()) select = select.where(serviceMatches(words));
  const rows = await select.execute();
  return rows.map((row) => ({ name: row.name, incidents: Number(row.incidents) }));
}

/** A condition for queries with `incidents` in scope: incidents with any of `services` (a team's, lower-cased as stored); none for an empty list. */
export function ofServices(services: readonly string[]): Expression<SqlBool> {
  if (services.length === 0) return sql<SqlBool>`1 = 0`;
  const eb = expressionBuilder<Database, 'incidents'>();
  return eb.exists(
    eb.selectFrom('incident_tags').select('incident_tags.incident_id').whereRef('incident_tags.incident_id', '=', 'incidents.id').where('incident_tags.kind', '=', 'service').where('incident_tags.value', 'in', services),
  );
}

// Service names are words joined by these ("payments-api", "eu.checkout", "search_indexer").
const wordSeparators = ['-', '_', '.', ' ', '/', ':'];

/**
 * A condition on `incident_tags.value`: every word of `text` starts the name or one of its words, so
 * "payments" and "pay api" find "payments-api". Names are stored lower-cased; LIKE is then the same on
 * both databases.
 */
export function serviceMatches(text: string): Expression<SqlBool> {
  const words = text.toLowerCase().split(/[\s\-_./:]+/).filter(Boolean);
  const eb = expressionBuilder<Database, 'incident_tags'>();
  const like = (pattern: string) => sql<SqlBool>`incident_tags.value like ${pattern} escape '\\'`;
  if (words.length === 0) return sql<SqlBool>`1 = 1`;
  return eb.and(words.map((word) => eb.or([like(`${escapeLike(word)}%`), ...wordSeparators.map((sep) => like(`%${escapeLike(sep + word)}%`))])));
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/** The incident that holds this id of another system, if any. */
export async function findByExternalId(db: Executor, source: string, externalId: string): Promise<number | null> {
  const row = await db.selectFrom('incident_external_ids').select('incident_id').where('source', '=', source).where('external_id', '=', externalId).executeTakeFirst();
  return row?.incident_id ?? null;
}

/** Records an incident's id in another system; a second incident for the same (source, id) is refused by the primary key. */
export async function insertExternalId(db: Executor, incidentId: number, source: string, externalId: string): Promise<void> {
  await db.insertInto('incident_external_ids').values({ incident_id: incidentId, source, external_id: externalId }).execute();
}

export async function listExternalIds(db: Executor, incidentId: number): Promise<Array<{ source: string; externalId: string }>> {
  const rows = await db.selectFrom('incident_external_ids').select(['source', 'external_id']).where('incident_id', '=', incidentId).orderBy('source').execute();
  return rows.map((row) => ({ source: row.source, externalId: row.external_id }));
}
