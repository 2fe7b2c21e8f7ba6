import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { Whys } from '../../shared/reviews/whys.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';

describe.each(databaseKinds)('five whys on %s', (kind) => {
  const t = useTestApp(kind);
  const steps = [
    { why: 'Why did checkout fail?', because: 'The cache cluster was evicting hot keys.' },
    { why: 'Why was it evicting?', because: 'Its memory limit was halved by a config change.' },
  ];

  it('keeps several ordered chains per review, each with ordered steps and factor links', async () => {
    const { review } = await createReview(t);
    const factor = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Config change halved the memory limit' });
    const first = await post<Whys>(t, `/api/reviews/${review.id}/whys`, {
      title: 'Checkout failed',
      steps,
      systemicCause: 'Config changes are not load-tested',
      factorIds: [factor.id],
    });
    expect(first).toMatchObject({ position: 0, steps, systemicCause: 'Config changes are not load-tested', factorIds: [factor.id], version: 1 });
    const second = await post<Whys>(t, `/api/reviews/${review.id}/whys`, { title: 'Detection took 20 minutes' });
    expect(second).toMatchObject({ position: 1, steps: [], systemicCause: null, factorIds: [] });

    const reordered = await patch<Whys>(t, `/api/whys/${second.id}`, { version: 1, position: 0 });
    await patch(t, `/api/whys/${first.id}`, { version: 1, position: 1, steps: [...steps].reverse() });
    const list = await get<{ items: Whys[] }>(t, `/api/reviews/${review.id}/whys`);
    expect(list.items.map((w) => w.id)).toEqual([second.id, first.id]);
    expect(list.items[1]!.steps).toEqual([...steps].reverse());
    expect(reordered.version).toBe(2);

    expect((await t.request({ method: 'DELETE', url: `/api/whys/${second.id}?version=2` })).status).toBe(204);
    expect((await get<{ items: Whys[] }>(t, `/api/reviews/${review.id}/whys`)).items.map((w) => w.id)).toEqual([first.id]);
  });

  it('refuses a stale edit with 409 and the current chain, losing nothing', async () => {
    const { review } = await createReview(t);
    const chain = await post<Whys>(t, `/api/reviews/${review.id}/whys`, { title: 'Checkout failed', steps });
    await patch(t, `/api/whys/${chain.id}`, { version: 1, systemicCause: 'No load test for config' });
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/whys/${chain.id}`, payload: { version: 1, steps: [] } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, steps, systemicCause: 'No load test for config' });
    expect(await get(t, `/api/whys/${chain.id}`)).toMatchObject({ version: 2, steps });
    expect((await t.request({ method: 'DELETE', url: `/api/whys/${chain.id}?version=1` })).status).toBe(409);
  });

  it("refuses links to another review's factor, naming the field", async () => {
    const { review } = await createReview(t);
    const other = await createReview(t);
    const foreign = await post<Factor>(t, `/api/reviews/${other.review.id}/factors`, { kind: 'risk', title: 'Elsewhere' });
    const response = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/whys`, payload: { title: 'x', factorIds: [foreign.id] } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual(['factorIds.0']);
    const step = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/whys`, payload: { title: 'x', steps: [{ why: '', because: 'y' }] } });
    expect(step.body.errors?.map((e) => e.field)).toEqual(['steps.0.why']);
  });
});
