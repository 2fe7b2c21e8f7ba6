import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { AlertSourceWithSecret } from '../../shared/alerts/alert-source.schema.js';
import type { TrackerConnection } from '../../shared/trackers/tracker.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { createReview, post } from '../../../test/support/reviews.js';
import { systemActor } from '../access/actor.js';
import { pruneEventsJob } from '../events/events-prune.job.js';
import { pruneIdempotencyKeysJob } from '../idempotency/idempotency-prune.job.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { sweepReminders } from '../notifications/reminders.job.js';
import { pruneBookkeeping } from './retention.job.js';

const DAY_MS = 86_400_000;

describe.each(databaseKinds)('retention of bookkeeping rows on %s', (kind) => {
  // Small batches, so the walk through many batches is tested; e-mail configured, so reminders are recorded.
  const t = useTestApp(kind, testConfig({ HINDSIGHT_RETENTION_BATCH_SIZE: '10', HINDSIGHT_SMTP_URL: 'smtp://127.0.0.1:2525', HINDSIGHT_NOTIFICATION_DELIVERY_RETENTION_DAYS: '30' }));
  const daysAgo = (days: number) => new Date(t.clock.now.getTime() - days * DAY_MS);
  const prune = () => pruneBookkeeping(t.ctx, new AbortController().signal);

  it('deletes deliveries and trend snapshots past their retention in batches, and keeps recent ones and those still to go', async () => {
    t.clock.now = new Date('2026-12-03T04:00:00Z');
    const delivery = (key: string, state: 'sent' | 'skipped' | 'queued' | 'digest', at: Date) => ({
      delivery_key: `${key}:email:x@example.com`,
      message_key: key,
      kind: 'mention',
      channel: 'email' as const,
      user_id: null,
      target: 'x@example.com',
      incident_id: null,
      message: '{}',
      state,
      created_at: at.toISOString(),
      created_at_ms: at.getTime(),
    });
    const old = Array.from({ length: 23 }, (_, i) => delivery(`old-${i}`, i % 2 ? 'sent' : 'skipped', daysAgo(31)));
    await t.ctx.db.insertInto('notification_deliveries').values([...old, delivery('old-queued', 'queued', daysAgo(40)), delivery('old-digest', 'digest', daysAgo(40)), delivery('recent', 'sent', daysAgo(29))]).execute();

    const source = (await t.request<AlertSourceWithSecret>({ method: 'POST', url: '/api/admin/alert-sources', payload: { kind: 'opsgenie', name: `Retention ${kind}` } })).body;
    const alert = (at: Date, i: number) => ({ source_id: source.id, delivery_id: `d-${i}`, received_at: at.toISOString(), received_at_ms: at.getTime(), status: 'created', detail: null, incident_ids: '[]' });
    await t.ctx.db.insertInto('alert_deliveries').values([...Array.from({ length: 12 }, (_, i) => alert(daysAgo(31), i)), alert(daysAgo(29), 99)]).execute();

    const tracker = await post<TrackerConnection>(t, '/api/trackers', { name: `Retention ${kind}`, kind: 'gitlab', baseUrl: 'https://gitlab.example.com', project: 'acme/retention', token: 'glpat-retention' });
    const trackerDelivery = (at: Date, i: number) => ({ connection_id: tracker.id, delivery_id: `t-${i}`, received_at: at.toISOString() });
    await t.ctx.db.insertInto('tracker_deliveries').values([...Array.from({ length: 20 }, (_, i) => trackerDelivery(daysAgo(31), i)), trackerDelivery(daysAgo(29), 99)]).execute();

    const snapshot = (key: string, at: Date) => ({ key, last_event_id: 0, recent_events: 0, access_changes: 0, last_access_change_id: 0, computed_at_ms: at.getTime(), body: '{}' });
    await t.ctx.db.insertInto('trend_snapshots').values([...Array.from({ length: 13 }, (_, i) => snapshot(`old-${i}`, daysAgo(1.1))), snapshot('recent', daysAgo(0.9))]).execute();

    expect(await prune()).toEqual({ notification_deliveries: 23, alert_deliveries: 12, trend_snapshots: 13, tracker_deliveries: 20 });
    const keys = await t.ctx.db.selectFrom('notification_deliveries').select('message_key').where('message_key', 'in', ['recent', 'old-queued', 'old-digest', 'old-0']).orderBy('message_key').execute();
    expect(keys.map((k) => k.message_key)).toEqual(['old-digest', 'old-queued', 'recent']);
    expect((await t.ctx.db.selectFrom('alert_deliveries').select('delivery_id').where('source_id', '=', source.id).execute()).map((d) => d.delivery_id)).toEqual(['d-99']);
    expect((await t.ctx.db.selectFrom('tracker_deliveries').select('delivery_id').where('connection_id', '=', tracker.id).execute()).map((d) => d.delivery_id)).toEqual(['t-99']);
    expect((await t.ctx.db.selectFrom('trend_snapshots').select('key').execute()).map((row) => row.key)).toEqual(['recent']);
    expect(await prune()).toEqual({ notification_deliveries: 0, alert_deliveries: 0, trend_snapshots: 0, tracker_deliveries: 0 });
  });

  it('still refuses replays of alert and tracker deliveries within their window', async () => {
    const start = new Date('2026-12-03T05:00:00Z');
    t.clock.now = start;
    const source = (await t.request<AlertSourceWithSecret>({ method: 'POST', url: '/api/admin/alert-sources', payload: { kind: 'opsgenie', name: `Replays ${kind}` } })).body;
    const body = JSON.stringify({ action: 'Create', alert: { alertId: `retention-${kind}`, message: 'Disk full', createdAt: start.getTime(), updatedAt: start.getTime(), priority: 'P3' } });
    const deliver = () => t.requestAs(null, { method: 'POST', url: `/api/hooks/alerts/${source.id}`, payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${source.secret}` } });
    expect((await deliver()).status).toBe(200);

    const tracker = await post<TrackerConnection & { webhookSecret: string }>(t, '/api/trackers', { name: `Replays ${kind}`, kind: 'github', baseUrl: 'https://api.github.example', project: 'acme/replays', token: 'ghp_replays' });
    const { review } = await createReview(t);
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Add a disk alert', status: 'accepted' });
    const nowIso = start.toISOString();
    await t.ctx.db.insertInto('tracker_issues').values({ action_item_id: item.id, connection_id: tracker.id, state: 'open', external_id: '7', issue_key: '#7', url: null, assignee: null, error: null, status_before_close: null, created_at: nowIso, updated_at: nowIso }).execute();
    const closed = JSON.stringify({ action: 'closed', issue: { number: 7, state: 'closed', closed_at: nowIso, updated_at: nowIso } });
    const webhook = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/trackers/${tracker.id}/webhook`,
          payload: closed,
          headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': `retention-${kind}`, 'x-hub-signature-256': `sha256=${createHmac('sha256', tracker.webhookSecret).update(closed).digest('hex')}` },
        })
      ).json<{ outcome: string }>().outcome;
    expect(await webhook()).toBe('applied');

    // A day short of their retention: still remembered, so both replays are refused.
    t.clock.now = new Date(start.getTime() + 29 * DAY_MS);
    await prune();
    expect((await deliver()).status).toBe(409);
    expect(await webhook()).toBe('duplicate');
    // Past it: forgotten.
    t.clock.now = new Date(start.getTime() + 31 * DAY_MS);
    await prune();
    expect(await t.ctx.db.selectFrom('alert_deliveries').select('id').where('source_id', '=', source.id).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('tracker_deliveries').select('delivery_id').where('connection_id', '=', tracker.id).execute()).toEqual([]);
  });

  it('never lets a reminder go twice once its delivery is deleted: reminders are decided only within their window', async () => {
    t.clock.now = new Date('2026-12-03T09:00:00Z');
    const owner = await createUser(t, { role: 'responder' });
    const { review } = await createReview(t);
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Rotate the certificate', owner: { userId: owner.id }, dueDate: '2026-11-30', status: 'accepted' });
    const reminders = () => t.ctx.db.selectFrom('notification_deliveries').select(['message_key', 'state']).where('message_key', 'like', `action_item.overdue:${item.id}:%`).execute();

    await sweepReminders(t.ctx);
    expect(await reminders()).toEqual([{ message_key: `action_item.overdue:${item.id}:2026-11-30`, state: 'queued' }]);
    await t.ctx.db.updateTable('notification_deliveries').set({ state: 'sent' }).where('message_key', 'like', `action_item.overdue:${item.id}:%`).execute();
    await sweepReminders(t.ctx);
    expect(await reminders()).toHaveLength(1);

    t.clock.now = new Date(t.clock.now.getTime() + 31 * DAY_MS);
    await prune();
    expect(await reminders()).toEqual([]);
    await sweepReminders(t.ctx);
    expect(await reminders()).toEqual([]);
  });

  it('prunes events and Idempotency-Keys in the same bounded batches', async () => {
    t.clock.now = new Date('2026-12-03T10:00:00Z');
    const run = (job: JobDefinition<Record<string, never>>) =>
      job.run({ id: 0, kind: job.kind, payload: {}, attempt: 1, idempotencyKey: job.kind, ctx: { ...t.ctx, actor: systemActor }, once: (_, work) => work(), signal: new AbortController().signal });
    const event = (at: Date, i: number) => ({ type: `retention.test-${i}`, at: at.toISOString(), actor_user_id: null, actor_name: 'test', incident_id: null, review_id: null, data: '{}' });
    await t.ctx.db.insertInto('events').values([...Array.from({ length: 25 }, (_, i) => event(daysAgo(91), i)), event(daysAgo(89), 99)]).execute();
    const key = (at: Date, i: number) => ({ owner: 'retention', key: `k-${i}`, request_hash: 'h', status: 201, response: '{}', location: null, created_at_ms: at.getTime() });
    await t.ctx.db.insertInto('idempotency_keys').values([...Array.from({ length: 25 }, (_, i) => key(daysAgo(2), i)), key(new Date(t.clock.now.getTime() - 3_600_000), 99)]).execute();

    await run(pruneEventsJob);
    await run(pruneIdempotencyKeysJob);
    expect((await t.ctx.db.selectFrom('events').select('type').where('type', 'like', 'retention.test-%').execute()).map((e) => e.type)).toEqual(['retention.test-99']);
    expect((await t.ctx.db.selectFrom('idempotency_keys').select('key').where('owner', '=', 'retention').execute()).map((k) => k.key)).toEqual(['k-99']);
  });
});
