import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { Whys } from '../../shared/reviews/whys.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';

describe.each(databaseKinds)('factors on %s', (kind) => {
  const t = useTestApp(kind);
  const entry = (incidentId: number, text: string) =>
    post<TimelineEntry>(t, `/api/incidents/${incidentId}/timeline`, { occurredAt: '2026-03-10T09:10:00+01:00', kind: 'action', text });

  it('serves the default taxonomy', async () => {
    const taxonomy = await get<{ categories: Array<{ key: string }>; tags: Array<{ key: string; category: string }> }>(t, '/api/taxonomy');
    expect(taxonomy.categories.map((c) => c.key)).toEqual(['technical', 'human', 'process', 'external']);
    expect(taxonomy.tags.map((tag) => tag.key)).toEqual(expect.arrayContaining(['deploy', 'monitoring-gap', 'key-person-risk', 'cognitive-load']));
  });

  it('creates, reads, lists, edits and deletes factors of every kind, with timeline links', async () => {
    const { incident, review } = await createReview(t);
    const [first, second] = [await entry(incident.id, 'Deploy started'), await entry(incident.id, 'Pool exhausted')];
    const created = await post<Factor>(t, `/api/reviews/${review.id}/factors`, {
      kind: 'contributor',
      title: 'Connection pool sized for staging traffic',
      category: 'technical',
      tags: ['capacity', 'config'],
      timelineEntryIds: [second.id, first.id],
    });
    expect(created).toMatchObject({ reviewId: review.id, kind: 'contributor', description: null, acceptedRisk: false, version: 1 });
    expect([...created.timelineEntryIds].sort()).toEqual([first.id, second.id].sort());
    for (const factorKind of ['mitigator', 'risk', 'learning'] as const) {
      await post(t, `/api/reviews/${review.id}/factors`, { kind: factorKind, title: `A ${factorKind}` });
    }
    const list = await get<{ items: Factor[] }>(t, `/api/reviews/${review.id}/factors`);
    expect(list.items.map((f) => f.kind)).toEqual(['contributor', 'mitigator', 'risk', 'learning']);

    const edited = await patch<Factor>(t, `/api/factors/${created.id}`, { version: 1, description: 'Max 20 connections', timelineEntryIds: [first.id], acceptedRisk: true });
    expect(edited).toMatchObject({ version: 2, description: 'Max 20 connections', title: created.title, timelineEntryIds: [first.id], acceptedRisk: true });
    expect(await get(t, `/api/factors/${created.id}`)).toEqual(edited);

    const removed = await t.request({ method: 'DELETE', url: `/api/factors/${created.id}?version=2` });
    expect(removed.status).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/factors/${created.id}` })).status).toBe(404);
  });

  it('refuses a stale edit or delete with 409 and the current factor, losing nothing', async () => {
    const { review } = await createReview(t);
    const factor = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'risk', title: 'Only one person knows the billing batch' });
    await patch(t, `/api/factors/${factor.id}`, { version: 1, tags: ['key-person-risk'] });
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/factors/${factor.id}`, payload: { version: 1, title: 'Overwrite' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: factor.id, version: 2, tags: ['key-person-risk'] } });
    const staleDelete = await t.request<Problem>({ method: 'DELETE', url: `/api/factors/${factor.id}?version=1` });
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.current).toMatchObject({ version: 2 });
    expect(await get(t, `/api/factors/${factor.id}`)).toMatchObject({ title: factor.title, tags: ['key-person-risk'], version: 2 });
    const noVersion = await t.request<Problem>({ method: 'DELETE', url: `/api/factors/${factor.id}` });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors?.[0]).toMatchObject({ field: 'version', in: 'query' });
  });

  it.each([
    ['an unknown category', { kind: 'contributor', title: 'x', category: 'luck' }, 'category'],
    ['an unknown tag', { kind: 'contributor', title: 'x', tags: ['deploy', 'bad-luck'] }, 'tags.1'],
    ['an accepted risk that is not a contributor', { kind: 'mitigator', title: 'x', acceptedRisk: true }, 'acceptedRisk'],
    ['a timeline entry of another incident', { kind: 'contributor', title: 'x', timelineEntryIds: ['other'] }, 'timelineEntryIds.0'],
  ])('rejects %s, naming the field', async (_name, payload, field) => {
    const { review } = await createReview(t);
    const other = await createReview(t);
    const otherEntry = await entry(other.incident.id, 'Elsewhere');
    const body = { ...payload, ...('timelineEntryIds' in payload ? { timelineEntryIds: [otherEntry.id] } : {}) };
    const response = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/factors`, payload: body });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    expect((await get<{ items: Factor[] }>(t, `/api/reviews/${review.id}/factors`)).items).toEqual([]);
  });

  it('answers 404 for the factors of a review that does not exist', async () => {
    expect((await t.request({ method: 'GET', url: '/api/reviews/999999/factors' })).status).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/reviews/999999/factors', payload: { kind: 'risk', title: 'x' } })).status).toBe(404);
  });

  it('drops a deleted factor from the action items and chains that named it, each as a change of its own', async () => {
    const { review } = await createReview(t);
    const factor = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'No pool alert' });
    const other = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'risk', title: 'Single region' });
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on pool saturation', factorIds: [factor.id, other.id] });
    const chain = await post<Whys>(t, `/api/reviews/${review.id}/whys`, { title: 'Why', steps: [], factorIds: [factor.id] });
    expect(item.factorIds).toEqual([factor.id, other.id]);
    await t.request({ method: 'DELETE', url: `/api/factors/${factor.id}?version=1` });
    // A stale edit made against the old links is refused rather than bringing the deleted link back.
    expect(await get(t, `/api/action-items/${item.id}`)).toMatchObject({ factorIds: [other.id], version: 2 });
    expect(await get(t, `/api/whys/${chain.id}`)).toMatchObject({ factorIds: [], version: 2 });
    const audited = await t.database.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('incident_id', '=', review.incidentId).orderBy('id', 'desc').limit(3).execute();
    expect(audited.map((a) => [a.action, a.entity_id])).toEqual([
      ['factor.delete', String(factor.id)],
      ['whys.update', String(chain.id)],
      ['action_item.update', String(item.id)],
    ]);
  });
});
