import { describe, expect, it } from 'vitest';
import type { KnowledgeBaseHome } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { createUser, signIn, type Browser } from '../../../test/support/accounts.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, patch, post, publishReview } from '../../../test/support/reviews.js';

/** A review published at `at` (the test clock), with a categorised, tagged contributor and a learning. */
async function publishedAt(t: TestApp, at: string, overrides: Parameters<typeof createReview>[1] = {}) {
  t.clock.now = new Date(at);
  const { incident, review } = await createReview(t, overrides);
  await patch(t, `/api/reviews/${review.id}`, { version: review.version, summary: `Summary of ${incident.title}`, learnings: `Learned from ${incident.title}` });
  await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: `Cause of ${incident.title}`, category: 'technical', tags: ['deploy'] });
  await post(t, `/api/reviews/${review.id}/factors`, { kind: 'learning', title: `Lesson of ${incident.title}` });
  await publishReview(t, review.id);
  return { incident, review };
}

const homeAs = async (t: TestApp, as: 'admin' | 'viewer' | Browser) =>
  (typeof as === 'string' ? await t.requestAs<KnowledgeBaseHome>(as, { method: 'GET', url: '/api/knowledge-base' }) : await as.request<KnowledgeBaseHome>({ method: 'GET', url: '/api/knowledge-base' })).body;

const readAs = (t: TestApp, role: 'viewer' | 'responder' | 'admin', reviewId: number) => t.requestAs(role, { method: 'POST', url: `/api/reviews/${reviewId}/reads` });

describe.each(databaseKinds)('knowledge base on %s', (kind) => {
  const t = useTestApp(kind);

  it('lists published reviews with incident, services, severity, dates, factor categories and tags; drafts stay out', async () => {
    const { incident, review } = await publishedAt(t, '2026-12-10T10:00:00Z', { title: 'Payments failover', severity: 'sev2', services: ['KB-Payments', 'ledger'] });
    const draft = await createReview(t, { services: ['kb-payments'] });
    const home = await homeAs(t, 'viewer');

    expect(home.recent[0]).toEqual({
      reviewId: review.id,
      incidentId: incident.id,
      title: 'Payments failover',
      severity: 'sev2',
      services: ['KB-Payments', 'ledger'],
      summary: 'Summary of Payments failover',
      incidentStartedAt: '2026-03-10T09:00:00+01:00',
      publishedAt: '2026-12-10T10:00:00.000Z',
      factorCategories: ['technical'],
      factorTags: ['deploy'],
    });
    expect(home.recent.map((r) => r.reviewId)).not.toContain(draft.review.id);
    expect(home.byService.find((g) => g.service === 'kb-payments')).toMatchObject({ reviews: 1, latest: [{ reviewId: review.id }] });
    expect(home.byCategory.find((g) => g.category === 'technical')).toMatchObject({ label: 'Technical', latest: [{ reviewId: review.id }] });
  });

  it('shows what was learned this month (calendar-month.test.ts covers the zone) and keeps last month out', async () => {
    const november = await publishedAt(t, '2026-11-20T10:00:00Z', { title: 'November outage' });
    const december = await publishedAt(t, '2026-12-11T10:00:00Z', { title: 'December outage' });
    t.clock.now = new Date('2026-12-15T12:00:00Z');
    const { thisMonth, recent } = await homeAs(t, 'viewer');

    expect(thisMonth).toMatchObject({ month: '2026-12', timeZone: 'UTC' });
    expect(thisMonth.learnings).toEqual(
      expect.arrayContaining([
        { reviewId: december.review.id, incidentId: december.incident.id, incidentTitle: 'December outage', text: 'Learned from December outage' },
        { reviewId: december.review.id, incidentId: december.incident.id, incidentTitle: 'December outage', text: 'Lesson of December outage' },
      ]),
    );
    expect(thisMonth.contributors).toContainEqual({ reviewId: december.review.id, incidentId: december.incident.id, incidentTitle: 'December outage', title: 'Cause of December outage', category: 'technical' });
    expect(JSON.stringify(thisMonth)).not.toContain('November outage');
    expect(recent.map((r) => r.reviewId)).toContain(november.review.id);
  });

  it('counts one read per person, review and day, only when the read view says so, and ranks the most read', async () => {
    const popular = await publishedAt(t, '2026-12-12T10:00:00Z', { title: 'Popular review' });
    const quiet = await publishedAt(t, '2026-12-12T11:00:00Z', { title: 'Quiet review' });
    const readsOf = async (reviewId: number) => (await homeAs(t, 'viewer')).mostRead.find((entry) => entry.review.reviewId === reviewId)?.reads ?? 0;

    await t.requestAs('viewer', { method: 'GET', url: `/api/reviews/${popular.review.id}/document` });
    expect(await readsOf(popular.review.id)).toBe(0);

    expect((await readAs(t, 'viewer', popular.review.id)).status).toBe(204);
    expect((await readAs(t, 'viewer', popular.review.id)).status).toBe(204);
    await readAs(t, 'responder', popular.review.id);
    await readAs(t, 'viewer', quiet.review.id);
    expect(await readsOf(popular.review.id)).toBe(2);
    expect(await readsOf(quiet.review.id)).toBe(1);

    t.clock.now = new Date('2026-12-13T10:00:00Z');
    await readAs(t, 'viewer', popular.review.id);
    const { mostRead } = await homeAs(t, 'viewer');
    expect(mostRead.slice(0, 2).map((entry) => [entry.review.title, entry.reads])).toEqual([
      ['Popular review', 3],
      ['Quiet review', 1],
    ]);
    expect((await readAs(t, 'viewer', 999_999)).status).toBe(404);
  });

  it('keeps restricted reviews from non-members everywhere: lists, counts, groups, most read, this month, reads', async () => {
    t.clock.now = new Date('2026-12-14T09:00:00Z');
    const secret = await publishedAt(t, '2026-12-14T09:00:00Z', { title: 'Secret payroll leak', services: ['kb-payroll'], restricted: true });
    await readAs(t, 'admin', secret.review.id);
    await readAs(t, 'admin', secret.review.id);
    const member = await createUser(t, { role: 'viewer' });
    await t.request({ method: 'PUT', url: `/api/incidents/${secret.incident.id}/access`, payload: { restricted: true, memberIds: [member.id] } });

    const admin = await homeAs(t, 'admin');
    const outsider = await homeAs(t, 'viewer');
    const insider = await homeAs(t, await signIn(t, member.email));

    expect(JSON.stringify(outsider)).not.toContain('Secret payroll leak');
    expect(JSON.stringify(outsider)).not.toContain('kb-payroll');
    expect(outsider.published).toBe(admin.published - 1);
    expect(outsider.thisMonth.reviews).toBe(admin.thisMonth.reviews - 1);
    const technical = (home: KnowledgeBaseHome) => home.byCategory.find((g) => g.category === 'technical')!.reviews;
    expect(technical(outsider)).toBe(technical(admin) - 1);
    expect(admin.mostRead.map((entry) => entry.review.title)).toContain('Secret payroll leak');
    expect(outsider.mostRead.map((entry) => entry.review.reviewId)).not.toContain(secret.review.id);
    expect((await readAs(t, 'viewer', secret.review.id)).status).toBe(404);

    expect(insider.published).toBe(admin.published);
    expect(insider.byService.find((g) => g.service === 'kb-payroll')).toMatchObject({ reviews: 1 });
    expect(insider.recent.map((r) => r.title)).toContain('Secret payroll leak');
  });

  it('dates a review by its last publication: reopened and published again, or published by an earlier version', async () => {
    const { review } = await publishedAt(t, '2026-12-15T10:00:00Z', { title: 'Published twice' });
    const publishedOf = async (reviewId: number) => (await homeAs(t, 'admin')).recent.find((r) => r.reviewId === reviewId)?.publishedAt;
    expect(await publishedOf(review.id)).toBe('2026-12-15T10:00:00.000Z');
    t.clock.now = new Date('2026-12-16T08:00:00Z');
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'in_review', reason: 'A contributor was missing' });
    expect(await publishedOf(review.id)).toBeUndefined();
    t.clock.now = new Date('2026-12-17T09:30:00Z');
    await post(t, `/api/reviews/${review.id}/transitions`, { to: 'published' });
    expect(await publishedOf(review.id)).toBe('2026-12-17T09:30:00.000Z');
    // An instance of an earlier version (during an upgrade) publishes without storing when: its last change stands in.
    await t.ctx.db.updateTable('reviews').set({ published_at_ms: null, updated_at: '2026-12-17T11:00:00.000Z' }).where('id', '=', review.id).execute();
    expect(await publishedOf(review.id)).toBe('2026-12-17T11:00:00.000Z');
  });
});
