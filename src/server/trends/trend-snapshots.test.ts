import { describe, expect, it } from 'vitest';
import type { BacklogHealth, IncidentTrend } from '../../shared/trends/trends.schema.js';
import type { Role } from '../../shared/accounts/roles.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createIncident } from '../../../test/support/factories.js';
import { jobsOfKind, useRunners } from '../../../test/support/jobs.js';
import { createReview, patch, post } from '../../../test/support/reviews.js';
import { refreshTrendJob } from './trend-snapshots.js';

/**
 * Trend snapshots (trend-snapshots.ts): the last figures are served while a job computes the next,
 * for at most HINDSIGHT_TRENDS_MAX_STALE_SECONDS after a change, and never after an access change.
 */

const STALE_SECONDS = 300;
const NOW = Date.parse('2026-12-15T12:00:00.000Z');
const QUERY = '/api/trends/incidents?from=2026-11-01&to=2026-11-30&interval=month';
const novemberIncident = (title: string, restricted = false) => ({ title, severity: 'sev2' as const, impactStartedAt: '2026-11-10T09:00:00.000Z', restricted });

describe.each(databaseKinds)('trend snapshots on %s', (kind) => {
  const t = useTestApp(kind, testConfig({ HINDSIGHT_TRENDS_MAX_STALE_SECONDS: String(STALE_SECONDS) }));
  const runners = useRunners();

  const read = async (role: Role, headers: Record<string, string> = {}) => {
    const response = await t.requestAs<IncidentTrend>(role, { method: 'GET', url: QUERY, headers });
    expect(response.status).toBe(200);
    return { total: response.body.totals.reduce((a, b) => a + b, 0), asOf: response.body.asOf };
  };
  const later = (seconds: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
  };
  const userId = async (role: Role) => (await t.ctx.db.selectFrom('users').select('id').where('email', '=', `harness-${role}@example.com`).executeTakeFirstOrThrow()).id;

  it('serves the last figures until a change, then for a while the stale ones while a job computes the new', async () => {
    t.clock.now = new Date(NOW);
    await createIncident(t, novemberIncident('First'));
    const first = await read('viewer');
    expect(first).toEqual({ total: 1, asOf: new Date(NOW).toISOString() });

    later(10);
    expect(await read('viewer')).toEqual(first); // nothing changed: the snapshot

    await createIncident(t, novemberIncident('Second'));
    later(10);
    expect(await read('viewer')).toEqual(first); // stale, within the window
    const [refresh, ...more] = await jobsOfKind(t.ctx, refreshTrendJob.kind);
    expect(more).toHaveLength(0);
    expect(JSON.parse(refresh!.payload)).toMatchObject({ trend: 'incidents', reader: { kind: 'unrestricted' } });
    await read('viewer'); // asked again before the job ran: still one job
    expect(await jobsOfKind(t.ctx, refreshTrendJob.kind)).toHaveLength(1);

    runners(t.ctx, [refreshTrendJob]);
    await expect.poll(async () => (await read('viewer')).total, { timeout: 10_000 }).toBe(2);
    expect((await read('viewer')).asOf).not.toBe(first.asOf);
  });

  it('computes at once when the last figures are older than the window, or when asked for current figures', async () => {
    const before = await read('viewer');
    await createIncident(t, novemberIncident('Third'));
    expect((await read('viewer', { 'cache-control': 'no-cache' })).total).toBe(before.total + 1);

    await createIncident(t, novemberIncident('Fourth'));
    later(STALE_SECONDS + 1);
    expect(await read('viewer')).toEqual({ total: before.total + 2, asOf: t.clock.now.toISOString() });
  });

  it('never serves figures computed before an access change, and keeps each reader to what they may see', async () => {
    const incident = await createIncident(t, novemberIncident('Soon restricted'));
    later(STALE_SECONDS + 1);
    const open = await read('viewer');
    expect((await read('responder')).total).toBe(open.total);

    later(1);
    const access = await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [await userId('responder')] } });
    expect(access.status).toBe(200);
    expect((await read('viewer')).total).toBe(open.total - 1); // within the stale window, yet not the snapshot
    expect((await read('responder')).total).toBe(open.total); // a member: their own figures
    expect((await read('admin')).total).toBe(open.total);
    expect((await read('viewer')).total).toBe(open.total - 1); // and the viewer's new snapshot stays without it
  });

  it('notices an access change after older ones were pruned, and an event committed late below the newest id', async () => {
    const incident = await createIncident(t, novemberIncident('Restricted after a prune'));
    later(STALE_SECONDS + 1);
    const open = await read('viewer');
    // The event log is pruned of an older access change while a new one is made: their count stays the same.
    const older = await t.ctx.db.selectFrom('events').select('id').where('type', '=', 'incident.access_changed').orderBy('id').executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom('events').where('id', '=', older.id).execute();
    later(1);
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [] } });
    expect((await read('viewer')).total).toBe(open.total - 1);

    // PostgreSQL hands out ids before commit: an event may land below the newest after figures were computed.
    // (Ids far above the sequence's, so the events the app records meanwhile never take them.)
    later(STALE_SECONDS + 1);
    const newest = Number((await t.ctx.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);
    const event = (id: number) => ({ id, type: 'incident.changed', at: t.clock.now.toISOString(), actor_user_id: null, actor_name: 'test', incident_id: null, review_id: null, data: '{}' });
    await t.ctx.db.insertInto('events').values(event(newest + 500)).execute();
    const computed = await read('viewer', { 'cache-control': 'no-cache' });
    later(STALE_SECONDS + 1);
    expect(await read('viewer')).toEqual(computed); // nothing since: current
    await t.ctx.db.insertInto('events').values(event(newest + 499)).execute(); // committed late, below the newest
    expect((await read('viewer')).asOf).toBe(t.clock.now.toISOString()); // no longer current: computed again
    await t.ctx.db.deleteFrom('events').where('id', '>', newest).execute();
  });

  it('lists action items whose tracker issue disagrees with them, without restricted incidents for non-members', async () => {
    later(STALE_SECONDS + 1);
    const backlog = async (role: Role) => (await t.requestAs<BacklogHealth>(role, { method: 'GET', url: '/api/trends/backlog', headers: { 'cache-control': 'no-cache' } })).body.tracker;
    expect(await backlog('viewer')).toEqual({ connected: false, closedInTracker: { count: 0, oldest: [] }, openInTracker: { count: 0, oldest: [] } });

    const at = t.clock.now.toISOString();
    const connection = await t.ctx.db
      .insertInto('tracker_connections')
      .values({ name: 'GitHub', kind: 'github', base_url: 'http://127.0.0.1:1', project: 'acme/app', username: null, token: 't', webhook_secret: 's', is_default: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = async (restricted: boolean, title: string, done: boolean, issue: 'open' | 'closed') => {
      const { review } = await createReview(t, { ...novemberIncident(`${title} incident`), restricted });
      const created = await post<{ id: number; version: number }>(t, `/api/reviews/${review.id}/action-items`, { title, status: 'accepted' });
      if (done) await patch(t, `/api/action-items/${created.id}`, { version: created.version, status: 'done' });
      await t.ctx.db
        .insertInto('tracker_issues')
        .values({ action_item_id: created.id, connection_id: connection.id, state: issue, external_id: String(created.id), issue_key: `#${created.id}`, url: `http://127.0.0.1:1/acme/app/issues/${created.id}`, assignee: null, error: null, status_before_close: null, created_at: at, updated_at: at })
        .execute();
    };
    await item(false, 'Closed there, open here', false, 'closed');
    await item(false, 'Done here, open there', true, 'open');
    await item(false, 'In agreement', true, 'closed');
    await item(true, 'Restricted and closed there', false, 'closed');

    const seen = await backlog('viewer');
    expect(seen.connected).toBe(true);
    expect({ closed: seen.closedInTracker.count, open: seen.openInTracker.count }).toEqual({ closed: 1, open: 1 });
    expect(seen.closedInTracker.oldest.map((i) => i.title)).toEqual(['Closed there, open here']);
    expect(seen.openInTracker.oldest[0]).toMatchObject({ title: 'Done here, open there', status: 'done', issueKey: expect.stringMatching(/^#\d+$/) });
    expect((await backlog('admin')).closedInTracker.oldest.map((i) => i.title)).toEqual(['Closed there, open here', 'Restricted and closed there']);
  });
});
