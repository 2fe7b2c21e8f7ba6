import type { Kysely } from 'kysely';

/**
 * The review workflow (shared/reviews/workflow.ts) names the meeting's two moments: a review is
 * "ready for the meeting", then the "meeting held". The old single "meeting" state was the first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('reviews').set({ state: 'ready_for_meeting' }).where('state', '=', 'meeting').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('reviews').set({ state: 'meeting' }).where('state', 'in', ['ready_for_meeting', 'meeting_held']).execute();
}
