import { DateTime } from 'luxon';
import type { PersonRef } from '../../shared/accounts/person.schema.js';
import { AppError } from '../../shared/errors.js';
import { audienceWarnings } from '../../shared/meetings/audience-check.js';
import type { AudienceFacts, Meeting, MeetingInput, MeetingState } from '../../shared/meetings/meeting.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { AppContext, Executor } from '../context.js';
import { versionConflict } from '../http/version-conflict.js';
import { getIncidentAccess } from '../incidents/incident-access.service.js';
import { findAccounts, findAccountsByEmail, resolvePeople } from '../people/people.service.js';
import { getReviewDocument } from '../review-document/review-document.service.js';
import { asyncReviewVerdictOf, listReviewerIds } from '../review-comments/async-review.service.js';
import { listCommentAuthorIds } from '../review-comments/review-comments.service.js';
import { editReview, publishedConflict } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { meetingInvitation } from './invitation.js';
import * as repo from './meetings.repo.js';

/** The states past the async review's gate: a meeting is scheduled there freely. */
const pastTheGate: ReadonlyArray<Review['state']> = ['ready_for_meeting', 'meeting_held', 'published'];

async function toMeeting(db: Executor, row: repo.MeetingRow): Promise<Meeting> {
  const attendeeIds = JSON.parse(row.attendee_user_ids) as number[];
  const ids = [row.facilitator_user_id, row.scribe_user_id, ...attendeeIds].filter((id): id is number => id !== null);
  const names = new Map((await findAccounts(db, ids)).map((account) => [account.id, account.name]));
  const person = (id: number | null): PersonRef | null => (id === null ? null : { userId: id, name: names.get(id) ?? `User ${id}` });
  return {
    reviewId: row.review_id,
    startsAt: row.starts_at,
    endsAt: DateTime.fromISO(row.starts_at, { setZone: true }).plus({ minutes: row.duration_minutes }).toISO()!,
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    facilitator: person(row.facilitator_user_id),
    scribe: person(row.scribe_user_id),
    attendees: attendeeIds.map((id) => person(id)!),
    location: row.location,
    recordingLink: row.recording_link,
    sequence: row.sequence,
    gateOverride: row.gate_override,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Who counts as involved in the incident, for the audience check: its commander, responders and
 * members; the review's owner, requester, facilitator, scribe and reviewers; the authors of its
 * timeline and comments; the owners of its action items.
 */
async function audienceFacts(ctx: AppContext, reviewId: number): Promise<AudienceFacts> {
  const doc = await getReviewDocument(ctx, reviewId);
  const [access, reviewers, commenters, leaders] = await Promise.all([
    getIncidentAccess(ctx, ctx.actor!, doc.incident.id),
    listReviewerIds(ctx.db, reviewId),
    listCommentAuthorIds(ctx.db, reviewId),
    findAccountsByEmail(ctx.db, ctx.config.meetings.seniorLeadership),
  ]);
  const { review, incident } = doc;
  const people = [incident.commander, ...incident.responders, review.owner, review.requestedBy, review.facilitator, review.scribe, ...doc.timeline.map((e) => e.author), ...doc.actionItems.map((a) => a.owner)];
  const ids = [...people.flatMap((p) => (p?.userId == null ? [] : [p.userId])), ...access.members.map((m) => m.id), ...reviewers, ...commenters];
  return { maxAttendees: ctx.config.meetings.maxAttendees, involvedUserIds: [...new Set(ids)].sort((a, b) => a - b), seniorLeadershipUserIds: leaders.map((a) => a.id) };
}

/** The meeting (or null), the audience check of it, and what the form needs to run the check live. */
export async function getMeeting(ctx: AppContext, reviewId: number): Promise<MeetingState> {
  const review = await getReview(ctx, reviewId);
  const row = await repo.findMeeting(ctx.db, review.id);
  const meeting = row ? await toMeeting(ctx.db, row) : null;
  const audience = await audienceFacts(ctx, review.id);
  return { meeting, warnings: meeting ? audienceWarnings(meeting, audience) : [], audience, timeZone: ctx.config.calendar.timeZone };
}

/** Whether anything an invitation shows changed: calendars then need a higher SEQUENCE. */
const invitationChanged = (row: repo.MeetingRow, values: Omit<repo.MeetingRow, 'sequence' | 'version' | 'created_at' | 'updated_at' | 'gate_override' | 'recording_link'>) =>
  (['starts_at', 'duration_minutes', 'time_zone', 'facilitator_user_id', 'scribe_user_id', 'attendee_user_ids', 'location'] as const).some((key) => row[key] !== values[key]) ||
  row.starts_at_ms !== values.starts_at_ms;

/**
 * Schedules (or reschedules) the meeting. Before the review is ready for the meeting (a draft, or
 * in its async review), the async review must be complete (409 saying what is left), unless `override` says why not; the reason
 * is kept with the meeting and its event. The first schedule has no version; later ones send the
 * version they read (409 when stale).
 */
export async function scheduleMeeting(ctx: AppContext, reviewId: number, input: MeetingInput): Promise<MeetingState> {
  const visible = await getReview(ctx, reviewId);
  const given = [
    ...(input.facilitatorUserId === null ? [] : [{ field: 'facilitatorUserId', input: { userId: input.facilitatorUserId } }]),
    ...(input.scribeUserId === null ? [] : [{ field: 'scribeUserId', input: { userId: input.scribeUserId } }]),
    ...input.attendeeUserIds.map((userId, i) => ({ field: `attendeeUserIds.${i}`, input: { userId } })),
  ];
  await resolvePeople(ctx.db, given); // 400 naming the field of an unknown user
  const override = input.override?.reason.trim() || null;
  await editReview(ctx, visible.id, async (trx, review) => {
    const current = await repo.findMeeting(trx, review.id);
    if ((current?.version ?? undefined) !== input.version) throw versionConflict(`The meeting of review ${review.id}`, current ? await toMeeting(trx, current) : null, input.version);
    let usedOverride: string | null = null;
    // An override, once given, holds for the meeting's later reschedules.
    if (!pastTheGate.includes(review.state) && !current?.gate_override) {
      const verdict = await asyncReviewVerdictOf(trx, review.id);
      if (!verdict.complete && !override) {
        throw new AppError('conflict', `The async review is not complete: ${verdict.gaps.join('; ')}. To schedule the meeting anyway, send {"override": {"reason": "..."}}`);
      }
      usedOverride = verdict.complete ? null : override;
    }
    const nowIso = ctx.now().toISOString();
    const values = {
      review_id: review.id,
      starts_at: input.startsAt,
      starts_at_ms: Date.parse(input.startsAt),
      duration_minutes: input.durationMinutes,
      time_zone: input.timeZone ?? ctx.config.calendar.timeZone,
      facilitator_user_id: input.facilitatorUserId,
      scribe_user_id: input.scribeUserId,
      attendee_user_ids: JSON.stringify([...new Set(input.attendeeUserIds)]),
      location: input.location || null,
    };
    const rescheduled = current !== undefined && invitationChanged(current, values);
    // A published review is read-only, except for the recording link shared after the meeting.
    if (review.state === 'published' && (current === undefined || rescheduled)) throw publishedConflict(review);
    const sequence = current === undefined ? 0 : current.sequence + (rescheduled ? 1 : 0);
    const gateOverride = usedOverride ?? current?.gate_override ?? null;
    const done = current
      ? await repo.updateMeeting(trx, review.id, current.version, { ...values, recording_link: input.recordingLink, sequence, gate_override: gateOverride, updated_at: nowIso })
      : await repo.insertMeeting(trx, { ...values, recording_link: input.recordingLink, sequence, gate_override: gateOverride, created_at: nowIso, updated_at: nowIso });
    if (!done) {
      const now = await repo.findMeeting(trx, review.id);
      throw versionConflict(`The meeting of review ${review.id}`, now ? await toMeeting(trx, now) : null, input.version);
    }
    const after = await toMeeting(trx, (await repo.findMeeting(trx, review.id))!);
    return {
      result: after,
      change: {
        event: { type: 'meeting.scheduled', incidentId: review.incidentId, reviewId: review.id, sequence, rescheduled, gateOverride: usedOverride },
        audit: { action: current ? 'review.meeting.update' : 'review.meeting.schedule', entityType: 'review_meeting', entityId: review.id, before: current ? await toMeeting(trx, current) : null, after: { ...after, ...(usedOverride ? { override: usedOverride } : {}) } },
      },
    };
  }, { allowPublished: true });
  return getMeeting(ctx, visible.id);
}

/** The invitation (.ics) of the scheduled meeting; 404 when none is. */
export async function getInvitation(ctx: AppContext, reviewId: number): Promise<string> {
  const review = await getReview(ctx, reviewId);
  const row = await repo.findMeeting(ctx.db, review.id);
  if (!row) throw new AppError('not_found', `Review ${review.id} has no meeting scheduled`);
  const meeting = await toMeeting(ctx.db, row);
  const ids = [meeting.facilitator, meeting.scribe, ...meeting.attendees].flatMap((p) => (p?.userId == null ? [] : [p.userId]));
  const emails = new Map((await findAccounts(ctx.db, ids)).map((account) => [account.id, account.email]));
  return meetingInvitation({ meeting, review, emails, publicUrl: ctx.config.publicUrl });
}
