import { DateTime } from 'luxon';
import { extractFromNotes } from '../../shared/notes/extract-from-notes.js';
import type { NotesProposalRequest, NotesProposals, ReviewNotes, ReviewNotesUpdate } from '../../shared/notes/notes.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { AppContext, Executor } from '../context.js';
import { versionConflict } from '../http/version-conflict.js';
import { getIncident } from '../incidents/incidents.service.js';
import { editReview } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import * as repo from './notes.repo.js';

async function readNotes(db: Executor, reviewId: number): Promise<ReviewNotes> {
  const [row, accepted] = await Promise.all([repo.findNotes(db, reviewId), repo.listAcceptances(db, reviewId)]);
  return {
    reviewId,
    text: row?.text ?? '',
    revision: row?.revision ?? 0,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row ? { userId: row.updated_by_user_id, name: row.updated_by } : null,
    acceptedIds: accepted.map((a) => a.proposal_id),
  };
}

/** The review's notes (empty at revision 0 before the first save). Visibility is the review's. */
export async function getNotes(ctx: AppContext, reviewId: number): Promise<ReviewNotes> {
  const review = await getReview(ctx, reviewId);
  return readNotes(ctx.db, review.id);
}

/**
 * Saves the notes when `revision` is the one saved last (0 for the first save); otherwise 409 with
 * the notes as they are now: a stale save never overwrites someone else's text. Saving the same
 * text again changes nothing.
 */
export async function saveNotes(ctx: AppContext, reviewId: number, update: ReviewNotesUpdate): Promise<ReviewNotes> {
  const visible = await getReview(ctx, reviewId);
  return editReview(ctx, visible.id, async (trx, review) => {
    const current = await repo.findNotes(trx, review.id);
    const stale = () => readNotes(trx, review.id).then((now) => versionConflict(`The notes of review ${review.id}`, { ...now, version: now.revision }, update.revision));
    if ((current?.revision ?? 0) !== update.revision) throw await stale();
    if (current && current.text === update.text) return { result: await readNotes(trx, review.id), change: null };
    const values = { text: update.text, updated_at: ctx.now().toISOString(), updated_by: ctx.actor?.name ?? 'system', updated_by_user_id: ctx.actor?.userId ?? null };
    const saved = current ? await repo.updateNotes(trx, review.id, update.revision, values) : await repo.insertNotes(trx, { review_id: review.id, revision: 1, ...values });
    if (!saved) throw await stale();
    const after = await readNotes(trx, review.id);
    // The audit log keeps the revision and size, not every autosave's whole text.
    const summary = (text: string | undefined, revision: number) => (text === undefined ? null : { revision, characters: text.length });
    return {
      result: after,
      change: {
        event: { type: 'notes.changed', incidentId: review.incidentId, reviewId: review.id, revision: after.revision, change: 'edited' },
        audit: { action: 'review.notes.update', entityType: 'review_notes', entityId: review.id, before: summary(current?.text, current?.revision ?? 0), after: summary(after.text, after.revision) },
      },
    };
  });
}

/** The incident's day in the organisation's zone: when impact started, else when it was detected or recorded. */
export function incidentDayOf(incident: Incident, zone: string): string | null {
  const instant = incident.impactStartedAt ?? incident.detectedAt ?? incident.createdAt;
  return DateTime.fromISO(instant, { setZone: true }).setZone(zone).toISODate();
}

/** What the saved notes (or the given text) propose; nothing is written. Accepted proposals are marked. */
export async function proposeFromNotes(ctx: AppContext, reviewId: number, request: NotesProposalRequest): Promise<NotesProposals> {
  const review = await getReview(ctx, reviewId);
  const incident = await getIncident(ctx, review.incidentId);
  const notes = await readNotes(ctx.db, review.id);
  const timeZone = request.timeZone ?? ctx.config.calendar.timeZone;
  const incidentDate = incidentDayOf(incident, timeZone);
  const accepted = new Set(notes.acceptedIds);
  const proposals = extractFromNotes(request.text ?? notes.text, { incidentDate, timeZone });
  return { proposals: proposals.map((p) => ({ ...p, accepted: accepted.has(p.id) })), incidentDate, timeZone };
}
