import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { MeetingSessionsTable } from '../db/schema.js';

export type MeetingSessionRow = Selectable<MeetingSessionsTable>;

export const findMeetingSession = (db: Executor, reviewId: number): Promise<MeetingSessionRow | undefined> =>
  db.selectFrom('meeting_sessions').selectAll().where('review_id', '=', reviewId).executeTakeFirst();

/** Starts meeting mode the first time; false when someone started it meanwhile. */
export async function insertMeetingSession(db: Executor, values: Insertable<MeetingSessionsTable>): Promise<boolean> {
  const inserted = await db.insertInto('meeting_sessions').values(values).onConflict((oc) => oc.column('review_id').doNothing()).returning('review_id').executeTakeFirst();
  return inserted !== undefined;
}

type Move = Pick<MeetingSessionRow, 'status' | 'stage' | 'entry_id' | 'stage_started_at' | 'stage_started_at_ms' | 'started_at' | 'ended_at' | 'moved_by' | 'moved_by_user_id' | 'updated_at'>;

/** Moves in place (one cheap UPDATE); with `version`, only from that version (false when it moved on). */
export async function updateMeetingSession(db: Executor, reviewId: number, version: number | undefined, values: Move): Promise<boolean> {
  let update = db
    .updateTable('meeting_sessions')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('review_id', '=', reviewId);
  if (version !== undefined) update = update.where('version', '=', version);
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
