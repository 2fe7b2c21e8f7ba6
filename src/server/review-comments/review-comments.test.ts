import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Review, TransitionList } from '../../shared/reviews/review.schema.js';
import type { CommentThread, ReviewComment } from '../../shared/review-comments/review-comment.schema.js';
import type { AsyncReviewState } from '../../shared/review-comments/sign-off.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signedIn, signIn, type Browser } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';

describe.each(databaseKinds)('async review on %s', (kind) => {
  const t = useTestApp(kind);
  const comment = (as: Browser, reviewId: number, payload: object) => as.request<ReviewComment & Problem>({ method: 'POST', url: `/api/reviews/${reviewId}/comments`, payload });
  const threads = async (reviewId: number, query = '') => (await get<{ threads: CommentThread[] }>(t, `/api/reviews/${reviewId}/comments${query}`)).threads;

  /** A review with one record of every kind of part, ready for its async review. */
  async function reviewWithParts() {
    const { incident, review } = await createReview(t);
    const entry = await post<{ id: number }>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: 'Deploy 42 started' });
    const factor = await post<{ id: number }>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'No canary for config changes' });
    const whys = await post<{ id: number }>(t, `/api/reviews/${review.id}/whys`, { title: 'Why did it spread?', steps: [{ why: 'Why?', because: 'No canary' }] });
    const action = await post<{ id: number }>(t, `/api/reviews/${review.id}/action-items`, { title: 'Canary config changes' });
    const summarised = await patch<Review>(t, `/api/reviews/${review.id}`, { version: review.version, summary: 'A config change took checkout down for 20 minutes.' });
    return { incident, review: summarised, anchors: { entry: String(entry.id), factor: String(factor.id), whys: String(whys.id), action: String(action.id) } };
  }

  it('threads comments on every part of the review, with @mentions resolved to accounts', async () => {
    const ana = await createUser(t, { role: 'responder', name: `Ana Lima ${kind}` });
    const author = await signedIn(t, 'responder');
    const { review, anchors } = await reviewWithParts();
    const parts: Array<{ part: string; itemId: string | null }> = [
      { part: 'summary', itemId: null },
      { part: 'impact', itemId: null },
      { part: 'learnings', itemId: null },
      { part: 'timeline', itemId: anchors.entry },
      { part: 'factors', itemId: anchors.factor },
      { part: 'whys', itemId: anchors.whys },
      { part: 'questions', itemId: 'went_well' },
      { part: 'actionItems', itemId: anchors.action },
      { part: 'actionItems', itemId: null },
    ];
    for (const anchor of parts) {
      const started = await comment(author, review.id, { anchor, text: `@${ana.name} is this right? (${anchor.part})` });
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({ anchor, parentId: null, threadId: started.body.id, author: { userId: author.user.id }, mentions: [{ userId: ana.id, name: ana.name }] });
      const reply = await comment(author, review.id, { parentId: started.body.id, text: 'Answering my own question: yes.' });
      expect(reply.body).toMatchObject({ anchor, parentId: started.body.id, threadId: started.body.id, mentions: [] });
    }
    const all = await threads(review.id);
    expect(all.map((thread) => [thread.anchor, thread.replies.length])).toEqual(parts.map((anchor) => [anchor, 1]));
    expect(await threads(review.id, `?part=factors&itemId=${anchors.factor}`)).toHaveLength(1);

    // The mention is named in the event, so notifications can follow it.
    const events = await t.database.handle.db.selectFrom('events').select('data').where('type', '=', 'review_comment.changed').where('review_id', '=', review.id).execute();
    expect(events.map((e) => JSON.parse(e.data).mentions).filter((m: number[]) => m.length)).toHaveLength(parts.length);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ change: 'created', mentions: [ana.id] });
  });

  it('refuses anchors that name nothing of this review, naming the field', async () => {
    const author = await signedIn(t, 'responder');
    const { review } = await reviewWithParts();
    const other = await reviewWithParts();
    const refused: object[] = [
      { part: 'summary', itemId: '1' },
      { part: 'questions', itemId: 'root_cause' },
      { part: 'factors', itemId: other.anchors.factor },
      { part: 'timeline', itemId: other.anchors.entry },
      { part: 'whys', itemId: 'abc' },
      { part: 'actionItems', itemId: '99999999' },
    ];
    for (const anchor of refused) {
      const response = await comment(author, review.id, { anchor, text: 'Where does this go?' });
      expect(response.status, JSON.stringify(anchor)).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'anchor.itemId' })]);
    }
    const neither = await comment(author, review.id, { text: 'Nowhere' });
    expect(neither.body.errors).toEqual([expect.objectContaining({ field: 'anchor' })]);
    const strangerParent = await comment(author, review.id, { parentId: (await comment(author, other.review.id, { anchor: { part: 'summary' }, text: 'Elsewhere' })).body.id, text: 'Reply' });
    expect(strangerParent.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);
  });

  it('edits by the author with versions (409 when stale), resolves and reopens with who and when, deletes threads with their replies', async () => {
    const author = await signedIn(t, 'responder');
    const colleague = await signedIn(t, 'responder');
    const { review } = await reviewWithParts();
    const root = (await comment(author, review.id, { anchor: { part: 'summary' }, text: 'Too long?' })).body;
    const reply = (await comment(colleague, review.id, { parentId: root.id, text: 'A little.' })).body;

    const edited = await author.request<ReviewComment>({ method: 'PATCH', url: `/api/reviews/${review.id}/comments/${root.id}`, payload: { version: 1, text: 'Too long for readers outside the team?' } });
    expect(edited.body).toMatchObject({ text: 'Too long for readers outside the team?', edited: true, version: 2 });
    const stale = await author.request<Problem & { current: ReviewComment }>({ method: 'PATCH', url: `/api/reviews/${review.id}/comments/${root.id}`, payload: { version: 1, text: 'Overwrite' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, text: 'Too long for readers outside the team?' });
    const notMine = await colleague.request({ method: 'PATCH', url: `/api/reviews/${review.id}/comments/${root.id}`, payload: { version: 2, text: 'Mine now' } });
    expect(notMine.status).toBe(403);

    const resolved = await colleague.request<ReviewComment>({ method: 'POST', url: `/api/reviews/${review.id}/comments/${root.id}/resolve`, payload: { version: 2 } });
    expect(resolved.body).toMatchObject({ resolvedBy: { userId: colleague.user.id }, resolvedAt: expect.any(String), version: 3 });
    expect((await colleague.request({ method: 'POST', url: `/api/reviews/${review.id}/comments/${root.id}/resolve`, payload: { version: 3 } })).status).toBe(409);
    expect((await colleague.request({ method: 'POST', url: `/api/reviews/${review.id}/comments/${reply.id}/resolve`, payload: { version: 1 } })).status).toBe(409);
    expect(await threads(review.id, '?status=open')).toEqual([]);
    const reopened = await author.request<ReviewComment>({ method: 'POST', url: `/api/reviews/${review.id}/comments/${root.id}/reopen`, payload: { version: 3 } });
    expect(reopened.body).toMatchObject({ resolvedBy: null, resolvedAt: null, version: 4 });

    expect((await colleague.request({ method: 'DELETE', url: `/api/reviews/${review.id}/comments/${root.id}?version=4` })).status).toBe(403);
    expect((await author.request({ method: 'DELETE', url: `/api/reviews/${review.id}/comments/${root.id}?version=3` })).status).toBe(409);
    expect((await author.request({ method: 'DELETE', url: `/api/reviews/${review.id}/comments/${root.id}?version=4` })).status).toBe(204);
    expect(await threads(review.id)).toEqual([]);
    expect(await t.database.handle.db.selectFrom('review_comments').select('id').where('id', '=', reply.id).execute()).toEqual([]);
  });

  it('keeps restricted incidents invisible: their comments and async review answer 404 to non-members', async () => {
    const member = await signedIn(t, 'responder');
    const outsider = await signedIn(t, 'responder');
    const { incident, review } = await reviewWithParts();
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    const root = await comment(member, review.id, { anchor: { part: 'summary' }, text: 'Members only' });
    expect(root.status).toBe(201);
    const calls = [
      { method: 'GET', url: `/api/reviews/${review.id}/comments` },
      { method: 'GET', url: `/api/reviews/${review.id}/async-review` },
      { method: 'POST', url: `/api/reviews/${review.id}/comments`, payload: { anchor: { part: 'summary' }, text: 'Let me in' } },
      { method: 'POST', url: `/api/reviews/${review.id}/comments`, payload: { parentId: root.body.id, text: 'Let me in' } },
      { method: 'PATCH', url: `/api/reviews/${review.id}/comments/${root.body.id}`, payload: { version: 1, forMeeting: true } },
      { method: 'POST', url: `/api/reviews/${review.id}/comments/${root.body.id}/resolve`, payload: { version: 1 } },
      { method: 'POST', url: `/api/reviews/${review.id}/reviewers`, payload: { userIds: [outsider.user.id] } },
      { method: 'POST', url: `/api/reviews/${review.id}/sign-off`, payload: { decision: 'signed_off' } },
    ] as const;
    for (const call of calls) {
      const response = await outsider.request({ ...call });
      expect(response.status, `${call.method} ${call.url}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Members only');
    }
    expect((await member.request({ method: 'GET', url: `/api/reviews/${review.id}/comments` })).status).toBe(200);
  });

  it('completes the async review when every reviewer signed off and only questions for the meeting stay open', async () => {
    const owner = await signedIn(t, 'responder');
    const reviewer = await signedIn(t, 'responder');
    const viewer = await createUser(t, { role: 'viewer' });
    const { review } = await reviewWithParts();
    const state = () => get<AsyncReviewState>(t, `/api/reviews/${review.id}/async-review`);
    expect(await state()).toMatchObject({ complete: false, gaps: [expect.stringMatching(/at least one reviewer/)] });

    const asked = await owner.request<AsyncReviewState & Problem>({ method: 'POST', url: `/api/reviews/${review.id}/reviewers`, payload: { userIds: [reviewer.user.id, viewer.id] } });
    expect(asked.status).toBe(400);
    expect(asked.body.errors).toEqual([expect.objectContaining({ field: 'userIds.1', message: expect.stringMatching(/viewer/) })]);
    const requested = await owner.request<AsyncReviewState>({ method: 'POST', url: `/api/reviews/${review.id}/reviewers`, payload: { userIds: [reviewer.user.id] } });
    expect(requested.body.reviewers).toEqual([expect.objectContaining({ reviewer: { userId: reviewer.user.id, name: reviewer.user.name }, status: 'requested', requestedBy: { userId: owner.user.id, name: owner.user.name } })]);
    expect((await owner.request({ method: 'POST', url: `/api/reviews/${review.id}/sign-off`, payload: { decision: 'signed_off' } })).status).toBe(403);

    const noNote = await reviewer.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/sign-off`, payload: { decision: 'changes_requested' } });
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const changes = await reviewer.request<AsyncReviewState>({ method: 'POST', url: `/api/reviews/${review.id}/sign-off`, payload: { decision: 'changes_requested', note: 'Say who approved the config change' } });
    expect(changes.body).toMatchObject({ complete: false, reviewers: [{ status: 'changes_requested', note: 'Say who approved the config change' }] });

    const blocking = (await comment(reviewer, review.id, { anchor: { part: 'summary' }, text: 'Is the 20 minutes from detection or impact?' })).body;
    const question = (await comment(reviewer, review.id, { anchor: { part: 'factors' }, text: 'Should we talk about canaries in general?', forMeeting: true })).body;
    await reviewer.request({ method: 'POST', url: `/api/reviews/${review.id}/sign-off`, payload: { decision: 'signed_off' } });
    expect(await state()).toMatchObject({ complete: false, openThreads: 2, gaps: [expect.stringMatching(/^1 open comment thread/)] });

    await owner.request({ method: 'POST', url: `/api/reviews/${review.id}/comments/${blocking.id}/resolve`, payload: { version: 1 } });
    const done = await state();
    expect(done).toMatchObject({ complete: true, gaps: [], openThreads: 1, reviewers: [{ status: 'signed_off', decidedAt: expect.any(String) }] });
    expect(done.meetingQuestions.map((q) => q.id)).toEqual([question.id]);

    // Flagging a thread for the meeting, or not, moves it in and out of the questions.
    await owner.request({ method: 'PATCH', url: `/api/reviews/${review.id}/comments/${question.id}`, payload: { version: 1, forMeeting: false } });
    expect(await state()).toMatchObject({ complete: false, meetingQuestions: [] });
    const reflagged = await owner.request<Problem>({ method: 'PATCH', url: `/api/reviews/${review.id}/comments/${question.id}`, payload: { version: 2, forMeeting: true } });
    expect(reflagged.status).toBe(200);
    expect((await owner.request({ method: 'DELETE', url: `/api/reviews/${review.id}/reviewers/${reviewer.user.id}` })).status).toBe(200);
    expect(await state()).toMatchObject({ complete: false, reviewers: [] });
  });

  it('gates in_review → ready_for_meeting on the async review, unless overridden with a reason that is kept', async () => {
    const owner = await createUser(t, { role: 'responder' });
    const browser = await signIn(t, owner.email);
    const { review } = await reviewWithParts();
    await patch(t, `/api/reviews/${review.id}`, { version: review.version, facilitator: { userId: owner.id } });
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'in_review' });

    const options = await get<TransitionList>(t, `/api/reviews/${review.id}/transitions`);
    expect(options.transitions.find((o) => o.to === 'ready_for_meeting')).toMatchObject({ allowed: false, overridable: true, refusals: [expect.stringMatching(/async review is not complete/)] });
    const refused = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/transitions`, payload: { to: 'ready_for_meeting' } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/async review is not complete: Ask at least one reviewer.*override/);
    const blank = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/transitions`, payload: { to: 'ready_for_meeting', override: { reason: '  ' } } });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'override.reason' })]);

    const moved = await t.request<Review>({ method: 'POST', url: `/api/reviews/${review.id}/transitions`, payload: { to: 'ready_for_meeting', override: { reason: 'The responders are all in the office on Thursday' } } });
    expect(moved.body.state).toBe('ready_for_meeting');
    const event = await t.database.handle.db.selectFrom('events').select('data').where('type', '=', 'review.state_changed').where('review_id', '=', review.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ to: 'ready_for_meeting', override: 'The responders are all in the office on Thursday' });
    const audit = await t.database.handle.db.selectFrom('audit_log').select('after').where('action', '=', 'review.transition').where('entity_id', '=', String(review.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ override: 'The responders are all in the office on Thursday' });

    // Back, then through the gate without an override once the async review is complete.
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'in_review', reason: 'Try again properly' });
    await post(t, `/api/reviews/${review.id}/reviewers`, { userIds: [owner.id] });
    await browser.request({ method: 'POST', url: `/api/reviews/${review.id}/sign-off`, payload: { decision: 'signed_off' } });
    const clean = await post<Review>(t, `/api/reviews/${review.id}/transitions`, { to: 'ready_for_meeting' });
    expect(clean.state).toBe('ready_for_meeting');
    const last = await t.database.handle.db.selectFrom('events').select('data').where('type', '=', 'review.state_changed').where('review_id', '=', review.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(last.data)).not.toHaveProperty('override');
  });
});
