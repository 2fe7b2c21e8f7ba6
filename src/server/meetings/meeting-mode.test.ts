import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Problem } from '../../shared/errors.js';
import type { RecordedEvent } from '../../shared/events/domain-events.js';
import type { ServerMessage } from '../../shared/live/live-protocol.js';
import type { MeetingMode } from '../../shared/meetings/meeting-mode.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { signedIn, type Browser } from '../../../test/support/accounts.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, patch, post, publishReview } from '../../../test/support/reviews.js';

/** A live-update connection as a browser tab holds it, keeping the events it heard. */
async function liveTab(url: string, browser: Browser) {
  const socket = new WebSocket(url, { headers: { cookie: browser.cookie } });
  const received: ServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
  const events = () => received.flatMap((m) => (m.type === 'events' ? m.events : []));
  return {
    received,
    events,
    send: (message: object) => socket.send(JSON.stringify(message)),
    async waitFor(match: (event: RecordedEvent) => boolean, what: string): Promise<RecordedEvent> {
      for (const started = Date.now(); ; ) {
        const found = events().find(match);
        if (found) return found;
        if (Date.now() - started > 10_000) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => socket.close(),
  };
}

describe.each(databaseKinds)('meeting mode on %s', (kind) => {
  const t = useTestApp(kind);
  let liveUrl: string;
  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    liveUrl = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/live`;
  });

  /** A review with a facilitator (a responder), two timeline entries, and a participant who is not the facilitator. */
  async function reviewWithFacilitator() {
    const facilitator = await signedIn(t, 'responder');
    const participant = await signedIn(t, 'responder');
    const { incident, review } = await createReview(t);
    await patch<Review>(t, `/api/reviews/${review.id}`, { version: review.version, facilitator: { userId: facilitator.user.id } });
    const first = await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:00:00Z', text: 'Deploy 42 started' });
    const second = await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: 'Checkout errors rose' });
    return { incident, review, facilitator, participant, entries: [first, second] };
  }
  const mode = (as: Browser, reviewId: number) => as.request<MeetingMode & Omit<Problem, 'status'>>({ method: 'GET', url: `/api/reviews/${reviewId}/meeting/mode` });
  const move = (as: Browser, reviewId: number, payload: object) => as.request<MeetingMode & Omit<Problem, 'status'>>({ method: 'PUT', url: `/api/reviews/${reviewId}/meeting/mode`, payload });

  it('starts at the summary; only the facilitator (or owner, or an admin) moves; everyone reads where the meeting is, with a stage timer from the server', async () => {
    const { review, facilitator, participant, entries } = await reviewWithFacilitator();
    const before = await mode(participant, review.id);
    expect(before.body).toMatchObject({ status: 'not_started', stage: 'summary', entryId: null, version: 0, canFacilitate: false, facilitator: { userId: facilitator.user.id } });
    expect((await mode(facilitator, review.id)).body.canFacilitate).toBe(true);

    const refused = await move(participant, review.id, { stage: 'timeline', entryId: entries[0]!.id });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/Only the facilitator \(.+\), the review's owner or an admin/);
    const viewer = await signedIn(t, 'viewer');
    expect((await move(viewer, review.id, { stage: 'timeline' })).status).toBe(403);

    const started = await move(facilitator, review.id, { stage: 'summary' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'running', stage: 'summary', version: 1, movedBy: facilitator.user.name });
    const walking = (await move(facilitator, review.id, { stage: 'timeline', entryId: entries[0]!.id })).body;
    expect(walking).toMatchObject({ stage: 'timeline', entryId: entries[0]!.id, version: 2 });
    // Stepping to the next entry keeps the stage's timer; the next stage restarts it.
    const next = (await move(facilitator, review.id, { stage: 'timeline', entryId: entries[1]!.id, version: 2 })).body;
    expect(next).toMatchObject({ entryId: entries[1]!.id, version: 3, stageStartedAt: walking.stageStartedAt });
    expect(Date.parse(next.serverTime)).toBeGreaterThanOrEqual(Date.parse(next.stageStartedAt!));
    const actions = (await move(facilitator, review.id, { stage: 'actions' })).body;
    expect(Date.parse(actions.stageStartedAt!)).toBeGreaterThanOrEqual(Date.parse(next.stageStartedAt!));
    expect(actions.entryId).toBeNull();

    // Everyone reads the same position.
    expect((await mode(participant, review.id)).body).toMatchObject({ status: 'running', stage: 'actions', version: 4 });
    // The admin and the review's owner may move too.
    expect((await t.request({ method: 'PUT', url: `/api/reviews/${review.id}/meeting/mode`, payload: { stage: 'wrap_up' } })).status).toBe(200);
    const ended = await move(facilitator, review.id, { status: 'ended', stage: 'wrap_up' });
    expect(ended.body).toMatchObject({ status: 'ended', endedAt: expect.any(String) });

    const events = await t.database.handle.db.selectFrom('events').select('data').where('type', '=', 'meeting.moved').where('review_id', '=', review.id).orderBy('id').execute();
    expect(events.map((e) => (JSON.parse(e.data) as { stage: string }).stage)).toEqual(['summary', 'timeline', 'timeline', 'actions', 'wrap_up', 'wrap_up']);
  });

  it('refuses bad moves with problem+json naming the field, stale versions and published reviews with 409', async () => {
    const { review, facilitator, entries } = await reviewWithFacilitator();
    const other = await createReview(t);
    const elsewhere = await post<TimelineEntry>(t, `/api/incidents/${other.incident.id}/timeline`, { occurredAt: '2026-03-10T09:00:00Z', text: 'Another incident' });

    const badStage = await move(facilitator, review.id, { stage: 'lunch' });
    expect(badStage.status).toBe(400);
    expect(badStage.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badStage.body.errors).toEqual([expect.objectContaining({ field: 'stage' })]);
    const notOurs = await move(facilitator, review.id, { stage: 'timeline', entryId: elsewhere.id });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.errors).toEqual([expect.objectContaining({ field: 'entryId', in: 'body' })]);
    expect((await move(facilitator, review.id, { stage: 'timeline', entryId: 99_999_999 })).body.errors).toEqual([expect.objectContaining({ field: 'entryId' })]);
    expect((await move(facilitator, review.id, { stage: 'timeline', extra: 1 })).status).toBe(400);

    expect((await move(facilitator, review.id, { stage: 'timeline', entryId: entries[0]!.id, version: 0 })).status).toBe(200);
    const stale = await move(facilitator, review.id, { stage: 'timeline', entryId: entries[1]!.id, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { version: 1 } });

    await publishReview(t, review.id);
    const published = await move(facilitator, review.id, { stage: 'summary' });
    expect(published.status).toBe(409);
    expect(published.body.detail).toMatch(/published and read-only/);
    expect((await get<MeetingMode>(t, `/api/reviews/${review.id}/meeting/mode`)).stage).toBe('timeline');
  });

  it('tells every browser of a move at once, and keeps a restricted incident’s meeting from non-members (routes and live updates)', async () => {
    const { incident, review, facilitator, participant, entries } = await reviewWithFacilitator();
    const outsider = await signedIn(t, 'responder');
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [facilitator.user.id, participant.user.id] } });
    const [participantTab, outsiderTab] = await Promise.all([liveTab(liveUrl, participant), liveTab(liveUrl, outsider)]);
    outsiderTab.send({ type: 'watch', reviewId: review.id });

    await move(facilitator, review.id, { stage: 'timeline', entryId: entries[1]!.id });
    const heard = await participantTab.waitFor((e) => e.type === 'meeting.moved' && e.reviewId === review.id, 'the move');
    expect(heard).toMatchObject({ type: 'meeting.moved', status: 'running', stage: 'timeline', entryId: entries[1]!.id, version: 1, actor: { userId: facilitator.user.id } });

    for (const call of [mode(outsider, review.id), move(outsider, review.id, { stage: 'summary' })]) expect((await call).status).toBe(404);
    // The outsider's watch of the review was refused, and no event of it reached them.
    const open = await createReview(t);
    await outsiderTab.waitFor((e) => e.type === 'review.created' && e.reviewId === open.review.id, 'a later change');
    expect(outsiderTab.received).toContainEqual({ type: 'error', message: `Review ${review.id} not found` });
    expect(outsiderTab.events().filter((e) => 'incidentId' in e && e.incidentId === incident.id).map((e) => e.type)).not.toContain('meeting.moved');
    participantTab.close();
    outsiderTab.close();
  });
});
