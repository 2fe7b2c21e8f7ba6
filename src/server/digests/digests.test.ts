import { describe, expect, it } from 'vitest';
import type { Digest } from '../../shared/digests/digest.schema.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, patch, post, publishReview } from '../../../test/support/reviews.js';

/** A review of a `service` incident started at `start`, with a contributor of `category`. */
async function reviewed(t: TestApp, title: string, service: string, start: string, category: string) {
  const { incident, review } = await createReview(t, { title, services: [service], severity: 'sev2', impactStartedAt: start });
  await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: `${title}: ${category}`, category });
  return { incident, review };
}

describe.each(databaseKinds)('the weekly digest on %s', (kind) => {
  const t = useTestApp(kind);
  const digest = async (query: string, role: 'viewer' | 'admin' = 'viewer') => t.requestAs<Digest & Problem>(role, { method: 'GET', url: `/api/digests/weekly?${query}` });

  it('reports a service’s week: published reviews with lessons, recurring contributors, open and overdue action items', async () => {
    t.clock.now = new Date('2026-11-20T10:00:00Z');
    await reviewed(t, 'Digest earlier', 'Digest-Search', '2026-11-10T10:00:00Z', 'technical');
    const thisWeek = await reviewed(t, 'Digest index rebuild stalled', 'Digest-Search', '2026-12-01T10:00:00Z', 'technical');
    await reviewed(t, 'Digest once', 'Digest-Search', '2026-12-02T10:00:00Z', 'process');
    const other = await reviewed(t, 'Digest other service', 'digest-billing', '2026-12-02T11:00:00Z', 'technical');
    await post(t, `/api/reviews/${thisWeek.review.id}/action-items`, { title: 'Throttle index rebuilds', dueDate: '2026-12-02' });
    await post(t, `/api/reviews/${thisWeek.review.id}/action-items`, { title: 'Document rebuild limits', dueDate: '2026-12-20' });
    await post(t, `/api/reviews/${other.review.id}/action-items`, { title: 'Other service item', dueDate: '2026-12-01' });
    const secret = await reviewed(t, 'Digest secret', 'digest-search', '2026-12-03T10:00:00Z', 'technical');
    await post(t, `/api/reviews/${secret.review.id}/action-items`, { title: 'Secret item', dueDate: '2026-12-01' });
    await t.request({ method: 'PUT', url: `/api/incidents/${secret.incident.id}/access`, payload: { restricted: true, memberIds: [] } });
    t.clock.now = new Date('2026-12-03T12:00:00Z');
    const review = await t.request<{ version: number }>({ method: 'GET', url: `/api/reviews/${thisWeek.review.id}` });
    await patch(t, `/api/reviews/${thisWeek.review.id}`, { version: review.body.version, learnings: 'Rebuilds need a budget.' });
    await post(t, `/api/reviews/${thisWeek.review.id}/factors`, { kind: 'learning', title: 'Watch queue depth during rebuilds' });
    await publishReview(t, thisWeek.review.id);
    t.clock.now = new Date('2026-12-08T09:00:00Z');

    const { status, body } = await digest('service=Digest-Search');
    expect(status).toBe(200);
    expect(body).toMatchObject({ week: '2026-W49', from: '2026-11-30T00:00:00.000Z', until: '2026-12-07T00:00:00.000Z', service: 'Digest-Search', openActionItems: 2 });
    expect(body.published.map((r) => [r.title, r.learnings])).toEqual([['Digest index rebuild stalled', ['Rebuilds need a budget.', 'Watch queue depth during rebuilds']]]);
    // technical: this week's incident and one before (the restricted one is not counted); process only once.
    expect(body.recurringContributors).toEqual([{ category: 'technical', label: 'Technical', thisWeek: 1, before: 1, isNew: true }]);
    expect(body.overdueActionItems.map((i) => i.title)).toEqual(['Throttle index rebuilds']);
    expect(JSON.stringify(body)).not.toContain('Secret');

    const admin = (await digest('service=digest-search', 'admin')).body;
    expect(admin.recurringContributors[0]).toMatchObject({ thisWeek: 2, before: 1 });
    expect(admin.overdueActionItems.map((i) => i.title)).toContain('Secret item');

    const everyService = (await digest('week=2026-W49')).body;
    expect(everyService.service).toBeNull();
    expect(everyService.recurringContributors[0]).toMatchObject({ category: 'technical', thisWeek: 2, before: 1 });
  });

  it('exports the digest as Markdown and as an HTML page', async () => {
    const markdown = await t.requestAs<string>('viewer', { method: 'GET', url: '/api/digests/weekly/export?week=2026-W49&service=Digest-Search' });
    expect(markdown.status).toBe(200);
    expect(String(markdown.headers['content-type'])).toContain('text/markdown');
    expect(String(markdown.headers['content-disposition'])).toContain('digest-2026-W49-digest-search.md');
    expect(markdown.body).toContain('# Incident digest 2026-W49: Digest-Search');
    expect(markdown.body).toContain('- Watch queue depth during rebuilds');
    expect(markdown.body).toContain('**Technical**: 1 incident this week, 1 before (recurs for the first time)');
    const html = await t.requestAs<string>('viewer', { method: 'GET', url: '/api/digests/weekly/export?week=2026-W49&service=Digest-Search&format=html' });
    expect(String(html.headers['content-type'])).toContain('text/html');
    expect(html.body).toContain('<h1>Incident digest 2026-W49: Digest-Search</h1>');
  });

  it('refuses a week that does not exist and an unknown parameter, naming them', async () => {
    const noSuchWeek = await digest('week=2025-W53');
    expect(noSuchWeek.status).toBe(400);
    expect(noSuchWeek.body.errors?.[0]).toMatchObject({ field: 'week' });
    const badWeek = await digest('week=49');
    expect(badWeek.body.errors?.[0]).toMatchObject({ field: 'week' });
    const unknown = await digest('team=search');
    expect(unknown.status).toBe(400);
  });
});
