import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../context.js';
import type { ReviewMeetingsTable } from '../db/schema.js';

export type MeetingRow = Selectable<ReviewMeetingsTable>;

export const findMeeting = (db: Executor, reviewId: number): Promise<MeetingRow | undefined> =>
  db.selectFrom('review_meetings').selectAll().where('review_id', '=', reviewId).executeTakeFirst();

/** Schedules the first meeting; false when someone scheduled one meanwhile. */
export async function insertMeeting(db: Executor, values: Insertable<ReviewMeetingsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('review_meetings')
    .values(values)
    .onConflict((oc) => oc.column('review_id').doNothing())
    .returning('review_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A conditional update: false when the meeting is no longer at `version`. */
export async function updateMeeting(db: Executor, reviewId: number, version: number, values: Updateable<ReviewMeetingsTable>): Promise<boolean> {
  const result = await db
    .updateTable('review_meetings')
    .set({ ...values, version: version + 1 })
    .where('review_id', '=', reviewId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
