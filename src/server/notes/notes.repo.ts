import type { Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { ReviewNoteAcceptancesTable, ReviewNotesTable } from '../db/schema.js';

export type NotesRow = Selectable<ReviewNotesTable>;
export type AcceptanceRow = Selectable<ReviewNoteAcceptancesTable>;

export const findNotes = (db: Executor, reviewId: number): Promise<NotesRow | undefined> =>
  db.selectFrom('review_notes').selectAll().where('review_id', '=', reviewId).executeTakeFirst();

/** The first save of a review's notes; false when someone saved first. */
export async function insertNotes(db: Executor, row: NotesRow): Promise<boolean> {
  const inserted = await db.insertInto('review_notes').values(row).onConflict((oc) => oc.column('review_id').doNothing()).returning('review_id').executeTakeFirst();
  return inserted !== undefined;
}

/** A conditional update: false when the notes are no longer at `revision`. */
export async function updateNotes(db: Executor, reviewId: number, revision: number, values: Omit<NotesRow, 'review_id' | 'revision'>): Promise<boolean> {
  const result = await db
    .updateTable('review_notes')
    .set({ ...values, revision: revision + 1 })
    .where('review_id', '=', reviewId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export const listAcceptances = (db: Executor, reviewId: number): Promise<AcceptanceRow[]> =>
  db.selectFrom('review_note_acceptances').selectAll().where('review_id', '=', reviewId).orderBy('accepted_at').orderBy('proposal_id').execute();

/** Plain inserts: a concurrent acceptance of the same proposal fails on the primary key, and its transaction with it. */
export async function insertAcceptances(db: Executor, rows: AcceptanceRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('review_note_acceptances').values(rows).execute();
}
