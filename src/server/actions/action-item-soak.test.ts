import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createReview, get, post, publishReview } from '../../../test/support/reviews.js';
import { endDueSoaks } from './action-item-soak.js';

const soakEvents = async (t: TestApp, itemId: number) =>
  (await t.database.handle.db.selectFrom('events').select(['type', 'data']).where('type', '=', 'actionItem.soakEnded').execute())
    .map((row) => JSON.parse(row.data) as { actionItemId: number; ownerUserId: number | null; incidentId: number; reviewId: number })
    .filter((event) => event.actionItemId === itemId);

const decide = (t: TestApp, id: number, verb: 'accept' | 'decline', payload: object) =>
  t.request<ActionItem & Omit<Problem, 'status'>>({ method: 'POST', url: `/api/action-items/${id}/${verb}`, payload });

/** An item proposed during a draft review on Monday 30 November 2026, 11:00 in Copenhagen. */
async function proposed(t: TestApp, extra: object = {}) {
  t.clock.now = new Date('2026-11-30T10:00:00Z');
  const { incident, review } = await createReview(t);
  const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on pool saturation', ...extra });
  return { incident, review, item };
}

/** After the soak: Wednesday 9 December, 00:30 in Copenhagen. */
const afterSoak = new Date('2026-12-08T23:30:00Z');

describe.each(databaseKinds)('soak time (F12) on %s', (kind) => {
  // Five working days, 7 December a holiday: Tuesday 1 to Tuesday 8 December.
  const t = useTestApp(kind, testConfig({ HINDSIGHT_TIME_ZONE: 'Europe/Copenhagen', HINDSIGHT_HOLIDAYS: '2026-12-07', HINDSIGHT_SOAK_WORKING_DAYS: '5' }));

  it('soaks an item proposed during a review for five working days, then the sweep asks its owner to decide, once', async () => {
    await t.authHeaders('admin'); // the harness admin's account, made on first use
    const owner = await t.database.handle.db.selectFrom('users').select('id').where('email', '=', 'harness-admin@example.com').executeTakeFirstOrThrow();
    const { incident, review, item } = await proposed(t, { owner: { userId: owner.id } });
    expect(item).toMatchObject({ status: 'soaking', soakUntil: '2026-12-08', soakEndedAt: null, decidedAt: null });

    const early = await decide(t, item.id, 'accept', { secondOrderEffects: 'None foreseen' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('soaks until the end of 2026-12-08');

    t.clock.now = new Date('2026-12-08T22:00:00Z'); // 23:00 on the last soaking day
    expect(await endDueSoaks(t.ctx)).toBe(0);
    expect(await soakEvents(t, item.id)).toEqual([]);

    t.clock.now = afterSoak;
    expect(await endDueSoaks(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await endDueSoaks(t.ctx)).toBe(0);
    expect(await soakEvents(t, item.id)).toEqual([{ type: 'actionItem.soakEnded', incidentId: incident.id, reviewId: review.id, actionItemId: item.id, ownerUserId: owner.id }]);
    const ended = await get<ActionItem>(t, `/api/action-items/${item.id}`);
    expect(ended).toMatchObject({ status: 'proposed', soakUntil: '2026-12-08', soakEndedAt: afterSoak.toISOString(), version: item.version + 1 });
    const audited = await t.database.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(item.id)).where('action', '=', 'action_item.soak_end').execute();
    expect(audited).toHaveLength(1);
  });

  it('ends each soak exactly once when two sweeps run at the same time', async () => {
    const items = await Promise.all([1, 2, 3].map(() => proposed(t).then((p) => p.item)));
    t.clock.now = afterSoak;
    const counts = await Promise.all([endDueSoaks(t.ctx), endDueSoaks(t.ctx)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    for (const item of items) expect(await soakEvents(t, item.id)).toHaveLength(1);
  });

  it('accepts with the second-order effects, once, and refuses an acceptance that does not say them', async () => {
    const { item } = await proposed(t);
    t.clock.now = afterSoak;
    await endDueSoaks(t.ctx);
    for (const payload of [{}, { secondOrderEffects: '   ' }]) {
      const refused = await decide(t, item.id, 'accept', payload);
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors?.map((e) => e.field)).toEqual(['secondOrderEffects']);
    }
    const stale = await decide(t, item.id, 'accept', { secondOrderEffects: 'None foreseen', version: item.version });
    expect(stale.status).toBe(409);
    const accepted = await decide(t, item.id, 'accept', { secondOrderEffects: 'More pages at night for the on-call', version: item.version + 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', secondOrderEffects: 'More pages at night for the on-call', decidedAt: afterSoak.toISOString() });
    expect((await decide(t, item.id, 'decline', { reason: 'Changed my mind' })).status).toBe(409);
  });

  it('declines with a reason and refuses a decline without one', async () => {
    const { item } = await proposed(t);
    t.clock.now = afterSoak;
    await endDueSoaks(t.ctx);
    for (const payload of [{}, { reason: '' }, { reason: '  ' }]) {
      const refused = await decide(t, item.id, 'decline', payload);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toEqual(['reason']);
    }
    expect((await get<ActionItem>(t, `/api/action-items/${item.id}`)).status).toBe('proposed');
    const declined = await decide(t, item.id, 'decline', { reason: 'The new dashboard covers it' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'The new dashboard covers it', decidedAt: afterSoak.toISOString() });
  });

  it('lets the decision be made after the review is published', async () => {
    const { review, item } = await proposed(t);
    await publishReview(t, review.id);
    t.clock.now = afterSoak;
    await endDueSoaks(t.ctx);
    const accepted = await decide(t, item.id, 'accept', { secondOrderEffects: 'None foreseen' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
  });

  it('does not soak an item created with another status', async () => {
    const { item } = await proposed(t, { status: 'accepted' });
    expect(item).toMatchObject({ status: 'accepted', soakUntil: null });
  });
});

describe.each(databaseKinds)('soak time turned off on %s', (kind) => {
  const t = useTestApp(kind, testConfig({ HINDSIGHT_SOAK_WORKING_DAYS: '0' }));

  it('proposes items that await a decision at once', async () => {
    const { item } = await proposed(t);
    expect(item).toMatchObject({ status: 'proposed', soakUntil: null });
    const accepted = await decide(t, item.id, 'accept', { secondOrderEffects: 'None foreseen' });
    expect(accepted.body).toMatchObject({ status: 'accepted', secondOrderEffects: 'None foreseen' });
  });
});
