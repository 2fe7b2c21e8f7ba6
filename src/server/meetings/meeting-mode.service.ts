import type { PersonRef } from '../../shared/accounts/person.schema.js';
import { AppError } from '../../shared/errors.js';
import type { MeetingMode, MeetingMoveInput, MeetingPosition, MeetingStage } from '../../shared/meetings/meeting-mode.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { Actor } from '../access/actor.js';
import type { AppContext, Executor } from '../context.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import { findAccounts } from '../people/people.service.js';
import { editReview } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { getEntry } from '../timeline/timeline.service.js';
import * as repo from './meeting-mode.repo.js';
import { findMeeting } from './meetings.repo.js';

/** The meeting's facilitator and scribe as scheduled, else the review's. */
async function rolesOf(db: Executor, review: Review): Promise<{ facilitator: PersonRef | null; scribe: PersonRef | null }> {
  const meeting = await findMeeting(db, review.id);
  const ids = [meeting?.facilitator_user_id ?? null, meeting?.scribe_user_id ?? null].filter((id): id is number => id !== null);
  const names = new Map((await findAccounts(db, ids)).map((account) => [account.id, account.name]));
  const person = (id: number | null | undefined): PersonRef | null => (id == null ? null : { userId: id, name: names.get(id) ?? `User ${id}` });
  return {
    facilitator: person(meeting?.facilitator_user_id) ?? review.facilitator,
    scribe: person(meeting?.scribe_user_id) ?? review.scribe,
  };
}

/** Who moves everyone: the facilitator, the review's owner, an admin. */
const mayFacilitate = (actor: Actor | null, review: Review, facilitator: PersonRef | null): boolean =>
  actor !== null &&
  (actor.role === 'admin' || (actor.userId !== null && (actor.userId === facilitator?.userId || actor.userId === review.owner?.userId)));

const positionOf = (row: repo.MeetingSessionRow): MeetingPosition & { reviewId: number } => ({
  reviewId: row.review_id,
  status: row.status as MeetingPosition['status'],
  stage: row.stage as MeetingStage,
  entryId: row.entry_id,
  stageStartedAt: row.stage_started_at,
  version: row.version,
});

/** Where the meeting is (not started: the summary, version 0), who facilitates, and whether the caller may move it. */
export async function getMeetingMode(ctx: AppContext, reviewId: number): Promise<MeetingMode> {
  const review = await getReview(ctx, reviewId);
  const [row, roles] = await Promise.all([repo.findMeetingSession(ctx.db, review.id), rolesOf(ctx.db, review)]);
  return {
    reviewId: review.id,
    status: row ? (row.status as MeetingMode['status']) : 'not_started',
    stage: row ? (row.stage as MeetingStage) : 'summary',
    entryId: row?.entry_id ?? null,
    stageStartedAt: row?.stage_started_at ?? null,
    startedAt: row?.started_at ?? null,
    endedAt: row?.ended_at ?? null,
    movedBy: row?.moved_by ?? null,
    ...roles,
    canFacilitate: mayFacilitate(ctx.actor, review, roles.facilitator),
    serverTime: ctx.now().toISOString(),
    version: row?.version ?? 0,
  };
}

/**
 * Starts, moves or ends meeting mode: 403 for anyone but the facilitator, the review's owner or an
 * admin; 400 naming `entryId` for an entry not on the review's timeline; 409 on a published review or
 * a stale version. The stage timer restarts when the stage changes or meeting mode (re)starts, not
 * when the facilitator steps from one entry to the next. One `meeting.moved` event carries the
 * position to every browser on every instance.
 */
export async function moveMeeting(ctx: AppContext, reviewId: number, input: MeetingMoveInput): Promise<MeetingMode> {
  const visible = await getReview(ctx, reviewId);
  const roles = await rolesOf(ctx.db, visible);
  if (!mayFacilitate(ctx.actor, visible, roles.facilitator)) {
    const who = roles.facilitator ? `the facilitator (${roles.facilitator.name})` : 'the facilitator';
    throw new AppError('forbidden', `Only ${who}, the review's owner or an admin moves the meeting; everyone else follows and adds inline`);
  }
  if (input.entryId !== null) {
    const entry = await getEntry(ctx, input.entryId).catch(() => null);
    if (!entry || entry.deleted || entry.incidentId !== visible.incidentId) throw invalidField('entryId', `timeline entry ${input.entryId} is not on this review's timeline`);
  }
  await editReview(ctx, visible.id, async (trx, review) => {
    const current = await repo.findMeetingSession(trx, review.id);
    if (input.version !== undefined && (current?.version ?? 0) !== input.version) throw stale(review.id, current, input.version);
    const now = ctx.now();
    const nowIso = now.toISOString();
    const restarted = input.status === 'running' && current?.status !== 'running';
    const newStage = restarted || current?.stage !== input.stage;
    const values = {
      status: input.status,
      stage: input.stage,
      entry_id: input.entryId,
      stage_started_at: newStage ? nowIso : current!.stage_started_at,
      stage_started_at_ms: newStage ? now.getTime() : Number(current!.stage_started_at_ms),
      started_at: restarted || !current ? nowIso : current.started_at,
      ended_at: input.status === 'ended' ? nowIso : null,
      moved_by: ctx.actor?.name ?? 'system',
      moved_by_user_id: ctx.actor?.userId ?? null,
      updated_at: nowIso,
    };
    const done = current ? await repo.updateMeetingSession(trx, review.id, input.version, values) : await repo.insertMeetingSession(trx, { review_id: review.id, ...values });
    if (!done) throw stale(review.id, (await repo.findMeetingSession(trx, review.id)) ?? null, input.version);
    const after = positionOf((await repo.findMeetingSession(trx, review.id))!);
    return {
      result: after,
      change: {
        event: { type: 'meeting.moved', incidentId: review.incidentId, ...after },
        audit: { action: 'review.meeting_mode.move', entityType: 'meeting_session', entityId: review.id, before: current ? positionOf(current) : null, after },
      },
    };
  });
  return getMeetingMode(ctx, visible.id);
}

const stale = (reviewId: number, current: repo.MeetingSessionRow | null | undefined, version: number | undefined) =>
  versionConflict(`Meeting mode of review ${reviewId}`, current ? { version: current.version } : { version: 0 }, version);
