import type { Expression, Insertable, SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import type { GlobalReviewNotesTable } from '../db/schema.js';

/**
 * Every SQL statement of the global review. Each agenda query keeps the incidents `visible` allows
 * inside the query, so a restricted incident is absent from every list and count for non-members.
 */

const AGENDA_LIMIT = 100;
const INCIDENTS_PER_CONTRIBUTOR = 10;

export const majorSeverities = ['sev1', 'sev2'];

/** Major incidents that started in [fromMs, untilMs), with their review. */
export const majorIncidents = (db: Executor, visible: Expression<SqlBool>, fromMs: number, untilMs: number) =>
  db
    .selectFrom('incidents')
    .leftJoin('reviews', 'reviews.incident_id', 'incidents.id')
    .select([
      'incidents.id',
      'incidents.title',
      'incidents.severity',
      'incidents.user_facing',
      'incidents.services',
      'incidents.customer_impact',
      'incidents.impact_started_at',
      'incidents.detected_at',
      'incidents.mitigated_at',
      'incidents.resolved_at',
      'incidents.started_at_ms',
      'reviews.id as review_id',
      'reviews.state as review_state',
    ])
    .where('incidents.severity', 'in', majorSeverities)
    .where('incidents.started_at_ms', '>=', fromMs)
    .where('incidents.started_at_ms', '<', untilMs)
    .where(visible)
    .orderBy('incidents.started_at_ms')
    .limit(AGENDA_LIMIT)
    .execute();

/** Open action items due before `today` (YYYY-MM-DD), the longest overdue first. */
export const overdueActionItems = (db: Executor, visible: Expression<SqlBool>, today: string, closed: readonly string[]) =>
  db
    .selectFrom('action_items')
    .innerJoin('reviews', 'reviews.id', 'action_items.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select([
      'action_items.id',
      'action_items.title',
      'action_items.owner',
      'action_items.owner_user_id',
      'action_items.due_date',
      'reviews.id as review_id',
      'incidents.id as incident_id',
      'incidents.title as incident_title',
    ])
    .where('action_items.due_date', '<', today)
    .where('action_items.status', 'not in', closed)
    .where(visible)
    .orderBy('action_items.due_date')
    .orderBy('action_items.id')
    .limit(AGENDA_LIMIT)
    .execute();

/** Reviews with work left whose deadline passed before `nowMs`, the latest first. */
export const reviewsPastDeadline = (db: Executor, visible: Expression<SqlBool>, nowMs: number, done: string) =>
  db
    .selectFrom('reviews')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select(['reviews.id', 'reviews.incident_id', 'incidents.title', 'reviews.owner', 'reviews.owner_user_id', 'reviews.state', 'reviews.due_at', 'reviews.due_at_ms'])
    .where('reviews.due_at_ms', '<', nowMs)
    .where('reviews.state', '!=', done)
    .where(visible)
    .orderBy('reviews.due_at_ms')
    .orderBy('reviews.id')
    .limit(AGENDA_LIMIT)
    .execute();

/** The contributor categories named on incidents that started in [fromMs, untilMs). */
export const contributorCategoriesIn = (db: Executor, visible: Expression<SqlBool>, fromMs: number, untilMs: number) =>
  db
    .selectFrom('review_factors')
    .innerJoin('reviews', 'reviews.id', 'review_factors.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select('review_factors.category')
    .distinct()
    .where('review_factors.kind', '=', 'contributor')
    .where('review_factors.category', 'is not', null)
    .where('incidents.started_at_ms', '>=', fromMs)
    .where('incidents.started_at_ms', '<', untilMs)
    .where(visible)
    .execute();

export { INCIDENTS_PER_CONTRIBUTOR };

export const findSession = (db: Executor, day: string) => db.selectFrom('global_review_sessions').selectAll().where('day', '=', day).executeTakeFirst();

export async function insertSession(db: Executor, values: { day: string; attendees: string; updated_at: string }): Promise<boolean> {
  const inserted = await db.insertInto('global_review_sessions').values(values).onConflict((oc) => oc.column('day').doNothing()).returning('day').executeTakeFirst();
  return inserted !== undefined;
}

export async function updateSession(db: Executor, day: string, version: number, values: { attendees: string; updated_at: string }): Promise<boolean> {
  const result = await db.updateTable('global_review_sessions').set({ ...values, version: version + 1 }).where('day', '=', day).where('version', '=', version).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The session's notes whose incident (if any) `visible` allows. */
export const notesOfSession = (db: Executor, visibleNote: Expression<SqlBool>, day: string) =>
  db.selectFrom('global_review_notes').selectAll().where('day', '=', day).where(visibleNote).execute();

export const findNote = (db: Executor, day: string, item: string) =>
  db.selectFrom('global_review_notes').selectAll().where('day', '=', day).where('item', '=', item).executeTakeFirst();

export async function insertNote(db: Executor, values: Insertable<GlobalReviewNotesTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('global_review_notes')
    .values(values)
    .onConflict((oc) => oc.columns(['day', 'item']).doNothing())
    .returning('day')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateNote(
  db: Executor,
  key: { day: string; item: string; version: number },
  values: Pick<GlobalReviewNotesTable, 'notes' | 'decision' | 'updated_at' | 'updated_by' | 'updated_by_user_id'>,
): Promise<boolean> {
  const result = await db
    .updateTable('global_review_notes')
    .set({ ...values, version: key.version + 1 })
    .where('day', '=', key.day)
    .where('item', '=', key.item)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
