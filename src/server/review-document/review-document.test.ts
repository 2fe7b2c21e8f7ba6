import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { reviewDocumentSchema, type ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, named, patch, post } from '../../../test/support/reviews.js';

const sections = (doc: ReviewDocument) => Object.fromEntries(doc.completeness.sections.map((s) => [s.key, s.count]));

describe.each(databaseKinds)('review document on %s', (kind) => {
  const t = useTestApp(kind);
  const documentOf = (reviewId: number) => get<ReviewDocument>(t, `/api/reviews/${reviewId}/document`);

  it('edits the review sections with the version, blank meaning not written, and refuses a stale edit losing nothing', async () => {
    const { review } = await createReview(t);
    expect(review).toMatchObject({ template: 'sources', facilitator: null, scribe: null, summary: null, impact: null, learnings: null });
    const edited = await patch<Review>(t, `/api/reviews/${review.id}`, {
      version: 1,
      facilitator: 'Noor Haddad',
      scribe: 'Tom Berg',
      template: 'google-sre',
      summary: 'Checkout failed for 20 minutes.',
      impact: '  ',
    });
    expect(edited).toMatchObject({ version: 2, facilitator: named('Noor Haddad'), scribe: named('Tom Berg'), template: 'google-sre', summary: 'Checkout failed for 20 minutes.', impact: null });
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/reviews/${review.id}`, payload: { version: 1, summary: 'Overwrite' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, summary: 'Checkout failed for 20 minutes.' });
    const bad = await t.request<Problem>({ method: 'PATCH', url: `/api/reviews/${review.id}`, payload: { version: 2, template: 'itil' } });
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['template']);
  });

  it('reports completeness per section of the chosen template, never refusing an empty review', async () => {
    const { incident, review } = await createReview(t, { impactStartedAt: null });
    const empty = await documentOf(review.id);
    expect(empty.completeness).toMatchObject({ template: 'sources', filled: 0, total: 5 });
    expect(empty.completeness.sections.map((s) => s.key)).toEqual(['summary', 'timeline', 'contributors', 'went_well', 'action_items']);

    await patch(t, `/api/reviews/${review.id}`, { version: 1, summary: 'Search timed out.' });
    await post(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:00:00Z', kind: 'signal', text: 'Latency alert' });
    await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Index missing' });
    await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Staging smaller than production' });
    await post(t, `/api/reviews/${review.id}/factors`, { kind: 'learning', title: 'Latency depends on data volume' });
    await t.request({ method: 'PUT', url: `/api/reviews/${review.id}/questions/went_well`, payload: { answer: 'Rollback was quick.' } });

    const sources = await documentOf(review.id);
    expect(sections(sources)).toEqual({ summary: 1, timeline: 1, contributors: 2, went_well: 1, action_items: 0 });
    expect(sources.completeness).toMatchObject({ filled: 4, total: 5 });
    expect(sources.completeness.sections.find((s) => s.key === 'action_items')).toEqual({ key: 'action_items', label: 'Action items', filled: false, count: 0 });

    await patch(t, `/api/reviews/${review.id}`, { version: 2, template: 'gitlab' });
    const gitlab = await documentOf(review.id);
    expect(sections(gitlab)).toEqual({ summary: 1, impact: 0, detection: 1, whys: 0, contributors: 2, went_well: 1, went_wrong: 0, learnings: 1, action_items: 0 });
    await patch(t, `/api/reviews/${review.id}`, { version: 3, template: 'google-sre' });
    const sre = await documentOf(review.id);
    expect(sre.completeness).toMatchObject({ template: 'google-sre', total: 10 });
    expect(sections(sre)).toMatchObject({ summary: 1, impact: 0, contributors: 2, timeline: 1, got_lucky: 0 });
  });

  it('returns the whole review in one read, valid against its schema', async () => {
    const { incident, review } = await createReview(t, { detectedAt: '2026-03-10T09:10:00+01:00' });
    const factor = await post<{ id: number }>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Alert threshold too high' });
    await post(t, `/api/reviews/${review.id}/whys`, { title: 'Late detection', factorIds: [factor.id] });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Lower the threshold', factorIds: [factor.id] });
    const doc = await documentOf(review.id);
    expect(reviewDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.review.id).toBe(review.id);
    expect(doc.incident.id).toBe(incident.id);
    expect(doc.timeline.map((e) => e.text)).toEqual(['Impact started', 'Detected']);
    expect(doc.metrics.find((m) => m.key === 'timeToDetect')).toMatchObject({ status: 'known', milliseconds: 10 * 60_000 });
    expect(doc.whys[0]!.factorIds).toEqual([factor.id]);
    expect(doc.actionItems[0]).toMatchObject({ factorIds: [factor.id], incidentTitle: incident.title });
    expect(doc.questions).toHaveLength(9);
    expect((await t.request({ method: 'GET', url: '/api/reviews/999999/document' })).status).toBe(404);
  });

  it('serves the review as text/markdown', async () => {
    const { incident, review } = await createReview(t, { title: 'Search | results empty' });
    const response = await t.request<string>({ method: 'GET', url: `/api/reviews/${review.id}/markdown` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/markdown/);
    expect(response.body.startsWith(`# Search | results empty\n`)).toBe(true);
    expect(response.body).toContain(`| Incident | #${incident.id}, sev3, active |`);
  });

  it('is never served stale after the incident is restricted or opened again (the cache key covers access)', async () => {
    const { review, incident } = await createReview(t);
    const read = () => t.request<ReviewDocument>({ method: 'GET', url: `/api/reviews/${review.id}/document` });
    const open = await read();
    expect(open.body.incident.restricted).toBe(false);
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [] } });
    const restricted = await read();
    expect(restricted.body.incident.restricted).toBe(true);
    expect(restricted.headers.etag).not.toBe(open.headers.etag);
  });
});
