import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createIncident } from '../../../test/support/factories.js';
import { named, publishReview } from '../../../test/support/reviews.js';

type IncidentReview = { policy: { required: boolean; reason: string }; review: Review | null };

describe.each(databaseKinds)('reviews on %s', (kind) => {
  const t = useTestApp(kind, testConfig({ HINDSIGHT_TIME_ZONE: 'Europe/Copenhagen', HINDSIGHT_HOLIDAYS: '2026-04-03,2026-04-06' }));
  const reviewOf = (id: number) => t.request<IncidentReview>({ method: 'GET', url: `/api/incidents/${id}/review` });
  const resolve = (id: number, resolvedAt?: string) =>
    t.request<Incident>({ method: 'POST', url: `/api/incidents/${id}/resolve`, payload: resolvedAt ? { resolvedAt } : {} });

  it('creates the review when a user-facing sev1 is resolved: owner is the commander, due in 10 working days', async () => {
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true, commander: 'Priya Natarajan' });
    expect((await reviewOf(incident.id)).body).toEqual({ policy: { required: true, reason: expect.stringMatching(/sev1/) }, review: null });

    // Resolved Thursday 26 March; Good Friday and Easter Monday are holidays; DST starts on the 29th.
    const resolved = await resolve(incident.id, '2026-03-26T16:00:00+01:00');
    expect(resolved.body.review).toMatchObject({ state: 'draft', owner: named('Priya Natarajan'), dueAt: '2026-04-13T23:59:59.999+02:00' });
    const { body } = await reviewOf(incident.id);
    expect(body.review).toMatchObject({
      incidentId: incident.id,
      owner: named('Priya Natarajan'),
      state: 'draft',
      dueAt: '2026-04-13T23:59:59.999+02:00',
      policy: { required: true, reason: body.policy.reason },
      version: 1,
    });
  });

  it('keeps dates in the years 1970 to 9999: a deadline past 9999 is its last instant, which the API accepts back', async () => {
    for (const resolvedAt of ['10000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00', '1969-12-31T23:59:59Z']) {
      const refused = await t.request<Problem>({ method: 'POST', url: '/api/incidents', payload: { title: 'Out of range', severity: 'sev1', status: 'resolved', resolvedAt } });
      expect([refused.status, refused.body.errors?.map((e) => e.field)], resolvedAt).toEqual([400, ['resolvedAt']]);
    }
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true });
    const review = (await resolve(incident.id, '9999-12-31T12:00:00Z')).body.review!;
    expect(review.dueAt).toBe('9999-12-31T23:59:59.999Z');
    const full = (await reviewOf(incident.id)).body.review!;
    const patched = await t.request<Review>({ method: 'PATCH', url: `/api/reviews/${full.id}`, payload: { version: full.version, dueAt: full.dueAt } });
    expect(patched.status).toBe(200);
  });

  it('explains why no review is required, and creates one when the label arrives after resolution', async () => {
    const incident = await createIncident(t, { severity: 'sev3', userFacing: true });
    await resolve(incident.id);
    const before = await reviewOf(incident.id);
    expect(before.body.review).toBeNull();
    expect(before.body.policy).toEqual({ required: false, reason: expect.stringMatching(/sev3/) });

    await t.request({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'review-requested' } });
    const after = await reviewOf(incident.id);
    expect(after.body.policy).toEqual({ required: true, reason: expect.stringMatching(/review-requested/) });
    expect(after.body.review).toMatchObject({ state: 'draft', policy: { required: true } });
  });

  it('does not create a review while the incident is still active', async () => {
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true, labels: ['review-requested'] });
    expect((await reviewOf(incident.id)).body.review).toBeNull();
  });

  it('creates the review exactly once when the resolve event and the label arrive together', async () => {
    const incidents = await Promise.all(Array.from({ length: 12 }, () => createIncident(t, { severity: 'sev3' })));
    await Promise.all(
      incidents.flatMap((incident) => [
        resolve(incident.id),
        t.request({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'review-requested' } }),
        t.request({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'Review-Requested' } }),
      ]),
    );
    for (const incident of incidents) {
      const rows = await t.database.handle.db.selectFrom('reviews').select('id').where('incident_id', '=', incident.id).execute();
      expect(rows).toHaveLength(1);
      const read = await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incident.id}` });
      expect(read.body).toMatchObject({ status: 'resolved', review: { id: rows[0]!.id } });
      expect(read.body.labels.map((label) => label.toLowerCase())).toEqual(['review-requested']);
    }
  });

  it('lets anyone request a review by hand, once', async () => {
    const incident = await createIncident(t, { severity: 'sev4', commander: 'Sara Lind' });
    const first = await t.request<Review>({ method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: { requestedBy: 'Bob' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ owner: named('Sara Lind'), requestedBy: named('Bob'), policy: { required: true, reason: 'Requested by Bob' } });
    const second = await t.request<Review>({ method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: {} });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
  });

  it('lists overdue reviews once their due date has passed, and not once published', async () => {
    const incident = await createIncident(t, { severity: 'sev2', userFacing: true });
    const { body } = await resolve(incident.id, '2026-01-05T12:00:00Z');
    const reviewId = body.review!.id;
    const overdueIds = async () =>
      (await t.request<{ items: Review[] }>({ method: 'GET', url: '/api/reviews/overdue' })).body.items.map((r) => r.id);
    const overdueCount = async () => (await t.request<{ count: number }>({ method: 'GET', url: '/api/reviews/overdue/count' })).body.count;

    t.clock.now = new Date('2026-01-19T22:00:00Z'); // due 2026-01-19 23:59:59.999 Copenhagen (22:59:59.999Z)
    expect(await overdueIds()).not.toContain(reviewId);
    const countBefore = await overdueCount();
    t.clock.now = new Date('2026-01-19T23:00:00Z');
    expect(await overdueIds()).toContain(reviewId);
    expect(await overdueCount()).toBe(countBefore + 1);
    const listed = await t.request<{ items: Review[] }>({ method: 'GET', url: '/api/reviews?overdue=true' });
    expect(listed.body.items.find((r) => r.id === reviewId)).toMatchObject({ overdue: true });

    const published = await publishReview(t, reviewId);
    expect(published).toMatchObject({ state: 'published', overdue: false });
    expect(await overdueIds()).not.toContain(reviewId);
    t.clock.now = new Date();
  });

  it('filters reviews by state and owner', async () => {
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true, commander: 'Unique Owner' });
    await resolve(incident.id);
    const response = await t.request<{ items: Review[] }>({ method: 'GET', url: '/api/reviews?owner=Unique%20Owner&state=draft' });
    expect(response.body.items).toHaveLength(1);
    const none = await t.request<{ items: Review[] }>({ method: 'GET', url: '/api/reviews?owner=Unique%20Owner&state=published' });
    expect(none.body.items).toHaveLength(0);
  });

  it('refuses a stale review update with 409 and the current review', async () => {
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true });
    const reviewId = (await resolve(incident.id)).body.review!.id;
    const ok = await t.request<Review>({ method: 'PATCH', url: `/api/reviews/${reviewId}`, payload: { version: 1, owner: 'Ana' } });
    expect(ok.status).toBe(200);
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/reviews/${reviewId}`, payload: { version: 1, owner: 'Ben' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ owner: named('Ana'), version: 2 });
    expect((await t.request<Review>({ method: 'GET', url: `/api/reviews/${reviewId}` })).body.owner).toEqual(named('Ana'));
  });

  it('changes the state only through the workflow, and says so to a PATCH that tries', async () => {
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true });
    const reviewId = (await resolve(incident.id)).body.review!.id;
    const refused = await t.request<Problem>({ method: 'PATCH', url: `/api/reviews/${reviewId}`, payload: { version: 1, state: 'published' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'state', in: 'body', message: expect.stringContaining('POST /api/reviews/{id}/transitions') }]);
    expect((await t.request<Review>({ method: 'GET', url: `/api/reviews/${reviewId}` })).body).toMatchObject({ state: 'draft', version: 1 });
  });
});
