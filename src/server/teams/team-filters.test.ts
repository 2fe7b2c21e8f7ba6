import { describe, expect, it } from 'vitest';
import type { Digest } from '../../shared/digests/digest.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Severity } from '../../shared/incidents/incident.schema.js';
import type { ActionItemTrend, BacklogHealth, IncidentTrend } from '../../shared/trends/trends.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, post, publishReview } from '../../../test/support/reviews.js';

/** Trends, the incident list their links open and the weekly digest narrowed to a team: the incidents tagged with any of its services, known answers. */
describe.each(databaseKinds)('filtering by team on %s', (kind) => {
  const t = useTestApp(kind);
  const incidents = async (query: string, role: 'viewer' | 'admin' = 'viewer') =>
    t.requestAs<IncidentTrend & Problem>(role, { method: 'GET', url: `/api/trends/incidents?from=2026-11-01&to=2026-11-30&interval=month&${query}` });
  const bySeverity = (trend: IncidentTrend) => Object.fromEntries(trend.series.map((s) => [s.severity, s.counts[0]])) as Record<Severity, number>;

  it('counts in trends, and in the digest, only the incidents of the team’s services', async () => {
    t.clock.now = new Date('2026-12-01T09:00:00Z');
    const seed = async (title: string, services: string[], severity: Severity, start: string) => createReview(t, { title, services, severity, impactStartedAt: start });
    const a = await seed('TF checkout down', ['tf-checkout'], 'sev1', '2026-11-03T10:00:00Z');
    await seed('TF ledger lag', ['tf-ledger'], 'sev2', '2026-11-10T10:00:00Z');
    const c = await seed('TF search slow', ['tf-search'], 'sev2', '2026-11-12T10:00:00Z');
    await seed('TF checkout and search', ['tf-checkout', 'tf-search'], 'sev3', '2026-11-20T10:00:00Z');
    const secret = await seed('TF ledger secret', ['tf-ledger'], 'sev1', '2026-11-25T10:00:00Z');
    await t.request({ method: 'PUT', url: `/api/incidents/${secret.incident.id}/access`, payload: { restricted: true, memberIds: [] } });
    await post(t, '/api/teams', { name: 'Payments', slug: 'payments', services: ['TF-Checkout', 'tf-ledger'] });
    await post(t, '/api/teams', { name: 'Nothing yet', slug: 'nothing-yet' });
    await post(t, `/api/reviews/${a.review.id}/action-items`, { title: 'TF alert on checkout errors' });
    await post(t, `/api/reviews/${c.review.id}/action-items`, { title: 'TF cache search results' });

    const viewer = (await incidents('team=payments')).body;
    expect(viewer.totals).toEqual([3]); // the incident with both services counts once; the restricted one is not seen
    expect(bySeverity(viewer)).toEqual({ sev1: 1, sev2: 1, sev3: 1, sev4: 0 });
    expect((await incidents('team=payments', 'admin')).body.totals).toEqual([4]);
    expect((await incidents('team=payments&severity=sev2')).body.totals).toEqual([1]);
    expect((await incidents('team=payments&service=tf-search')).body.totals).toEqual([1]);
    expect((await incidents('team=nothing-yet')).body.totals).toEqual([0]);
    expect((await incidents('')).body.totals[0]).toBeGreaterThanOrEqual(4);

    // The incident list a chart's bar opens, with the same team.
    const list = (await t.requestAs<{ items: Array<{ title: string }> }>('viewer', { method: 'GET', url: '/api/incidents?team=payments&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z' })).body;
    expect(list.items.map((incident) => incident.title).sort()).toEqual(['TF checkout and search', 'TF checkout down', 'TF ledger lag']);
    expect((await t.requestAs<{ items: unknown[] }>('viewer', { method: 'GET', url: '/api/incidents?team=nothing-yet' })).body.items).toEqual([]);

    const items = (await t.requestAs<ActionItemTrend>('viewer', { method: 'GET', url: '/api/trends/action-items?team=payments' })).body;
    expect(items.open).toBe(1);
    const backlog = (await t.requestAs<BacklogHealth>('viewer', { method: 'GET', url: '/api/trends/backlog?team=payments&workingDays=1' })).body;
    expect(backlog.byAgeAndClass.reduce((sum, band) => sum + band.unclassified, 0)).toBe(1);

    t.clock.now = new Date('2026-12-02T10:00:00Z');
    await publishReview(t, a.review.id);
    await publishReview(t, c.review.id);
    t.clock.now = new Date('2026-12-08T09:00:00Z');
    const digest = (await t.requestAs<Digest>('viewer', { method: 'GET', url: '/api/digests/weekly?week=2026-W49&team=payments' })).body;
    expect(digest).toMatchObject({ week: '2026-W49', team: { slug: 'payments', name: 'Payments' }, service: null, openActionItems: 1 });
    expect(digest.published.map((review) => review.title)).toEqual(['TF checkout down']);
    const both = (await t.requestAs<Digest>('viewer', { method: 'GET', url: '/api/digests/weekly?week=2026-W49&team=payments&service=tf-search' })).body;
    expect(both.published).toEqual([]);
    const markdown = await t.requestAs<string>('viewer', { method: 'GET', url: '/api/digests/weekly/export?week=2026-W49&team=payments' });
    expect(String(markdown.headers['content-disposition'])).toContain('digest-2026-W49-payments.md');
    expect(markdown.body).toContain('# Incident digest 2026-W49: Payments');
  });

  it('refuses an unknown team, naming the team parameter', async () => {
    for (const url of ['/api/incidents?team=nobody', '/api/trends/incidents?team=nobody', '/api/trends/backlog?team=nobody', '/api/digests/weekly?team=nobody', '/api/digests/weekly/export?team=nobody', '/api/trends/incidents?team=Not%20A%20Slug']) {
      const response = await t.requestAs<Problem>('viewer', { method: 'GET', url });
      expect([url, response.status, response.body.errors?.[0]]).toMatchObject([url, 400, { field: 'team', in: 'query' }]);
    }
  });
});
