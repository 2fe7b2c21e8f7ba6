import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { Whys } from '../../shared/reviews/whys.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, post, publishReview } from '../../../test/support/reviews.js';

type Suggestions = { items: Array<{ factorId: number; reason: string }> };

async function factorOn(t: TestApp, impactStartedAt: string, factor: object, restricted = false) {
  const { incident, review } = await createReview(t, { impactStartedAt, restricted });
  const created = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', ...factor });
  return { incident, review, factor: created };
}

async function chainOn(t: TestApp, impactStartedAt: string, systemicCause: string) {
  const { incident, review } = await createReview(t, { impactStartedAt });
  const whys = await post<Whys>(t, `/api/reviews/${review.id}/whys`, { title: 'Checkout failed', steps: [{ why: 'Why?', because: 'Because.' }], systemicCause });
  return { incident, review, whys };
}

describe.each(databaseKinds)('five-whys links on %s', (kind) => {
  const t = useTestApp(kind);
  const link = (whysId: number, toFactorId: unknown, role: 'admin' | 'responder' = 'admin') =>
    t.requestAs<Whys & Problem>(role, { method: 'POST', url: `/api/whys/${whysId}/links`, payload: { toFactorId } });

  it("links a chain's conclusion to an earlier incident's factor, which then recurs, and unlinks", async () => {
    const earlier = await factorOn(t, '2026-01-05T10:00:00Z', { title: 'Config changes are not load-tested', category: 'process' });
    const later = await chainOn(t, '2026-02-05T10:00:00Z', 'Config changes skip load tests');
    const created = await link(later.whys.id, earlier.factor.id);
    expect(created.status).toBe(201);
    expect(created.body.linkedFactors).toEqual([
      { factorId: earlier.factor.id, incidentId: earlier.incident.id, reviewId: earlier.review.id, title: 'Config changes are not load-tested', category: 'process' },
    ]);
    expect(created.body.version).toBe(later.whys.version);
    const listed = await get<{ items: Whys[] }>(t, `/api/reviews/${later.review.id}/whys`);
    expect(listed.items[0]?.linkedFactors?.map((f) => f.factorId)).toEqual([earlier.factor.id]);
    expect(await get<Factor>(t, `/api/factors/${earlier.factor.id}`)).toMatchObject({ recurs: { incidents: [later.incident.id] } });
    expect((await link(later.whys.id, earlier.factor.id)).status).toBe(201);
    const audited = await t.database.handle.db.selectFrom('audit_log').select('action').where('incident_id', '=', later.incident.id).where('action', 'like', 'whys.%link').execute();
    expect(audited.map((a) => a.action)).toEqual(['whys.link']);

    const removed = await t.request({ method: 'DELETE', url: `/api/whys/${later.whys.id}/links/${earlier.factor.id}` });
    expect(removed.status).toBe(204);
    expect(await get<Whys>(t, `/api/whys/${later.whys.id}`)).toMatchObject({ linkedFactors: [] });
    expect(await get<Factor>(t, `/api/factors/${earlier.factor.id}`)).toMatchObject({ recurs: { incidents: [] } });
    const actions = await t.database.handle.db.selectFrom('audit_log').select('action').where('incident_id', '=', later.incident.id).where('action', 'like', 'whys.%link').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['whys.link', 'whys.unlink']);
  });

  it('drops the link when the earlier factor is deleted', async () => {
    const earlier = await factorOn(t, '2026-01-06T10:00:00Z', { title: 'No alert on queue depth' });
    const later = await chainOn(t, '2026-02-06T10:00:00Z', 'Queue depth is not alerted on');
    expect((await link(later.whys.id, earlier.factor.id)).status).toBe(201);
    const deleted = await t.request({ method: 'DELETE', url: `/api/factors/${earlier.factor.id}?version=${earlier.factor.version}` });
    expect(deleted.status).toBe(204);
    expect(await get<Whys>(t, `/api/whys/${later.whys.id}`)).toMatchObject({ linkedFactors: [] });
    const rows = await t.database.handle.db.selectFrom('why_links').selectAll().where('whys_id', '=', later.whys.id).execute();
    expect(rows).toEqual([]);
  });

  it('refuses a link from a published review with 409', async () => {
    const earlier = await factorOn(t, '2026-01-07T10:00:00Z', { title: 'Pool exhausted' });
    const later = await chainOn(t, '2026-02-07T10:00:00Z', 'Pool size is not reviewed');
    await publishReview(t, later.review.id);
    expect((await link(later.whys.id, earlier.factor.id)).status).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/whys/${later.whys.id}/links/${earlier.factor.id}` })).status).toBe(409);
  });

  it('refuses a restricted target the caller may not see with 404 and hides links to it from non-members', async () => {
    const secret = await factorOn(t, '2026-01-08T10:00:00Z', { title: 'Vault token expired', category: 'technical' }, true);
    const later = await chainOn(t, '2026-02-08T10:00:00Z', 'Vault tokens expire silently');
    const refused = await link(later.whys.id, secret.factor.id, 'responder');
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Vault token expired');
    expect((await link(later.whys.id, secret.factor.id, 'admin')).status).toBe(201);
    const seen = await t.requestAs<Whys>('responder', { method: 'GET', url: `/api/whys/${later.whys.id}` });
    expect(seen.body.linkedFactors).toEqual([]);
    const listed = await t.requestAs<{ items: Whys[] }>('responder', { method: 'GET', url: `/api/reviews/${later.review.id}/whys` });
    expect(JSON.stringify(listed.body)).not.toContain('Vault token expired');
    const suggested = await t.requestAs<Suggestions>('responder', { method: 'GET', url: `/api/whys/${later.whys.id}/link-suggestions` });
    expect(suggested.body.items.map((s) => s.factorId)).not.toContain(secret.factor.id);
    const admin = await get<Whys>(t, `/api/whys/${later.whys.id}`);
    expect(admin.linkedFactors?.map((f) => f.factorId)).toEqual([secret.factor.id]);
  });

  it.each([
    ['a factor of the same review', 'same', 'toFactorId'],
    ['a factor of a later incident', 'later', 'toFactorId'],
    ['a string id', 'string', 'toFactorId'],
  ])('refuses %s with 400 naming the field', async (_name, which, field) => {
    const source = await chainOn(t, '2026-03-01T10:00:00Z', 'Cache stampede protection missing');
    const sibling = await post<Factor>(t, `/api/reviews/${source.review.id}/factors`, { kind: 'risk', title: 'Cold cache' });
    const later = await factorOn(t, '2026-04-01T10:00:00Z', { title: 'Cache stampede again' });
    const target = which === 'same' ? sibling.id : which === 'later' ? later.factor.id : 'seven';
    const response = await link(source.whys.id, target);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    expect((await link(source.whys.id, 999_999)).status).toBe(404);
  });

  it("suggests earlier factors by the conclusion's words or its factors' category, never later or already linked ones", async () => {
    const byTitle = await factorOn(t, '2026-05-03T10:00:00Z', { title: 'Certificate renewal forgotten' });
    const byCategory = await factorOn(t, '2026-05-04T10:00:00Z', { title: 'Operator fatigue', category: 'human' });
    const source = await chainOn(t, '2026-06-01T10:00:00Z', 'Certificate renewal is manual');
    await post<Factor>(t, `/api/reviews/${source.review.id}/factors`, { kind: 'contributor', title: 'Night shift', category: 'human' }).then((own) =>
      t.request({ method: 'PATCH', url: `/api/whys/${source.whys.id}`, payload: { version: source.whys.version, factorIds: [own.id] } }),
    );
    const laterOne = await factorOn(t, '2026-07-01T10:00:00Z', { title: 'Certificate again', category: 'human' });
    const suggestions = await get<Suggestions>(t, `/api/whys/${source.whys.id}/link-suggestions`);
    const reasons = new Map(suggestions.items.map((s) => [s.factorId, s.reason]));
    expect(reasons.get(byTitle.factor.id)).toBe('title');
    expect(reasons.get(byCategory.factor.id)).toBe('category');
    expect(reasons.has(laterOne.factor.id)).toBe(false);
    await link(source.whys.id, byTitle.factor.id);
    const after = await get<Suggestions>(t, `/api/whys/${source.whys.id}/link-suggestions`);
    expect(after.items.map((s) => s.factorId)).not.toContain(byTitle.factor.id);
  });
});
