import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { NotesAcceptResult, NotesProposals, ReviewNotes } from '../../shared/notes/notes.schema.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { signedIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createReview, get, post, publishReview } from '../../../test/support/reviews.js';

const NOTES = [
  'Meeting notes',
  '14:05 paged DB team',
  '14:12 failover started',
  '??:?? someone restarted the cache',
  '',
  '- AI: add alert on replica lag (owner: sam)',
  'contributing: replica lag alert was muted',
  'risk: only one person knows the failover',
  'what went well: on-call knew the dashboards',
].join('\n');

describe.each(databaseKinds)('notes first on %s', (kind) => {
  const t = useTestApp(kind, testConfig({ HINDSIGHT_TIME_ZONE: 'Europe/Copenhagen' }));
  const put = (reviewId: number, payload: object) => t.request<ReviewNotes & Problem>({ method: 'PUT', url: `/api/reviews/${reviewId}/notes`, payload });
  const newReview = () => createReview(t, { impactStartedAt: '2026-03-10T08:00:00Z' });
  /** The timeline without the incident's key timestamps. */
  const entriesOf = async (incidentId: number) => (await get<{ items: TimelineEntry[] }>(t, `/api/incidents/${incidentId}/timeline`)).items.filter((e) => !e.keyTimestamp);

  it('saves the notes with a revision and refuses a stale one with the current notes', async () => {
    const { review } = await newReview();
    expect(await get<ReviewNotes>(t, `/api/reviews/${review.id}/notes`)).toMatchObject({ text: '', revision: 0, acceptedIds: [] });
    const first = await put(review.id, { text: 'first', revision: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ text: 'first', revision: 1, updatedBy: { name: 'Harness admin' } });
    expect((await put(review.id, { text: 'second', revision: 1 })).body.revision).toBe(2);
    const stale = await put(review.id, { text: 'from an old tab', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body.current).toMatchObject({ text: 'second', revision: 2 });
    expect((await put(review.id, { text: 'not first', revision: 0 })).status).toBe(409);
    // The same text again changes nothing.
    expect((await put(review.id, { text: 'second', revision: 2 })).body.revision).toBe(2);
    expect((await get<ReviewNotes>(t, `/api/reviews/${review.id}/notes`)).text).toBe('second');
  });

  it('records notes.changed for the live view, with the audit keeping sizes, not text', async () => {
    const { review } = await newReview();
    await put(review.id, { text: 'secret words', revision: 0 });
    const event = await t.database.handle.db.selectFrom('events').selectAll().where('review_id', '=', review.id).where('type', '=', 'notes.changed').executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ type: 'notes.changed', reviewId: review.id, revision: 1, change: 'edited' });
    const audit = await t.database.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'review.notes.update').where('entity_id', '=', String(review.id)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain('secret words');
  });

  it('proposes from the saved or the given text, on the incident day in the organisation zone, writing nothing', async () => {
    const { review } = await newReview();
    await put(review.id, { text: NOTES, revision: 0 });
    const saved = await post<NotesProposals>(t, `/api/reviews/${review.id}/notes/proposals`, {});
    expect(saved.incidentDate).toBe('2026-03-10');
    expect(saved.timeZone).toBe('Europe/Copenhagen');
    expect(saved.proposals.map((p) => [p.kind, p.text, p.sourceLines, p.occurredAt])).toEqual([
      ['timelineEntry', 'paged DB team', [2, 2], '2026-03-10T14:05:00+01:00'],
      ['timelineEntry', 'failover started', [3, 3], '2026-03-10T14:12:00+01:00'],
      ['timelineEntry', 'someone restarted the cache', [4, 4], null],
      ['actionItem', 'add alert on replica lag', [6, 6], null],
      ['contributor', 'replica lag alert was muted', [7, 7], null],
      ['risk', 'only one person knows the failover', [8, 8], null],
      ['mitigator', 'on-call knew the dashboards', [9, 9], null],
    ]);
    const given = await post<NotesProposals>(t, `/api/reviews/${review.id}/notes/proposals`, { text: '09:00 UTC deploy', timeZone: 'America/New_York' });
    expect(given.proposals).toMatchObject([{ text: 'deploy', occurredAt: '2026-03-10T09:00:00Z' }]);
    expect(await entriesOf(review.incidentId)).toEqual([]);
  });

  it('accepts all at once through the services, and a second acceptance creates nothing', async () => {
    const { review, incident } = await newReview();
    await put(review.id, { text: NOTES, revision: 0 });
    const { proposals } = await post<NotesProposals>(t, `/api/reviews/${review.id}/notes/proposals`, {});
    const chosen = proposals.map(({ accepted: _accepted, ...p }) => p);
    const [first, again] = await Promise.all([
      post<NotesAcceptResult>(t, `/api/reviews/${review.id}/notes/accept`, { proposals: chosen }),
      post<NotesAcceptResult>(t, `/api/reviews/${review.id}/notes/accept`, { proposals: chosen }),
    ]);
    const made = [...first.accepted, ...again.accepted].filter((a) => a.created);
    expect(made).toHaveLength(7);
    const timeline = await entriesOf(incident.id);
    expect(timeline.map((e) => [e.text, e.precision, e.provenance?.ref])).toEqual([
      ['paged DB team', 'minute', 'notes line 2'],
      ['failover started', 'minute', 'notes line 3'],
      ['someone restarted the cache', 'unknown', 'notes line 4'],
    ]);
    const items = (await get<{ items: ActionItem[] }>(t, `/api/reviews/${review.id}/action-items`)).items;
    expect(items.map((i) => [i.title, i.owner?.name])).toEqual([['add alert on replica lag', 'sam']]);
    const factors = (await get<{ items: Factor[] }>(t, `/api/reviews/${review.id}/factors`)).items;
    expect(factors.map((f) => [f.kind, f.title]).sort()).toEqual([
      ['contributor', 'replica lag alert was muted'],
      ['mitigator', 'on-call knew the dashboards'],
      ['risk', 'only one person knows the failover'],
    ]);
    const third = await post<NotesAcceptResult>(t, `/api/reviews/${review.id}/notes/accept`, { proposals: chosen });
    expect(third.accepted.every((a) => !a.created && a.entityId !== null)).toBe(true);
    const marked = await post<NotesProposals>(t, `/api/reviews/${review.id}/notes/proposals`, {});
    expect(marked.proposals.every((p) => p.accepted)).toBe(true);
    expect((await get<ReviewNotes>(t, `/api/reviews/${review.id}/notes`)).acceptedIds).toHaveLength(7);
  });

  it('accepts one by one; all at once is all or nothing', async () => {
    const { review } = await newReview();
    await put(review.id, { text: NOTES, revision: 0 });
    const { proposals } = await post<NotesProposals>(t, `/api/reviews/${review.id}/notes/proposals`, {});
    const one = proposals.find((p) => p.kind === 'risk')!;
    const { accepted: _a, ...risk } = one;
    expect((await post<NotesAcceptResult>(t, `/api/reviews/${review.id}/notes/accept`, { proposals: [risk] })).accepted).toMatchObject([{ kind: 'risk', created: true }]);
    // An action item whose owner is not a valid person fails the whole batch: nothing else is created.
    const bad = { ...proposals.find((p) => p.kind === 'actionItem')!, owner: ' ' };
    const { accepted: _b, ...badItem } = bad;
    const entry = proposals.find((p) => p.kind === 'timelineEntry')!;
    const { accepted: _c, ...entryProposal } = entry;
    const refused = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/notes/accept`, payload: { proposals: [entryProposal, badItem] } });
    expect(refused.status).toBe(400);
    expect(await entriesOf(review.incidentId)).toEqual([]);
  });

  it('names the field of bad input', async () => {
    const { review } = await newReview();
    const cases: Array<[string, string, object, string]> = [
      ['PUT', 'notes', { text: 'x'.repeat(200_001), revision: 0 }, 'text'],
      ['PUT', 'notes', { text: 'x' }, 'revision'],
      ['PUT', 'notes', { text: 'x', revision: -1 }, 'revision'],
      ['POST', 'notes/proposals', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['POST', 'notes/accept', { proposals: [] }, 'proposals'],
      ['POST', 'notes/accept', { proposals: [{ kind: 'rumour', text: 'x' }] }, 'proposals.0.kind'],
    ];
    for (const [method, path, payload, field] of cases) {
      const response = await t.request<Problem>({ method: method as 'PUT', url: `/api/reviews/${review.id}/${path}`, payload });
      expect(response.status, `${path} ${field}`).toBe(400);
      expect(response.body.errors?.map((e) => e.field), `${path} ${field}`).toContain(field);
    }
  });

  it('lets viewers read but not write, keeps restricted notes from non-members, refuses writes once published', async () => {
    const { review, incident } = await newReview();
    await put(review.id, { text: NOTES, revision: 0 });
    const viewer = await signedIn(t, 'viewer');
    expect((await viewer.request({ method: 'GET', url: `/api/reviews/${review.id}/notes` })).status).toBe(200);
    expect((await viewer.request({ method: 'PUT', url: `/api/reviews/${review.id}/notes`, payload: { text: 'x', revision: 1 } })).status).toBe(403);
    const member = await signedIn(t, 'responder');
    const outsider = await signedIn(t, 'responder');
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    const { proposals } = await post<NotesProposals>(t, `/api/reviews/${review.id}/notes/proposals`, {});
    const chosen = proposals.slice(0, 1).map(({ accepted: _accepted, ...p }) => p);
    for (const call of [
      { method: 'GET', url: `/api/reviews/${review.id}/notes` },
      { method: 'PUT', url: `/api/reviews/${review.id}/notes`, payload: { text: 'x', revision: 1 } },
      { method: 'POST', url: `/api/reviews/${review.id}/notes/proposals`, payload: {} },
      { method: 'POST', url: `/api/reviews/${review.id}/notes/accept`, payload: { proposals: chosen } },
    ] as const) {
      expect((await outsider.request({ ...call })).status, `${call.method} ${call.url}`).toBe(404);
    }
    expect((await member.request({ method: 'GET', url: `/api/reviews/${review.id}/notes` })).body).toMatchObject({ text: NOTES });
    await publishReview(t, review.id);
    expect((await put(review.id, { text: 'late', revision: 1 })).status).toBe(409);
    expect((await t.request({ method: 'POST', url: `/api/reviews/${review.id}/notes/accept`, payload: { proposals: chosen } })).status).toBe(409);
  });
});
