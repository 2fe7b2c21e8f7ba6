import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, post, publishReview } from '../../../test/support/reviews.js';
import { titleWords } from './earlier-factors.js';

type Suggestions = { items: Array<{ factorId: number; reason: string }> };

async function factorOn(t: TestApp, impactStartedAt: string, factor: object, restricted = false) {
  const { incident, review } = await createReview(t, { impactStartedAt, restricted });
  const created = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', ...factor });
  return { incident, review, factor: created };
}

describe.each(databaseKinds)('factor links on %s', (kind) => {
  const t = useTestApp(kind);
  const link = (from: number, toFactorId: number, role: 'admin' | 'responder' = 'admin') =>
    t.requestAs<Factor & Problem>(role, { method: 'POST', url: `/api/factors/${from}/links`, payload: { toFactorId } });

  it('links a factor to an earlier incident\'s factor, says it recurs from both sides, and unlinks', async () => {
    const earlier = await factorOn(t, '2026-01-05T10:00:00Z', { title: 'Missing index after migration', category: 'technical', tags: ['deploy'] });
    const later = await factorOn(t, '2026-02-05T10:00:00Z', { title: 'Slow query after migration', category: 'technical' });
    const created = await link(later.factor.id, earlier.factor.id);
    expect(created.status).toBe(201);
    expect(created.body.linkedFactors).toEqual([
      { factorId: earlier.factor.id, incidentId: earlier.incident.id, reviewId: earlier.review.id, title: 'Missing index after migration', category: 'technical' },
    ]);
    expect(created.body.recurs).toEqual({ incidents: [earlier.incident.id] });
    expect(created.body.version).toBe(later.factor.version);
    expect(await get<Factor>(t, `/api/factors/${earlier.factor.id}`)).toMatchObject({ linkedFactors: [], recurs: { incidents: [later.incident.id] } });
    const listed = await get<{ items: Factor[] }>(t, `/api/reviews/${later.review.id}/factors`);
    expect(listed.items[0]?.recurs).toEqual({ incidents: [earlier.incident.id] });
    expect((await link(later.factor.id, earlier.factor.id)).status).toBe(201);
    const audited = await t.database.handle.db.selectFrom('audit_log').select('action').where('incident_id', '=', later.incident.id).where('action', 'like', 'factor.%link').execute();
    expect(audited.map((a) => a.action)).toEqual(['factor.link']);

    const removed = await t.request({ method: 'DELETE', url: `/api/factors/${later.factor.id}/links/${earlier.factor.id}` });
    expect(removed.status).toBe(204);
    expect(await get<Factor>(t, `/api/factors/${later.factor.id}`)).toMatchObject({ linkedFactors: [], recurs: { incidents: [] } });
    expect(await get<Factor>(t, `/api/factors/${earlier.factor.id}`)).toMatchObject({ recurs: { incidents: [] } });
  });

  it('refuses a link from a published review with 409', async () => {
    const earlier = await factorOn(t, '2026-01-06T10:00:00Z', { title: 'Pool exhausted' });
    const later = await factorOn(t, '2026-02-06T10:00:00Z', { title: 'Pool exhausted again' });
    await publishReview(t, later.review.id);
    expect((await link(later.factor.id, earlier.factor.id)).status).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/factors/${later.factor.id}/links/${earlier.factor.id}` })).status).toBe(409);
  });

  it('refuses a restricted target the caller may not see with 404 and hides links to it', async () => {
    const secret = await factorOn(t, '2026-01-07T10:00:00Z', { title: 'Vault token expired', category: 'technical' }, true);
    const later = await factorOn(t, '2026-02-07T10:00:00Z', { title: 'Vault token expired again', category: 'technical' });
    const refused = await link(later.factor.id, secret.factor.id, 'responder');
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Vault token expired"');
    expect((await link(later.factor.id, secret.factor.id, 'admin')).status).toBe(201);
    const seen = await t.requestAs<Factor>('responder', { method: 'GET', url: `/api/factors/${later.factor.id}` });
    expect(seen.body).toMatchObject({ linkedFactors: [], recurs: { incidents: [] } });
    const suggested = await t.requestAs<Suggestions>('responder', { method: 'GET', url: `/api/factors/${later.factor.id}/link-suggestions` });
    expect(suggested.body.items.map((s) => s.factorId)).not.toContain(secret.factor.id);
  });

  it.each([
    ['a factor of the same review', 'same'],
    ['a factor of a later incident', 'later'],
  ])('refuses %s with 400 naming toFactorId', async (_name, which) => {
    const source = await factorOn(t, '2026-03-01T10:00:00Z', { title: 'Cache stampede' });
    const sibling = await post<Factor>(t, `/api/reviews/${source.review.id}/factors`, { kind: 'risk', title: 'Cold cache' });
    const later = await factorOn(t, '2026-04-01T10:00:00Z', { title: 'Cache stampede again' });
    const response = await link(source.factor.id, which === 'same' ? sibling.id : later.factor.id);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual(['toFactorId']);
    expect((await link(source.factor.id, 999_999)).status).toBe(404);
  });

  it('suggests earlier factors by category, tag or title words, never later or already linked ones', async () => {
    const byCategory = await factorOn(t, '2026-05-01T10:00:00Z', { title: 'Operator fatigue', category: 'human' });
    const byTag = await factorOn(t, '2026-05-02T10:00:00Z', { title: 'Unreviewed rollout', category: 'process', tags: ['deploy'] });
    const byTitle = await factorOn(t, '2026-05-03T10:00:00Z', { title: 'Certificate renewal forgotten' });
    const source = await factorOn(t, '2026-06-01T10:00:00Z', { title: 'Certificate expired during night', category: 'human', tags: ['deploy'] });
    await factorOn(t, '2026-07-01T10:00:00Z', { title: 'Certificate again', category: 'human' });
    const suggestions = await get<Suggestions>(t, `/api/factors/${source.factor.id}/link-suggestions`);
    const reasons = new Map(suggestions.items.map((s) => [s.factorId, s.reason]));
    expect(reasons.get(byCategory.factor.id)).toBe('category');
    expect(reasons.get(byTag.factor.id)).toBe('tag');
    expect(reasons.get(byTitle.factor.id)).toBe('title');
    expect(suggestions.items.every((s) => s.factorId < source.factor.id)).toBe(true);
    await link(source.factor.id, byTitle.factor.id);
    const after = await get<Suggestions>(t, `/api/factors/${source.factor.id}/link-suggestions`);
    expect(after.items.map((s) => s.factorId)).not.toContain(byTitle.factor.id);
  });
});

describe('titleWords', () => {
  it.each([
    ['Missing index after migration', ['migration', 'missing', 'index', 'after']],
    ['DB is up', []],
    ['Réplica lag, réplica lag', ['réplica']],
  ])('%j → %j', (title, words) => expect(titleWords(title)).toEqual(words));
});
