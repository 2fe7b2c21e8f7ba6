import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/shared/incidents/incident.schema.js';
import { useTestApp } from '../support/app.js';
import { databaseKinds } from '../support/databases.js';
import { createIncident } from '../support/factories.js';
import { createReview, patch, post } from '../support/reviews.js';

type Page = { items: Array<{ id: number }> };

describe.each(databaseKinds)('incremental sync with updatedSince on %s', (kind) => {
  const t = useTestApp(kind);
  const ids = async (url: string) => (await t.request<Page>({ method: 'GET', url })).body.items.map((item) => item.id).sort((a, b) => a - b);

  it('lists only the incidents, reviews and action items changed at or after the instant', async () => {
    t.clock.now = new Date('2026-11-02T09:00:00Z');
    const old = await createIncident(t);
    const { review: oldReview } = await createReview(t);
    const oldItem = await post<{ id: number; version: number }>(t, `/api/reviews/${oldReview.id}/action-items`, { title: 'Alert on replica lag above 30 s' });

    t.clock.now = new Date('2026-11-03T09:00:00Z');
    const since = encodeURIComponent('2026-11-03T10:00:00+01:00'); // the same instant in another zone
    const fresh = await createIncident(t);
    const { incident: freshReviewIncident, review: freshReview } = await createReview(t);
    expect(await ids(`/api/incidents?updatedSince=${since}`)).toEqual([fresh.id, freshReviewIncident.id].sort((a, b) => a - b));
    expect(await ids(`/api/reviews?updatedSince=${since}`)).toEqual([freshReview.id]);
    expect(await ids(`/api/action-items?updatedSince=${since}`)).toEqual([]);

    // A change to an old record brings it into the next sync.
    await patch<Incident>(t, `/api/incidents/${old.id}`, { version: old.version, title: 'Renamed later' });
    await patch(t, `/api/action-items/${oldItem.id}`, { version: oldItem.version, status: 'in_progress' });
    expect(await ids(`/api/incidents?updatedSince=${since}`)).toContain(old.id);
    expect(await ids(`/api/action-items?updatedSince=${since}`)).toEqual([oldItem.id]);
  });

  it('refuses an instant that is not ISO 8601 with an offset, naming the parameter', async () => {
    const refused = await t.request<{ errors: Array<{ field: string }> }>({ method: 'GET', url: '/api/incidents?updatedSince=yesterday' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]!.field).toBe('updatedSince');
  });
});
