import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import { appendedRowsSummary, versionedRowsSummary } from '../db/fingerprint.js';
import type { Executor } from '../context.js';
import { insertPrepared, runPrepared } from '../db/prepared.js';
import type { Database, TimelineCommentsTable, TimelineEntriesTable, TimelineRevisionsTable } from '../db/schema.js';

export type TimelineEntryRow = Selectable<TimelineEntriesTable> & { comment_count: number };
export type TimelineEntryValues = Insertable<TimelineEntriesTable>;
export type TimelineCommentRow = Selectable<TimelineCommentsTable>;
export type TimelineRevisionRow = Selectable<TimelineRevisionsTable>;

/**
 * Entries with their comment counts in one statement: the counts come from a grouped subquery
 * limited to the incident's entries, so a long timeline costs one query, not one per entry.
 */
function selectEntries(db: Executor, incidentId: number) {
  return db
    .selectFrom('timeline_entries as e')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('timeline_comments as c')
          .innerJoin('timeline_entries as ce', 'ce.id', 'c.entry_id')
          .where('ce.incident_id', '=', incidentId)
          .select((cb) => ['c.entry_id', cb.fn.countAll<number>().as('n')])
          .groupBy('c.entry_id')
          .as('cc'),
      (join) => join.onRef('cc.entry_id', '=', 'e.id'),
    )
    .selectAll('e')
    .select((eb) => eb.fn.coalesce('cc.n', eb.lit(0)).as('comment_count'))
    .where('e.incident_id', '=', incidentId);
}

/** The incident's timeline in time order (instants, not strings), ties broken by id. */
export async function listEntries(db: Executor, incidentId: number, includeDeleted: boolean): Promise<TimelineEntryRow[]> {
  let select = selectEntries(db, incidentId);
  if (!includeDeleted) select = select.where('e.deleted', '=', 0);
  const rows = await select.orderBy('e.occurred_at_ms', 'asc').orderBy('e.id', 'asc').execute();
  return rows.map((row) => ({ ...row, comment_count: Number(row.comment_count) }));
}

export async function findEntry(db: Executor, id: number): Promise<TimelineEntryRow | undefined> {
  const row = await db
    .selectFrom('timeline_entries')
    .selectAll()
    .select((eb) =>
      eb.selectFrom('timeline_comments').select(eb.fn.countAll<number>().as('n')).whereRef('entry_id', '=', 'timeline_entries.id').as('comment_count'),
    )
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, comment_count: Number(row.comment_count ?? 0) } : undefined;
}

/** Written with every new incident (its key timestamps), so compiled once per row count (db/prepared.ts). */
export async function insertEntries(db: Executor, values: TimelineEntryValues[]): Promise<Array<Selectable<TimelineEntriesTable>>> {
  return (await insertPrepared(db, 'timeline_entries', values, '*')) as Array<Selectable<TimelineEntriesTable>>;
}

/** Updates only when the stored version is still `version`; returns false when someone changed it first. */
export async function updateEntry(
  db: Executor,
  id: number,
  version: number,
  values: Updateable<TimelineEntriesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('timeline_entries')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Applies a change whatever the version (the incident's key timestamps moving its entries), bumping
 * it; returns the entry as it now is.
 */
export const updateEntryUnconditionally = (db: Executor, id: number, values: Updateable<TimelineEntriesTable>) =>
  db
    .updateTable('timeline_entries')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** The live entries standing for the incident's key timestamps. */
/** Read after every change to an incident, so compiled once (db/prepared.ts). */
export const listKeyEntries = (db: Executor, incidentId: number) =>
  runPrepared(
    db,
    'listKeyEntries',
    (db) => db.selectFrom('timeline_entries').selectAll().where('incident_id', '=', 0).where('key_timestamp', 'is not', null).where('deleted', '=', 0),
    [incidentId, 0],
  );

export async function insertRevisions(db: Executor, values: Array<Insertable<TimelineRevisionsTable>>): Promise<void> {
  if (values.length > 0) await db.insertInto('timeline_revisions').values(values).execute();
}

export const listRevisions = (db: Executor, entryId: number): Promise<TimelineRevisionRow[]> =>
  db.selectFrom('timeline_revisions').selectAll().where('entry_id', '=', entryId).orderBy('id', 'asc').execute();

export const insertComment = (db: Executor, values: Insertable<TimelineCommentsTable>): Promise<TimelineCommentRow> =>
  db.insertInto('timeline_comments').values(values).returningAll().executeTakeFirstOrThrow();

export const listComments = (db: Executor, entryId: number): Promise<TimelineCommentRow[]> =>
  db.selectFrom('timeline_comments').selectAll().where('entry_id', '=', entryId).orderBy('id', 'asc').execute();

/** The timeline's entries and comments of the review aliased `r` (its incident's), for the document cache key. */
export const timelineFingerprint = (eb: ExpressionBuilder<Database & { r: Database['reviews'] }, 'r'>): Expression<string> =>
  sql<string>`${eb.selectFrom('timeline_entries as e').select(versionedRowsSummary('e').as('s')).whereRef('e.incident_id', '=', 'r.incident_id')} || '/' || ${eb
    .selectFrom('timeline_comments as c')
    .innerJoin('timeline_entries as ce', 'ce.id', 'c.entry_id')
    .select(appendedRowsSummary('c').as('s'))
    .whereRef('ce.incident_id', '=', 'r.incident_id')}`;
