import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createReview, get, named, patch, post } from '../../../test/support/reviews.js';

type Page = { items: ActionItem[]; nextCursor: string | null };

describe.each(databaseKinds)('action items on %s', (kind) => {
  // Auckland is 13 hours ahead in March: its "today" starts while it is still yesterday in UTC.
  const t = useTestApp(kind, testConfig({ HINDSIGHT_TIME_ZONE: 'Pacific/Auckland' }));

  it('creates, reads, edits and deletes an action item with every field', async () => {
    const { incident, review } = await createReview(t, { title: 'Card payments declined' });
    const factor = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'No alert on pool saturation' });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, {
      title: 'Alert when the payment pool is above 80% for 2 minutes',
      description: 'Page the payments on-call.',
      owner: 'Sara Lind',
      dueDate: '2026-04-01',
      priority: 'p2',
      class: 'detect',
      kind: 'corrective-action',
      factorIds: [factor.id],
      secondOrderEffects: 'More pages at night; tune the threshold after a week.',
      externalUrl: 'https://tracker.example.com/PAY-42',
    });
    expect(created).toMatchObject({
      reviewId: review.id,
      incidentId: incident.id,
      incidentTitle: 'Card payments declined',
      status: 'soaking', // proposed during the review: it soaks first (action-item-soak.test.ts)
      declineReason: null,
      factorIds: [factor.id],
      priority: 'p2',
      class: 'detect',
      version: 1,
    });
    const edited = await patch<ActionItem>(t, `/api/action-items/${created.id}`, { version: 1, status: 'in_progress', priority: 'high' });
    expect(edited).toMatchObject({ status: 'in_progress', priority: 'high', owner: named('Sara Lind'), version: 2 });
    expect(await get<{ items: ActionItem[] }>(t, `/api/reviews/${review.id}/action-items`)).toEqual({ items: [edited] });
    expect((await t.request({ method: 'DELETE', url: `/api/action-items/${created.id}?version=2` })).status).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/action-items/${created.id}` })).status).toBe(404);
  });

  it('requires a reason to decline, on creation and on a status change', async () => {
    const { review } = await createReview(t);
    const refused = await t.request<Problem>({ method: 'POST', url: `/api/reviews/${review.id}/action-items`, payload: { title: 'Rewrite billing', status: 'declined' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'declineReason', in: 'body', message: expect.stringMatching(/required/) }]);

    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Rewrite billing' });
    const blank = await t.request<Problem>({ method: 'PATCH', url: `/api/action-items/${item.id}`, payload: { version: 1, status: 'declined', declineReason: '  ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.errors?.map((e) => e.field)).toEqual(['declineReason']);
    expect(await get(t, `/api/action-items/${item.id}`)).toMatchObject({ status: 'soaking', version: 1 });

    const declined = await patch<ActionItem>(t, `/api/action-items/${item.id}`, { version: 1, status: 'declined', declineReason: 'Too costly for the risk; accepted.' });
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Too costly for the risk; accepted.' });
  });

  it('refuses a stale edit or delete with 409 and the current item, losing nothing', async () => {
    const { review } = await createReview(t);
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Add a runbook link to the alert' });
    await patch(t, `/api/action-items/${item.id}`, { version: 1, owner: 'Ana' });
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/action-items/${item.id}`, payload: { version: 1, owner: 'Ben' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: item.id, owner: named('Ana'), version: 2 } });
    expect((await t.request<Problem>({ method: 'DELETE', url: `/api/action-items/${item.id}?version=1` })).status).toBe(409);
    expect(await get(t, `/api/action-items/${item.id}`)).toMatchObject({ owner: named('Ana'), version: 2 });
  });

  it('rejects a bad due date, priority and link, naming each field', async () => {
    const { review } = await createReview(t);
    const response = await t.request<Problem>({
      method: 'POST',
      url: `/api/reviews/${review.id}/action-items`,
      payload: { title: 'x', dueDate: '1 April', priority: 'urgent', externalUrl: 'javascript:alert(1)' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['dueDate', 'externalUrl', 'priority']);
  });

  it('lists items across reviews by owner, status and overdue (in the configured time zone), overdue first, then by due date, undated last, with their incident', async () => {
    const a = await createReview(t, { title: 'Search timeouts' });
    const b = await createReview(t, { title: 'Login loop' });
    const owner = 'Cross Review Owner';
    const add = (reviewId: number, title: string, dueDate: string | null, status = 'accepted') =>
      post<ActionItem>(t, `/api/reviews/${reviewId}/action-items`, { title, owner, dueDate, status, ...(status === 'declined' ? { declineReason: 'n/a' } : {}) });
    const dueYesterday = await add(a.review.id, 'Due 9 March', '2026-03-09');
    const dueToday = await add(b.review.id, 'Due 10 March', '2026-03-10');
    const done = await add(b.review.id, 'Done late', '2026-03-01', 'done');
    const undated = await add(a.review.id, 'No due date', null, 'proposed');
    await add(a.review.id, 'Declined', '2026-03-01', 'declined');

    const list = async (query: string) => (await get<Page>(t, `/api/action-items?owner=${encodeURIComponent(owner)}&${query}`)).items;
    t.clock.now = new Date('2026-03-09T10:00:00Z'); // 23:00 on 9 March in Auckland
    expect((await list('overdue=true')).map((i) => i.title)).toEqual([]);
    t.clock.now = new Date('2026-03-09T11:00:00Z'); // 00:00 on 10 March in Auckland: the 9th has passed
    const overdue = await list('overdue=true');
    expect(overdue.map((i) => i.id)).toEqual([dueYesterday.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, reviewId: a.review.id, incidentId: a.incident.id, incidentTitle: 'Search timeouts' });
    expect((await list('overdue=false')).map((i) => i.title).sort()).toEqual(['Declined', 'Done late', 'Due 10 March', 'No due date']);
    expect((await list('status=done,soaking')).map((i) => i.id)).toEqual([done.id, undated.id]);
    // Overdue first, then by due date (closed items too), undated last.
    expect((await list('')).map((i) => i.title)).toEqual(['Due 9 March', 'Done late', 'Declined', 'Due 10 March', 'No due date']);
    expect((await list('status=accepted')).find((i) => i.id === dueToday.id)).toMatchObject({ overdue: false, incidentTitle: 'Login loop' });
    t.clock.now = new Date();

    const first = await get<Page>(t, `/api/action-items?owner=${encodeURIComponent(owner)}&limit=3`);
    const second = await get<Page>(t, `/api/action-items?owner=${encodeURIComponent(owner)}&limit=3&cursor=${first.nextCursor}`);
    expect(first.items).toHaveLength(3);
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((i) => i.title)).toEqual(['Due 9 March', 'Due 10 March', 'Done late', 'Declined', 'No due date']);
  });
});
