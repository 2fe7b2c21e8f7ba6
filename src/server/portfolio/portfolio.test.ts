import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { IncidentCreateInput } from '../../shared/incidents/incident.schema.js';
import type { Portfolio } from '../../shared/portfolio/portfolio.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, patch, post } from '../../../test/support/reviews.js';

/** An incident with a review, a contributor of `category` (if any) and one action item addressing it. */
async function itemOn(t: TestApp, title: string, incident: Partial<IncidentCreateInput>, category: string | null = null) {
  const { incident: created, review } = await createReview(t, incident);
  const factor = category ? await post<{ id: number }>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: `A ${category} contributor`, category }) : null;
  const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title, factorIds: factor ? [factor.id] : [] });
  return { incident: created, review, item };
}

describe.each(databaseKinds)('the improvement portfolio on %s', (kind) => {
  const t = useTestApp(kind);
  const portfolioAs = async (role: 'viewer' | 'responder' | 'admin') => (await t.requestAs<Portfolio>(role, { method: 'GET', url: '/api/portfolio' })).body;
  const groupWith = (p: Portfolio, title: string) => p.groups.find((g) => g.items.some((i) => i.title === title));
  const merge = (role: 'viewer' | 'responder' | 'admin', payload: object) => t.requestAs<{ kept: ActionItem; merged: ActionItem[] } & Problem>(role, { method: 'POST', url: '/api/portfolio/merge', payload });
  let seeded: Awaited<ReturnType<typeof seed>>;

  async function seed() {
    t.clock.now = new Date('2026-06-01T10:00:00Z');
    const lagSev1 = await itemOn(t, 'Alert on replication lag', { severity: 'sev1', userFacing: true, impactStartedAt: '2026-05-01T10:00:00Z' }, 'technical');
    const lagSev2 = await itemOn(t, 'Add alerting for database replication lag', { severity: 'sev2', impactStartedAt: '2026-05-02T10:00:00Z' }, 'technical');
    const runbookA = await itemOn(t, 'Write a runbook for the payments failover', { severity: 'sev3', impactStartedAt: '2026-05-03T10:00:00Z' });
    const runbookB = await itemOn(t, 'Payments failover runbook', { severity: 'sev3', impactStartedAt: '2026-05-04T10:00:00Z' });
    const alone = await itemOn(t, 'Rotate TLS certificates automatically', { severity: 'sev2', impactStartedAt: '2026-05-05T10:00:00Z' });
    const secret = await itemOn(t, 'Alert on replication lag in the EU cluster', { severity: 'sev1', impactStartedAt: '2026-05-06T10:00:00Z' }, 'technical');
    await t.request({ method: 'PUT', url: `/api/incidents/${secret.incident.id}/access`, payload: { restricted: true, memberIds: [] } });

    // Done items: one whose category came back, one long done without recurrence, one just done, one without category.
    const pool = await itemOn(t, 'Raise the connection pool limit', { severity: 'sev2', impactStartedAt: '2026-04-01T10:00:00Z' }, 'external');
    const drill = await itemOn(t, 'Run a quarterly failover drill', { severity: 'sev2', impactStartedAt: '2026-04-02T10:00:00Z' }, 'process');
    const fresh = await itemOn(t, 'Add a deploy freeze calendar', { severity: 'sev3', impactStartedAt: '2026-04-03T10:00:00Z' }, 'human');
    const plain = await itemOn(t, 'Tidy the on-call wiki', { severity: 'sev4', impactStartedAt: '2026-04-04T10:00:00Z' });
    t.clock.now = new Date('2026-06-10T10:00:00Z');
    for (const { item } of [pool, drill, plain]) await patch(t, `/api/action-items/${item.id}`, { version: item.version, status: 'done' });
    const poolAgain = await createReview(t, { title: 'Pool exhausted again', severity: 'sev2', impactStartedAt: '2026-07-15T10:00:00Z' });
    await post(t, `/api/reviews/${poolAgain.review.id}/factors`, { kind: 'contributor', title: 'Pool too small for the new traffic', category: 'external' });
    t.clock.now = new Date('2026-09-01T10:00:00Z');
    await patch(t, `/api/action-items/${fresh.item.id}`, { version: fresh.item.version, status: 'done' });
    t.clock.now = new Date('2026-09-10T10:00:00Z');
    return { lagSev1, lagSev2, runbookA, runbookB, alone, secret, pool, drill, fresh, plain, poolAgain };
  }

  it('groups alike open items from different incidents and ranks the groups by incidents, categories and impact', async () => {
    seeded = await seed();
    const p = await portfolioAs('viewer');
    expect(p.groups.map((g) => g.items.map((i) => i.title).sort())).toEqual([
      ['Add alerting for database replication lag', 'Alert on replication lag'],
      ['Payments failover runbook', 'Write a runbook for the payments failover'],
    ]);
    expect(p.groups[0]).toMatchObject({ incidents: 2, categories: [{ key: 'technical', label: 'Technical' }], impact: 8 * 2 + 4 });
    expect(p.groups[0]!.reason).toBe('2 similar items from 2 incidents · addressing Technical · impact 20');
    expect(p.groups[1]).toMatchObject({ incidents: 2, categories: [], impact: 4 });
    expect(groupWith(p, 'Rotate TLS certificates automatically')).toBeUndefined();
  });

  it('keeps a restricted incident’s items out of groups and counts for non-members', async () => {
    const viewer = await portfolioAs('viewer');
    expect(JSON.stringify(viewer)).not.toContain('EU cluster');
    expect(groupWith(viewer, 'Alert on replication lag')!.impact).toBe(20);
    const admin = await portfolioAs('admin');
    const group = groupWith(admin, 'Alert on replication lag')!;
    expect(group.items.map((i) => i.title)).toContain('Alert on replication lag in the EU cluster');
    expect(group).toMatchObject({ incidents: 3, impact: 20 + 8 });
    expect(admin.openItemsConsidered).toBe(viewer.openItemsConsidered + 1);
  });

  it('says whether done items worked: did incidents with their contributor categories come back after?', async () => {
    const { effectiveness } = await portfolioAs('viewer');
    const of = (id: number) => effectiveness.find((e) => e.actionItemId === id)!;
    expect(of(seeded.pool.item.id)).toMatchObject({
      verdict: 'recurred',
      doneAt: '2026-06-10T10:00:00.000Z',
      categories: [{ key: 'external', label: 'External' }],
      recurredIn: [{ incidentId: seeded.poolAgain.incident.id, title: 'Pool exhausted again', startedAt: '2026-07-15T10:00:00.000Z' }],
    });
    expect(of(seeded.drill.item.id)).toMatchObject({ verdict: 'no_recurrence', recurredIn: [] });
    expect(of(seeded.fresh.item.id)).toMatchObject({ verdict: 'too_soon', doneAt: '2026-09-01T10:00:00.000Z' });
    expect(of(seeded.plain.item.id)).toMatchObject({ verdict: 'no_category', categories: [] });
  });

  it('merges duplicates into one tracked item: the others are declined, naming it', async () => {
    const { lagSev1, lagSev2, alone, secret } = seeded;
    expect((await merge('viewer', { keepId: lagSev1.item.id, mergeIds: [lagSev2.item.id] })).status).toBe(403);
    expect((await merge('responder', { keepId: lagSev1.item.id, mergeIds: [secret.item.id] })).status).toBe(404);
    const self = await merge('responder', { keepId: lagSev1.item.id, mergeIds: [lagSev1.item.id] });
    expect(self.status).toBe(400);
    expect(self.body.errors?.[0]).toMatchObject({ field: 'mergeIds' });
    const empty = await merge('responder', { keepId: lagSev1.item.id, mergeIds: [] });
    expect(empty.body.errors?.[0]).toMatchObject({ field: 'mergeIds' });

    const merged = await merge('responder', { keepId: lagSev1.item.id, mergeIds: [lagSev2.item.id] });
    expect(merged.status).toBe(200);
    expect(merged.body.kept.id).toBe(lagSev1.item.id);
    expect(merged.body.merged[0]).toMatchObject({ id: lagSev2.item.id, status: 'declined' });
    expect(merged.body.merged[0]!.declineReason).toContain(`#${lagSev1.item.id} "Alert on replication lag"`);
    expect(groupWith(await portfolioAs('viewer'), 'Alert on replication lag')).toBeUndefined();

    const again = await merge('responder', { keepId: alone.item.id, mergeIds: [lagSev2.item.id] });
    expect(again.status).toBe(409);
    const declinedKeep = await merge('responder', { keepId: lagSev2.item.id, mergeIds: [alone.item.id] });
    expect(declinedKeep.body.errors?.[0]).toMatchObject({ field: 'keepId' });
  });
});
