import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import { reviewDocumentSchema, type ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { Whys } from '../../shared/reviews/whys.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig, testContext } from '../../../test/support/databases.js';
import { createReview, get, ok, patch, post } from '../../../test/support/reviews.js';
import { getReviewDocument } from './review-document.service.js';

/**
 * GET /api/reviews/:id/document serves an unchanged document from cache. Whatever changes, the
 * next read must be exactly what a fresh build returns.
 */
describe.each(databaseKinds)('the cached review document on %s', (kind) => {
  const config = testConfig();
  const t = useTestApp(kind, config);

  it('is never stale after any change to any part, or when the day changes', async () => {
    t.clock.now = new Date('2026-03-20T12:00:00Z');
    const { incident, review } = await createReview(t, { labels: [] });
    const url = `/api/reviews/${review.id}/document`;
    const fresh = async () => {
      const ctx = testContext(t.database.handle, config, () => t.clock.now);
      return JSON.parse(JSON.stringify(reviewDocumentSchema.parse(await getReviewDocument(ctx, review.id)))) as ReviewDocument;
    };
    const expectFresh = async (change: string) => {
      expect(await get<ReviewDocument>(t, url), `after: ${change}`).toEqual(await fresh());
      expect(await get<ReviewDocument>(t, url), `cached after: ${change}`).toEqual(await fresh());
    };
    const send = (method: 'PUT' | 'DELETE', path: string, payload?: object) => ok(t, { method, url: path, ...(payload ? { payload } : {}) });
    await expectFresh('nothing');

    const entry = await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: 'Alert fired', kind: 'detection' });
    await expectFresh('timeline entry added');
    await patch(t, `/api/timeline/${entry.id}`, { version: entry.version, text: 'Error-rate alert fired' });
    await expectFresh('timeline entry corrected');
    await post(t, `/api/timeline/${entry.id}/comments`, { text: 'It fired late' });
    await expectFresh('comment added');

    await patch(t, `/api/reviews/${review.id}`, { version: review.version, summary: 'A summary' });
    await expectFresh('review edited');
    await patch(t, `/api/incidents/${incident.id}`, { version: (await get<{ version: number }>(t, `/api/incidents/${incident.id}`)).version, title: 'Renamed' });
    await expectFresh('incident renamed');
    await post(t, `/api/incidents/${incident.id}/labels`, { label: 'database' });
    await expectFresh('label added');

    const factor = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Late alert', timelineEntryIds: [entry.id] });
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert sooner', dueDate: '2026-03-20', factorIds: [factor.id] });
    await expectFresh('factor and action item added');
    await patch(t, `/api/factors/${factor.id}`, { version: 1, timelineEntryIds: [] });
    await expectFresh('factor links changed');
    const whys = await post<Whys>(t, `/api/reviews/${review.id}/whys`, { title: 'Late alert', factorIds: [factor.id] });
    await patch(t, `/api/whys/${whys.id}`, { version: 1, systemicCause: 'Thresholds are never reviewed' });
    await expectFresh('whys added and edited');

    await send('PUT', `/api/reviews/${review.id}/questions/got_lucky`, { answer: 'Quiet hour' });
    await expectFresh('question answered');
    await send('DELETE', `/api/reviews/${review.id}/questions/got_lucky?version=1`);
    await send('PUT', `/api/reviews/${review.id}/questions/got_lucky`, { answer: 'Quiet hour.' });
    await expectFresh('answer removed and given again');

    t.clock.now = new Date('2026-03-21T00:30:00Z');
    await expectFresh('the day changed: the action item is now overdue');
    expect((await get<ReviewDocument>(t, url)).actionItems[0]).toMatchObject({ overdue: true });

    await send('DELETE', `/api/factors/${factor.id}?version=2`);
    await expectFresh('factor deleted (its links go with it)');
    await send('DELETE', `/api/action-items/${item.id}?version=${(await get<ActionItem>(t, `/api/action-items/${item.id}`)).version}`);
    // Deleting the factor the chain named was a change to the chain too.
    await send('DELETE', `/api/whys/${whys.id}?version=${(await get<{ version: number }>(t, `/api/whys/${whys.id}`)).version}`);
    await send('DELETE', `/api/timeline/${entry.id}?version=2`);
    await expectFresh('everything deleted');
    t.clock.now = new Date();
  });

  it('answers gzip when accepted, and 304 to a matching If-None-Match until the document changes', async () => {
    const { review } = await createReview(t);
    const url = `/api/reviews/${review.id}/document`;
    const auth = await t.authHeaders();
    const plain = await t.app.inject({ method: 'GET', url, headers: auth });
    const zipped = await t.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', 'content-type': 'application/json; charset=utf-8', vary: 'accept-encoding' });
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-encoding': 'gzip;q=0' } })).headers['content-encoding']).toBeUndefined();

    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect(zipped.headers.etag).toBe(etag);
    const notModified = await t.app.inject({ method: 'GET', url, headers: { ...auth, 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    await patch(t, `/api/reviews/${review.id}`, { version: review.version, impact: 'Some' });
    const changed = await t.app.inject({ method: 'GET', url, headers: { ...auth, 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});
