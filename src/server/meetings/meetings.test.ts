import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/accounts/account.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { MeetingState } from '../../shared/meetings/meeting.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signedIn, signIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';

/** The invitation as a calendar reads it: ical.js, with the file's own VTIMEZONE registered. */
function readInvitation(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    zones: calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    description: event.description,
    location: event.location,
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    // The scheme is case-insensitive (RFC 5545 says MAILTO, ical-generator writes both).
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()).sort(),
  };
}

describe.each(databaseKinds)('review meetings on %s', (kind) => {
  const leader = `vp-${kind}@example.com`;
  const t = useTestApp(kind, testConfig({ HINDSIGHT_MEETING_MAX_ATTENDEES: '4', HINDSIGHT_SENIOR_LEADERSHIP: leader.toUpperCase(), HINDSIGHT_TIME_ZONE: 'Europe/Copenhagen' }));
  const schedule = (reviewId: number, payload: object) => t.request<MeetingState & Problem>({ method: 'PUT', url: `/api/reviews/${reviewId}/meeting`, payload });

  /** A review in its async review, with a commander and two responders who have accounts. */
  async function reviewInAsyncReview() {
    const [commander, responderA, responderB] = await Promise.all([createUser(t, { role: 'responder' }), createUser(t, { role: 'responder' }), createUser(t, { role: 'responder' })]);
    const { incident, review } = await createReview(t, { commander: { userId: commander.id }, responders: [{ userId: responderA.id }, { userId: responderB.id }] });
    await post(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: 'Deploy 42 started' });
    await patch<Review>(t, `/api/reviews/${review.id}`, { version: review.version, summary: 'A config change took checkout down.' });
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'in_review' });
    return { incident, review, commander, responderA, responderB };
  }

  async function completeAsyncReview(reviewId: number, reviewer: User) {
    await post(t, `/api/reviews/${reviewId}/reviewers`, { userIds: [reviewer.id] });
    const browser = await signIn(t, reviewer.email);
    await browser.request({ method: 'POST', url: `/api/reviews/${reviewId}/sign-off`, payload: { decision: 'signed_off' } });
  }

  it('refuses to schedule before the async review is complete, unless overridden with a reason, kept with the meeting and its event', async () => {
    const { review, commander } = await reviewInAsyncReview();
    const meeting = { startsAt: '2026-03-12T14:00:00+01:00', durationMinutes: 60, facilitatorUserId: commander.id };
    const refused = await schedule(review.id, meeting);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/async review is not complete: Ask at least one reviewer.*override/);
    const blank = await schedule(review.id, { ...meeting, override: { reason: ' ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'override.reason' })]);
    expect(await get<MeetingState>(t, `/api/reviews/${review.id}/meeting`)).toMatchObject({ meeting: null, warnings: [], timeZone: 'Europe/Copenhagen' });

    const overridden = await schedule(review.id, { ...meeting, override: { reason: 'The vendor joins only this week' } });
    expect(overridden.status).toBe(200);
    expect(overridden.body.meeting).toMatchObject({ gateOverride: 'The vendor joins only this week', timeZone: 'Europe/Copenhagen', sequence: 0, version: 1, endsAt: '2026-03-12T15:00:00.000+01:00' });
    const event = await t.database.handle.db.selectFrom('events').select('data').where('type', '=', 'meeting.scheduled').where('review_id', '=', review.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ gateOverride: 'The vendor joins only this week', rescheduled: false, sequence: 0 });

    // The override holds for later reschedules, and stays on record.
    const moved = await schedule(review.id, { ...meeting, startsAt: '2026-03-13T10:00:00+01:00', version: 1 });
    expect(moved.body.meeting).toMatchObject({ gateOverride: 'The vendor joins only this week', sequence: 1, version: 2 });
  });

  it('schedules freely once the review is ready for the meeting, with versions (409 when stale) and people checked', async () => {
    const { review, commander } = await reviewInAsyncReview();
    await completeAsyncReview(review.id, commander);
    await patch(t, `/api/reviews/${review.id}`, { version: (await get<Review>(t, `/api/reviews/${review.id}`)).version, facilitator: { userId: commander.id } });
    await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'No canary' });
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'ready_for_meeting' });
    const meeting = { startsAt: '2026-03-12T14:00:00+01:00', durationMinutes: 45 };
    expect((await schedule(review.id, meeting)).status).toBe(200);
    const again = await schedule(review.id, meeting);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ current: { version: 1 } });
    expect((await schedule(review.id, { ...meeting, version: 2 })).status).toBe(409);
    const unknown = await schedule(review.id, { ...meeting, version: 1, attendeeUserIds: [commander.id, 999_999] });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'attendeeUserIds.1' })]);
    const badZone = await schedule(review.id, { ...meeting, version: 1, timeZone: 'Mars/Olympus' });
    expect(badZone.body.errors).toEqual([expect.objectContaining({ field: 'timeZone' })]);
    const noOffset = await schedule(review.id, { ...meeting, version: 1, startsAt: '2026-03-12T14:00:00' });
    expect(noOffset.body.errors).toEqual([expect.objectContaining({ field: 'startsAt' })]);
    const recorded = await schedule(review.id, { ...meeting, version: 1, recordingLink: 'https://video.example.com/r/42' });
    expect(recorded.body.meeting).toMatchObject({ recordingLink: 'https://video.example.com/r/42', sequence: 0, version: 2 });

    // Once published, the review is read-only: the recording link may still be shared, the meeting not moved.
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'meeting_held' });
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'published' });
    const shared = await schedule(review.id, { ...meeting, version: 2, recordingLink: 'https://video.example.com/r/43' });
    expect(shared.body.meeting).toMatchObject({ recordingLink: 'https://video.example.com/r/43', version: 3 });
    const moved = await schedule(review.id, { ...meeting, version: 3, startsAt: '2026-03-19T14:00:00+01:00' });
    expect(moved.status).toBe(409);
    expect(moved.body.detail).toMatch(/published and read-only/);
  });

  it('warns, quoting why, about a large audience, people not involved, and senior leadership; never blocks', async () => {
    const { review, commander, responderA, responderB } = await reviewInAsyncReview();
    const outsider = await createUser(t, { role: 'viewer', name: 'Olive Outsider' });
    const vp = await createUser(t, { role: 'viewer', name: 'Vera President', email: leader });
    const scribe = await createUser(t, { role: 'responder', name: 'Sam Scribe' });
    const neutralFacilitator = await createUser(t, { role: 'responder', name: 'Fay Facilitator' });
    const small = await schedule(review.id, {
      startsAt: '2026-03-12T14:00:00+01:00',
      durationMinutes: 60,
      facilitatorUserId: neutralFacilitator.id,
      scribeUserId: commander.id,
      attendeeUserIds: [responderA.id, responderB.id],
      override: { reason: 'Testing the audience' },
    });
    expect(small.body.warnings).toEqual([]);
    expect(small.body.audience).toMatchObject({ maxAttendees: 4, seniorLeadershipUserIds: [vp.id] });
    expect(small.body.audience.involvedUserIds).toEqual(expect.arrayContaining([commander.id, responderA.id, responderB.id]));

    const crowded = await schedule(review.id, {
      startsAt: '2026-03-12T14:00:00+01:00',
      durationMinutes: 60,
      facilitatorUserId: neutralFacilitator.id,
      scribeUserId: scribe.id,
      attendeeUserIds: [commander.id, responderA.id, responderB.id, outsider.id, vp.id],
      version: 1,
    });
    expect(crowded.status).toBe(200);
    const warnings = crowded.body.warnings;
    expect(warnings.map((w) => w.kind)).toEqual(['too_many', 'not_involved', 'senior_leadership']);
    expect(warnings[0]).toMatchObject({ message: '7 people are invited, more than 4', why: expect.stringMatching(/the harder it is for participants to speak openly/) });
    expect(warnings[1]!.people.map((p) => p.name)).toEqual(['Sam Scribe', 'Olive Outsider', 'Vera President']);
    expect(warnings[2]).toMatchObject({ people: [{ userId: vp.id, name: 'Vera President' }], why: expect.stringMatching(/Senior leadership .* do not attend/) });
    expect((await get<MeetingState>(t, `/api/reviews/${review.id}/meeting`)).warnings).toEqual(warnings);
  });

  it('offers an .ics invitation that a calendar reads back with the right instants, zone, people, UID and SEQUENCE', async () => {
    const { review, commander, responderA } = await reviewInAsyncReview();
    expect((await t.request({ method: 'GET', url: `/api/reviews/${review.id}/meeting.ics` })).status).toBe(404);
    await schedule(review.id, {
      startsAt: '2026-03-12T13:00:00Z',
      durationMinutes: 90,
      facilitatorUserId: commander.id,
      attendeeUserIds: [responderA.id],
      location: 'https://meet.example.com/review',
      override: { reason: 'Testing the invitation' },
    });
    const download = await t.request<string>({ method: 'GET', url: `/api/reviews/${review.id}/meeting.ics` });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/calendar/);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="review-${review.id}-meeting.ics"`);
    const first = readInvitation(download.body);
    expect(first).toMatchObject({
      zones: ['Europe/Copenhagen'],
      tzid: 'Europe/Copenhagen',
      start: '2026-03-12T13:00:00.000Z',
      end: '2026-03-12T14:30:00.000Z',
      sequence: 0,
      location: 'https://meet.example.com/review',
      summary: expect.stringContaining(review.incidentTitle),
      description: expect.stringContaining(`/reviews/${review.id}`),
      organizer: `mailto:${commander.email}`,
      attendees: [`mailto:${commander.email}`, `mailto:${responderA.email}`].map((a) => a.toLowerCase()).sort(),
    });
    expect(download.body).toContain('DTSTART;TZID=Europe/Copenhagen:20260312T140000');

    // Rescheduled across a daylight-saving change into another zone: same UID, a higher SEQUENCE.
    await schedule(review.id, { startsAt: '2026-03-30T10:00:00-04:00', durationMinutes: 30, timeZone: 'America/New_York', facilitatorUserId: commander.id, version: 1 });
    const second = readInvitation((await t.request<string>({ method: 'GET', url: `/api/reviews/${review.id}/meeting.ics` })).body);
    expect(second).toMatchObject({ uid: first.uid, sequence: 1, zones: ['America/New_York'], tzid: 'America/New_York', start: '2026-03-30T14:00:00.000Z', end: '2026-03-30T14:30:00.000Z' });

    // In UTC the times are written in UTC (…Z), never as floating local times.
    await schedule(review.id, { startsAt: '2026-03-30T16:00:00+02:00', durationMinutes: 30, timeZone: 'UTC', facilitatorUserId: commander.id, version: 2 });
    const utcIcs = (await t.request<string>({ method: 'GET', url: `/api/reviews/${review.id}/meeting.ics` })).body;
    expect(utcIcs).toContain('DTSTART:20260330T140000Z');
    expect(readInvitation(utcIcs)).toMatchObject({ sequence: 2, start: '2026-03-30T14:00:00.000Z', end: '2026-03-30T14:30:00.000Z' });
  });

  it('keeps a restricted incident’s meeting from non-members', async () => {
    const { incident, review, commander } = await reviewInAsyncReview();
    await schedule(review.id, { startsAt: '2026-03-12T13:00:00Z', durationMinutes: 30, facilitatorUserId: commander.id, override: { reason: 'Secret' } });
    const member = await signedIn(t, 'responder');
    const outsider = await signedIn(t, 'responder');
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    for (const call of [
      { method: 'GET', url: `/api/reviews/${review.id}/meeting` },
      { method: 'GET', url: `/api/reviews/${review.id}/meeting.ics` },
      { method: 'PUT', url: `/api/reviews/${review.id}/meeting`, payload: { startsAt: '2026-03-12T13:00:00Z', durationMinutes: 30, version: 1 } },
    ] as const) {
      expect((await outsider.request({ ...call })).status, `${call.method} ${call.url}`).toBe(404);
    }
    expect((await member.request({ method: 'GET', url: `/api/reviews/${review.id}/meeting.ics` })).status).toBe(200);
  });
});
