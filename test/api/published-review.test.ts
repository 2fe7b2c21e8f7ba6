import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/shared/errors.js';
import type { Incident } from '../../src/shared/incidents/incident.schema.js';
import type { Review } from '../../src/shared/reviews/review.schema.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { databaseKinds } from '../support/databases.js';
import { createIncident } from '../support/factories.js';
import { get, post, publishReview } from '../support/reviews.js';
import { reviewWrites, seedReview, versionOf, writeRoutes } from '../support/route-walk.js';

/** Write routes that are not edits (the review edits are the route walk's `reviewWrites`) of a review's content (the workflow itself, incidents' own fields, accounts). */
const otherWrites = [
  'POST /api/reviews/{id}/transitions',
  'POST /api/incidents',
  'POST /api/imports', // creates new incidents and reviews, never edits one
  'POST /api/imports/chat', // reads chat into proposals, stores nothing
  'POST /api/reviews/{id}/notes/proposals', // reads notes into proposals, stores nothing
  'POST /api/incidents/{id}/resolve',
  'POST /api/incidents/{id}/labels',
  'DELETE /api/incidents/{id}/labels/{label}',
  'POST /api/incidents/{id}/review',
  'PUT /api/incidents/{id}/access',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/setup',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'POST /api/tokens',
  'DELETE /api/tokens/{id}',
  'POST /api/language/check',
  'POST /api/reviews/{id}/reads', // counts a reader of the knowledge base, never edits the review
  'POST /api/admin/jobs/{id}/retry',
  'POST /api/admin/jobs/ping',
  // Sharing a published review outside reads it, never edits it (sharing/external-summaries.test.ts).
  'POST /api/reviews/{id}/external-summaries/preview',
  'POST /api/reviews/{id}/external-summaries',
  'POST /api/reviews/{id}/external-summaries/{summaryId}/revoke',
  // The conversation about a review and its sign-offs go on after publishing; they never change its content.
  'POST /api/reviews/{id}/comments',
  'PATCH /api/reviews/{id}/comments/{commentId}',
  'DELETE /api/reviews/{id}/comments/{commentId}',
  'POST /api/reviews/{id}/comments/{commentId}/resolve',
  'POST /api/reviews/{id}/comments/{commentId}/reopen',
  'POST /api/reviews/{id}/reviewers',
  'DELETE /api/reviews/{id}/reviewers/{userId}',
  'POST /api/reviews/{id}/sign-off',
  // The soak decision on an action item (F12) is its progress, like its status: it goes on after publishing.
  'POST /api/action-items/{id}/accept',
  'POST /api/action-items/{id}/decline',
  // The meeting: after publishing only its recording link may still be set (meetings/meetings.test.ts).
  'PUT /api/reviews/{id}/meeting',
  // Deploys and changes belong to the organisation, not to a review.
  'POST /api/changes',
  'POST /api/changes/import',
  // The global review's notes and attendees belong to the organisation's session, not to a review.
  'PUT /api/global-review/sessions/{day}/notes',
  'PUT /api/global-review/sessions/{day}/attendees',
  // Merging duplicates only closes items, which stays open after publishing (action-items.service.ts).
  'POST /api/portfolio/merge',
  // Integrations are the organisation's settings; an alert delivery adds to an incident, not to its review.
  'POST /api/admin/alert-sources',
  'PATCH /api/admin/alert-sources/{id}',
  'DELETE /api/admin/alert-sources/{id}',
  'POST /api/admin/alert-sources/{id}/rotate-secret',
  'POST /api/hooks/alerts/{id}',
  'PUT /api/me/notification-preferences',
  'POST /api/admin/webhook-endpoints',
  'PATCH /api/admin/webhook-endpoints/{id}',
  'DELETE /api/admin/webhook-endpoints/{id}',
  'POST /api/trackers',
  'PATCH /api/trackers/{id}',
  'DELETE /api/trackers/{id}',
  'POST /api/trackers/{id}/test',
  'PUT /api/trackers/{id}/people',
  'DELETE /api/trackers/{id}/people/{userId}',
  // A tracker issue follows an action item's progress, which goes on after publishing.
  'POST /api/action-items/{id}/tracker-issue',
  'POST /api/trackers/{id}/webhook',
  // Teams belong to the organisation, not to a review.
  'POST /api/teams',
  'PATCH /api/teams/{id}',
  'DELETE /api/teams/{id}',
];

async function snapshot(t: TestApp): Promise<string> {
  const db = t.ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const tables = ['incidents', 'reviews', 'timeline_entries', 'timeline_comments', 'review_factors', 'review_whys', 'review_answers', 'action_items'];
  return JSON.stringify(await Promise.all(tables.map((name) => db.selectFrom(name).selectAll().orderBy('id').execute())));
}

describe.each(databaseKinds)('a published review on %s', (kind) => {
  const t = useTestApp(kind);

  it('names every write route as a review edit or not', async () => {
    const routes = await writeRoutes(t);
    expect(routes.filter((route) => !(route in reviewWrites) && !otherWrites.includes(route))).toEqual([]);
  });

  it('refuses every edit with 409 and says why, writing nothing, until it is reopened with a reason; then every edit works', async () => {
    const ids = await seedReview(t);
    await publishReview(t, ids.review);
    const before = await snapshot(t);
    const failures: string[] = [];
    for (const [route, write] of Object.entries(reviewWrites)) {
      const { url, payload } = await write(t, ids);
      const response = await t.request<Problem>({ method: route.split(' ')[0] as 'POST', url, ...(payload ? { payload } : {}) });
      if (response.status !== 409 || !/published/.test(response.body.detail)) failures.push(`${route}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot(t)).toBe(before);

    // Progress on an action item is not an edit of the review: it goes on after publishing.
    const progress = await t.request({ method: 'PATCH', url: `/api/action-items/${ids.action}`, payload: { version: await versionOf(t, `/api/action-items/${ids.action}`), status: 'in_progress' } });
    expect(progress.status).toBe(200);

    const withoutReason = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${ids.review}/transitions`, payload: { to: 'in_review' } });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors?.map((e) => e.field)).toEqual(['reason']);
    await post(t, `/api/reviews/${ids.review}/transitions`, { to: 'in_review', reason: 'The timeline missed the second outage window' });
    for (const [route, write] of Object.entries(reviewWrites)) {
      const { url, payload } = await write(t, ids);
      const response = await t.request({ method: route.split(' ')[0] as 'POST', url, ...(payload ? { payload } : {}) });
      if (response.status >= 300) failures.push(`${route} after reopening: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps the key timestamps of a published review: resolving its incident waits for a reopening', async () => {
    const incident = await createIncident(t);
    const review = await post<Review>(t, `/api/incidents/${incident.id}/review`, {});
    await publishReview(t, review.id);
    const refused = await t.request<Problem>({ method: 'POST', url: `/api/incidents/${incident.id}/resolve`, payload: {} });
    expect(refused.status).toBe(409);
    expect((await get<Incident>(t, `/api/incidents/${incident.id}`)).status).toBe('active');
  });
});
