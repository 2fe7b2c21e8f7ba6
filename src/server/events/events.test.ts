import { afterAll, describe, expect, it } from 'vitest';
import type { DomainEvent, DomainEventType, RecordedEvent } from '../../shared/events/domain-events.js';
import type { User } from '../../shared/accounts/account.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { Whys } from '../../shared/reviews/whys.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { apiToken, signIn, PASSWORD } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createIncident } from '../../../test/support/factories.js';
import { createReview, patch, post, publishReview } from '../../../test/support/reviews.js';
import { createAppContext, type AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { openDatabase } from '../db/kysely.js';
import { endDueSoaks } from '../actions/action-item-soak.js';
import { recordChange } from './record-change.js';

/** Every event of a change to an account. */
const accountEventTypes: Record<Extract<DomainEventType, `user.${string}` | `api_token.${string}` | `session.${string}`>, true> = {
  'user.created': true,
  'user.changed': true,
  'api_token.created': true,
  'api_token.revoked': true,
  'session.started': true,
  'session.ended': true,
};

/** Every event of a change to an incident or a review (the organisation's changes, global review, trackers, alert sources and teams are tested in their folders). */
const incidentEventTypes: Record<Exclude<DomainEventType, `user.${string}` | `api_token.${string}` | `session.${string}` | 'changes.added' | 'global_review.changed' | 'tracker.changed' | 'alert_source.changed' | 'team.changed'>, true> = {
  'incident.created': true,
  'incident.changed': true,
  'incident.resolved': true,
  'incident.access_changed': true,
  'review.created': true,
  'review.changed': true,
  'review.state_changed': true,
  'timeline.entries_added': true,
  'timeline.entry_corrected': true,
  'timeline.entry_deleted': true,
  'comment.added': true,
  'review_comment.changed': true,
  'sign_off.changed': true,
  'meeting.scheduled': true,
  'notes.changed': true,
  'meeting.moved': true,
  'factor.changed': true,
  'whys.changed': true,
  'answer.changed': true,
  'action_item.created': true,
  'action_item.changed': true,
  'action_item.status_changed': true,
  'actionItem.soakEnded': true,
  'action_item.deleted': true,
  'external_summary.created': true,
  'external_summary.revoked': true,
};

/** Collects what this instance's subscribers hear. */
function listen(ctx: AppContext) {
  const heard: RecordedEvent[] = [];
  const stop = ctx.events.bus.subscribe({ onEvents: (events) => void heard.push(...events) });
  const waitFor = async (predicate: (events: RecordedEvent[]) => boolean, what: string) => {
    for (const started = Date.now(); !predicate(heard); ) {
      if (Date.now() - started > 10_000) throw new Error(`Timed out waiting for ${what}; heard ${heard.map((e) => e.type).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { heard, stop, waitFor };
}

const eventsAfter = (t: TestApp, id: number) => t.database.handle.db.selectFrom('events').selectAll().where('id', '>', id).orderBy('id').execute();
const lastEventId = async (t: TestApp) => Number((await t.database.handle.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);

/** Ends the soak of `item` (F12): the sweep at a clock moved past its end, then back. */
async function endSoaksLater(t: TestApp, item: ActionItem): Promise<void> {
  const now = t.clock.now;
  t.clock.now = new Date(Date.parse(`${item.soakUntil!}T12:00:00Z`) + 2 * 86_400_000);
  await endDueSoaks(t.ctx);
  t.clock.now = now;
}

/** Makes one change of every kind, through the API, on a fresh incident and review. */
async function everyKindOfChange(t: TestApp): Promise<number> {
  const incident = await createIncident(t, { severity: 'sev2', userFacing: true });
  await patch(t, `/api/incidents/${incident.id}`, { version: incident.version, title: 'Checkout errors, renamed' });
  const resolved = await post<Incident>(t, `/api/incidents/${incident.id}/resolve`, {});
  const reviewId = resolved.review!.id;
  await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: false, memberIds: [] } });
  const entry = await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:30:00Z', text: 'Rolled back' });
  await patch(t, `/api/timeline/${entry.id}`, { version: 1, text: 'Rolled back deploy 42' });
  await post(t, `/api/timeline/${entry.id}/comments`, { text: 'Was this the first rollback?' });
  const extra = await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:31:00Z', text: 'Typo' });
  await t.request({ method: 'DELETE', url: `/api/timeline/${extra.id}?version=1` });
  const factor = await post<Factor>(t, `/api/reviews/${reviewId}/factors`, { kind: 'contributor', title: 'No alert on pool saturation' });
  const whys = await post<Whys>(t, `/api/reviews/${reviewId}/whys`, { title: 'Why did checkout fail?', steps: [{ why: 'Why?', because: 'Pool full' }] });
  await patch(t, `/api/whys/${whys.id}`, { version: 1, systemicCause: 'Capacity is not reviewed' });
  await t.request({ method: 'PUT', url: `/api/reviews/${reviewId}/questions/went_well`, payload: { answer: 'Fast rollback' } });
  const item = await post<ActionItem>(t, `/api/reviews/${reviewId}/action-items`, { title: 'Alert on pool saturation', factorIds: [factor.id] });
  await patch(t, `/api/action-items/${item.id}`, { version: 1, priority: 'p2' });
  await patch(t, `/api/action-items/${item.id}`, { version: 2, status: 'accepted' });
  const other = await post<ActionItem>(t, `/api/reviews/${reviewId}/action-items`, { title: 'Duplicate' });
  await t.request({ method: 'DELETE', url: `/api/action-items/${other.id}?version=1` });
  await post(t, `/api/reviews/${reviewId}/comments`, { anchor: { part: 'summary' }, text: 'Is the summary clear to someone outside the team?' });
  const harnessAdmin = await t.database.handle.db.selectFrom('users').select('id').where('email', '=', 'harness-admin@example.com').executeTakeFirstOrThrow();
  await post(t, `/api/reviews/${reviewId}/reviewers`, { userIds: [harnessAdmin.id] });
  const meeting = { startsAt: '2026-03-12T14:00:00+01:00', durationMinutes: 60, override: { reason: 'The team is together on Thursday only' } };
  await t.request({ method: 'PUT', url: `/api/reviews/${reviewId}/meeting`, payload: meeting });
  await t.request({ method: 'PUT', url: `/api/reviews/${reviewId}/notes`, payload: { text: '14:05 paged the DB team', revision: 0 } });
  const soaking = await post<ActionItem>(t, `/api/reviews/${reviewId}/action-items`, { title: 'Review pool sizes quarterly' });
  await endSoaksLater(t, soaking);
  await t.request({ method: 'PUT', url: `/api/reviews/${reviewId}/meeting/mode`, payload: { stage: 'summary' } });
  await publishReview(t, reviewId);
  const summary = await post<{ id: number }>(t, `/api/reviews/${reviewId}/external-summaries`, { sections: ['summary'], text: 'What happened.', expiresInDays: 7 });
  await post(t, `/api/reviews/${reviewId}/external-summaries/${summary.id}/revoke`, {});
  return incident.id;
}

describe.each(databaseKinds)('domain events on %s', (kind) => {
  const t = useTestApp(kind);

  it('records an event for every kind of change, with its audit entry, by the same person at the same moment', async () => {
    await t.authHeaders('admin'); // the harness admin's account and token, made on first use, are changes of their own
    const from = await lastEventId(t);
    const incidentId = await everyKindOfChange(t);
    const events = await eventsAfter(t, from);
    const types = new Set(events.map((e) => e.type));
    expect([...Object.keys(incidentEventTypes)].filter((type) => !types.has(type))).toEqual([]);
    expect(events.every((e) => e.incident_id === incidentId)).toBe(true);

    const audit = await t.database.handle.db.selectFrom('audit_log').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
    expect(audit).toHaveLength(events.length);
    // Each burst of changes to the review queued the job that rescores it, in the same transactions.
    const queued = await t.database.handle.db.selectFrom('jobs').select('payload').where('kind', '=', 'review.quality').execute();
    expect(queued.some((job) => JSON.parse(job.payload).incidentId === incidentId)).toBe(true);
    audit.forEach((entry, i) => expect([entry.at, entry.actor_user_id, entry.actor_name]).toEqual([events[i]!.at, events[i]!.actor_user_id, events[i]!.actor_name]));
  });

  it('records an event for every kind of account change, with its audit entry, by the same person at the same moment', async () => {
    const from = await lastEventId(t);
    const auditFrom = Number((await t.database.handle.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    const user = await post<User>(t, '/api/users', { email: `events-${kind}@example.com`, name: 'Eve Old', role: 'responder', password: PASSWORD });
    const renamed = await patch<User>(t, `/api/users/${user.id}`, { version: user.version, name: 'Eve New' });
    const browser = await signIn(t, user.email);
    const token = await apiToken(t, browser);
    await browser.request({ method: 'DELETE', url: `/api/tokens/${token.id}` });
    await browser.request({ method: 'POST', url: '/api/auth/sign-out' });
    await patch(t, `/api/users/${user.id}`, { version: renamed.version, password: 'another long passphrase 42' });

    const events = await eventsAfter(t, from);
    expect(Object.keys(accountEventTypes).filter((type) => !events.some((e) => e.type === type))).toEqual([]);
    expect(events.map((e) => JSON.parse(e.data) as DomainEvent).filter((e) => e.type === 'user.changed')).toEqual([
      { type: 'user.changed', userId: user.id, fields: ['name'] },
      { type: 'user.changed', userId: user.id, fields: ['password'] },
    ]);
    expect(events.every((e) => e.incident_id === null)).toBe(true);
    const audit = await t.database.handle.db.selectFrom('audit_log').selectAll().where('id', '>', auditFrom).orderBy('id').execute();
    expect(audit).toHaveLength(events.length);
    audit.forEach((entry, i) => expect([entry.at, entry.actor_user_id, entry.actor_name]).toEqual([events[i]!.at, events[i]!.actor_user_id, events[i]!.actor_name]));
    // Only a change of name queues the job that renames the person everywhere.
    const renames = await t.database.handle.db.selectFrom('jobs').select('payload').where('kind', '=', 'people.rename').execute();
    expect(renames.map((job) => JSON.parse(job.payload))).toEqual([{ userId: user.id }]);
  });

  it('records nothing, neither event nor audit entry nor job, when the change fails', async () => {
    const { review } = await createReview(t);
    const before = await lastEventId(t);
    const audited = async () => (await t.database.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const auditBefore = await audited();
    const jobs = async () => Number((await t.database.handle.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const jobsBefore = await jobs();
    const refused = await t.request({ method: 'POST', url: `/api/reviews/${review.id}/factors`, payload: { kind: 'contributor', title: 'x', category: 'no-such-category' } });
    expect(refused.status).toBe(400);
    // A transaction that records its change and then fails leaves neither behind.
    const event: DomainEvent = { type: 'review.changed', incidentId: review.incidentId, reviewId: review.id, fields: ['summary'] };
    await expect(
      writeTransaction(t.ctx.db, async (trx) => {
        await recordChange(t.ctx, trx, event, { action: 'review.update', entityType: 'review', entityId: review.id, before: null, after: null });
        throw new Error('the change failed after recording it');
      }),
    ).rejects.toThrow('the change failed');
    expect(await eventsAfter(t, before)).toEqual([]);
    expect(Number(await audited())).toBe(Number(auditBefore));
    // The change's event would have enqueued the job that rescores the review: gone with it.
    expect(await jobs()).toBe(jobsBefore);
  });

  it('a change that changes nothing records nothing', async () => {
    const incident = await createIncident(t, { labels: ['database'] });
    const before = await lastEventId(t);
    await post(t, `/api/incidents/${incident.id}/labels`, { label: 'Database' });
    await t.request({ method: 'DELETE', url: `/api/incidents/${incident.id}/labels/absent` });
    expect(await eventsAfter(t, before)).toEqual([]);
    expect((await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incident.id}` })).body.version).toBe(incident.version);
  });

  it('delivers committed events to this instance after commit, in commit order, and never a rolled-back one', async () => {
    const { heard, stop, waitFor } = listen(t.ctx);
    const incident = await createIncident(t);
    const entries = [];
    for (let i = 0; i < 5; i++) entries.push(await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: `2026-03-10T09:0${i}:00Z`, text: `Step ${i}` }));
    await writeTransaction(t.ctx.db, async (trx) => {
      const event: DomainEvent = { type: 'incident.changed', incidentId: incident.id, fields: ['ghost'] };
      await recordChange(t.ctx, trx, event, { action: 'incident.update', entityType: 'incident', entityId: incident.id, before: null, after: null });
      throw new Error('rolled back');
    }).catch(() => undefined);
    await waitFor((events) => events.filter((e) => e.type === 'timeline.entries_added' && e.incidentId === incident.id).length === 5, 'five timeline events');
    const ofIncident = heard.filter((e) => 'incidentId' in e && e.incidentId === incident.id);
    expect(ofIncident[0]).toMatchObject({ type: 'incident.created', actor: { name: 'Harness admin' } });
    expect(ofIncident.filter((e) => e.type === 'timeline.entries_added').map((e) => (e.type === 'timeline.entries_added' ? e.entryIds[0] : 0))).toEqual(entries.map((e) => e.id));
    expect(ofIncident.map((e) => e.id)).toEqual([...ofIncident.map((e) => e.id)].sort((a, b) => a - b));
    expect(ofIncident.some((e) => e.type === 'incident.changed')).toBe(false);
    stop();
  });
});

describe.runIf(databaseKinds.includes('postgres'))('domain events across app instances on postgres', () => {
  const t = useTestApp('postgres');
  let other: { ctx: AppContext; close: () => Promise<void> } | null = null;
  afterAll(async () => other?.close());

  it('an event committed on one instance reaches the subscribers of another', async () => {
    const handle = openDatabase(t.database.handle.database);
    const ctx = createAppContext(handle, t.ctx.config);
    await ctx.events.start();
    other = { ctx, close: async () => (await ctx.events.stop(), await handle.close()) };
    const { waitFor, stop } = listen(ctx);
    const incident = await createIncident(t);
    await waitFor((events) => events.some((e) => e.type === 'incident.created' && e.incidentId === incident.id), 'the incident created on the other instance');
    stop();
  });
});
