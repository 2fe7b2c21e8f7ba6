import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { AlertSource, AlertSourceWithSecret } from '../../shared/alerts/alert-source.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { signedIn } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';

type Fixture = { source: string; headers?: Record<string, string>; body: Record<string, unknown> };
const fixture = (name: string): Fixture => JSON.parse(readFileSync(new URL(`../../../test/fixtures/alerts/${name}.json`, import.meta.url), 'utf8')) as Fixture;
type Page = { items: Incident[] };

const createSource = async (t: TestApp, payload: object) => {
  const response = await t.request<AlertSourceWithSecret>({ method: 'POST', url: '/api/admin/alert-sources', payload });
  expect(response.status).toBe(201);
  return response.body;
};

/** A delivery as the sender makes it: no session, only the scheme's headers. */
const deliver = (t: TestApp, sourceId: number, body: string, headers: Record<string, string>) =>
  t.requestAs<Problem & { status: string; incidentIds: number[]; entriesAdded: number }>(null, { method: 'POST', url: `/api/hooks/alerts/${sourceId}`, payload: body, headers: { 'content-type': 'application/json', ...headers } });

const pagerDutySignature = (secret: string, body: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

const incidentsWith = async (t: TestApp, externalId: string, source?: string) =>
  (await t.request<Page>({ method: 'GET', url: `/api/incidents?externalId=${encodeURIComponent(externalId)}${source ? `&externalSource=${source}` : ''}` })).body.items;
const timelineOf = async (t: TestApp, incidentId: number) => (await t.request<{ items: TimelineEntry[] }>({ method: 'GET', url: `/api/incidents/${incidentId}/timeline` })).body.items;
const alertEntries = async (t: TestApp, incidentId: number) => (await timelineOf(t, incidentId)).filter((e) => e.source === 'alert');
const count = async (t: TestApp, table: 'incidents' | 'timeline_entries' | 'events') =>
  Number((await t.database.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const snapshot = async (t: TestApp) => [await count(t, 'incidents'), await count(t, 'timeline_entries'), await count(t, 'events')];

describe.each(databaseKinds)('alert sources on %s', (kind) => {
  const t = useTestApp(kind);

  it('lets only admins manage sources; the secret is shown on creation and rotation only', async () => {
    const responder = await signedIn(t, 'responder');
    expect((await responder.request({ method: 'POST', url: '/api/admin/alert-sources', payload: { kind: 'gitlab', name: 'x' } })).status).toBe(403);
    const created = await createSource(t, { kind: 'pagerduty', name: 'PD prod', settings: { defaultSeverity: 'sev2', service: 'payments' } });
    expect(created.secret.length).toBeGreaterThan(20);
    expect(created.url).toMatch(new RegExp(`/api/hooks/alerts/${created.id}$`));
    const read = await t.request<AlertSource>({ method: 'GET', url: `/api/admin/alert-sources/${created.id}` });
    expect(read.body).not.toHaveProperty('secret');
    expect(JSON.stringify((await t.request({ method: 'GET', url: '/api/admin/alert-sources' })).body)).not.toContain(created.secret);
    const audit = await t.request<{ items: unknown[] }>({ method: 'GET', url: '/api/audit?entityType=alert_source' });
    expect(JSON.stringify(audit.body)).not.toContain(created.secret);

    const rotated = (await t.request<AlertSourceWithSecret>({ method: 'POST', url: `/api/admin/alert-sources/${created.id}/rotate-secret`, payload: {} })).body;
    expect(rotated.secret).toEqual(expect.any(String));
    expect(rotated.secret).not.toBe(created.secret);
    const triggered = fixture('pagerduty-incident-triggered').body as { event: { data: object } };
    const body = JSON.stringify({ event: { ...triggered.event, data: { ...triggered.event.data, id: 'PADMINTEST' } } });
    expect((await deliver(t, created.id, body, { 'x-pagerduty-signature': pagerDutySignature(created.secret, body) })).status).toBe(401);

    // PagerDuty makes its subscription's secret: the source takes it.
    const pagerDutys = 'pd-generated-signing-secret-0123456789';
    const own = (await t.request<AlertSourceWithSecret>({ method: 'POST', url: `/api/admin/alert-sources/${created.id}/rotate-secret`, payload: { secret: pagerDutys } })).body;
    expect(own.secret).toBe(pagerDutys);
    expect((await deliver(t, created.id, body, { 'x-pagerduty-signature': pagerDutySignature(pagerDutys, body) })).status).toBe(200);

    const bad = await t.request<Problem>({ method: 'POST', url: '/api/admin/alert-sources', payload: { kind: 'generic', name: 'no mapping' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['settings.mapping']);
    // No body at all is a generated secret too.
    const bare = await t.request<AlertSourceWithSecret & Problem>({ method: 'POST', url: `/api/admin/alert-sources/${created.id}/rotate-secret` });
    expect(bare.status, JSON.stringify(bare.body)).toBe(200);
    const ownAgain = (await t.request<AlertSourceWithSecret>({ method: 'POST', url: `/api/admin/alert-sources/${created.id}/rotate-secret`, payload: { secret: pagerDutys } })).body;
    const renamed = await t.request<AlertSource>({ method: 'PATCH', url: `/api/admin/alert-sources/${created.id}`, payload: { version: ownAgain.version, name: 'PD production' } });
    expect(renamed.body.name).toBe('PD production');
    expect((await t.request({ method: 'DELETE', url: `/api/admin/alert-sources/${created.id}` })).status).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/admin/alert-sources/${created.id}` })).status).toBe(404);
  });

  it('PagerDuty v3: signed deliveries create the incident, then acknowledge and resolve it at the source times; replays, bad and missing signatures change nothing', async () => {
    const source = await createSource(t, { kind: 'pagerduty', name: 'PagerDuty', settings: { defaultSeverity: 'sev3', service: null } });
    const triggered = fixture('pagerduty-incident-triggered').body as { event: Record<string, unknown> & { data: Record<string, unknown> } };
    const body = JSON.stringify(triggered);
    const before = await snapshot(t);
    expect((await deliver(t, source.id, body, {})).status).toBe(401);
    const wrong = await deliver(t, source.id, body, { 'x-pagerduty-signature': pagerDutySignature('not the secret', body) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    expect(await snapshot(t)).toEqual(before);

    const first = await deliver(t, source.id, body, { 'x-pagerduty-signature': `v1=00ff,${pagerDutySignature(source.secret, body)}` });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'created', entriesAdded: 1 });
    const [incident] = await incidentsWith(t, 'PGR0VU2');
    expect(incident).toMatchObject({ id: first.body.incidentIds[0], title: 'A little bump in the road', severity: 'sev1', services: ['API Service'], status: 'active', detectedAt: '2020-10-02T18:45:22.169Z' });
    expect(await incidentsWith(t, 'PGR0VU2', `alert-source:${source.id + 1000}`)).toEqual([]);
    expect(await incidentsWith(t, 'PGR0VU2', 'alert-source')).toHaveLength(1);
    const [entry] = await alertEntries(t, incident!.id);
    expect(entry).toMatchObject({ occurredAt: '2020-10-02T18:45:22.169Z', kind: 'detection', precision: 'exact', provenance: { label: 'PagerDuty "PagerDuty"', ref: 'https://acme.pagerduty.com/incidents/PGR0VU2' } });
    expect(entry!.provenance!.excerpt).toContain('incident.triggered');

    // The same delivery again: refused, nothing changes.
    const afterFirst = await snapshot(t);
    const replay = await deliver(t, source.id, body, { 'x-pagerduty-signature': pagerDutySignature(source.secret, body) });
    expect(replay.status).toBe(409);
    expect(await snapshot(t)).toEqual(afterFirst);

    const next = (id: string, eventType: string, at: string) => JSON.stringify({ event: { ...triggered.event, id, event_type: eventType, occurred_at: at } });
    for (const [id, type, at] of [['ack-1', 'incident.acknowledged', '2020-10-02T18:50:00Z'], ['res-1', 'incident.resolved', '2020-10-02T19:30:00Z']] as const) {
      const payload = next(id, type, at);
      expect((await deliver(t, source.id, payload, { 'x-pagerduty-signature': pagerDutySignature(source.secret, payload) })).body.status).toBe('updated');
    }
    const [resolved] = await incidentsWith(t, 'PGR0VU2');
    expect(resolved).toMatchObject({ id: incident!.id, status: 'resolved', respondedAt: '2020-10-02T18:50:00Z', resolvedAt: '2020-10-02T19:30:00Z' });
    expect((await alertEntries(t, incident!.id)).map((e) => [e.kind, e.occurredAt])).toEqual([
      ['detection', '2020-10-02T18:45:22.169Z'],
      ['escalation', '2020-10-02T18:50:00Z'],
      ['resolution', '2020-10-02T19:30:00Z'],
    ]);

    // Signed but malformed: 400 naming the field, nothing but the rejection in the log.
    const beforeBad = await snapshot(t);
    const malformed = JSON.stringify({ event: { id: 'x', event_type: 'incident.triggered', occurred_at: 'yesterday', data: { id: 'P1' } } });
    const refused = await deliver(t, source.id, malformed, { 'x-pagerduty-signature': pagerDutySignature(source.secret, malformed) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['event.occurred_at']);
    expect((await deliver(t, source.id, '{not json', { 'x-pagerduty-signature': pagerDutySignature(source.secret, '{not json') })).status).toBe(400);
    expect(await snapshot(t)).toEqual(beforeBad);
    const log = (await t.request<AlertSource>({ method: 'GET', url: `/api/admin/alert-sources/${source.id}` })).body.lastDeliveries;
    expect(log.map((d) => d.status)).toEqual(['rejected', 'rejected', 'updated', 'updated', 'created']);
    expect(log[1]!.detail).toContain('event.occurred_at');
  });

  it('Opsgenie: the outgoing webhook with a bearer secret; Create, Acknowledge and Close', async () => {
    const source = await createSource(t, { kind: 'opsgenie', name: 'Opsgenie', settings: { defaultSeverity: 'sev2', service: null } });
    const create = fixture('opsgenie-create').body as { alert: Record<string, unknown> };
    expect((await deliver(t, source.id, JSON.stringify(create), {})).status).toBe(401);
    expect((await deliver(t, source.id, JSON.stringify(create), bearer('wrong'))).status).toBe(401);
    const created = await deliver(t, source.id, JSON.stringify(create), bearer(source.secret));
    expect(created.body.status).toBe('created');
    const ack = { ...create, action: 'Acknowledge', alert: { ...create.alert, updatedAt: 1537255600000000000, username: 'jane@example.com' } };
    const close = { ...create, action: 'Close', alert: { ...create.alert, updatedAt: 1537259146219 } };
    const basic = `Basic ${Buffer.from(`opsgenie:${source.secret}`).toString('base64')}`;
    expect((await deliver(t, source.id, JSON.stringify(ack), { authorization: basic })).status).toBe(200);
    expect((await deliver(t, source.id, JSON.stringify(close), bearer(source.secret))).status).toBe(200);
    const [incident] = await incidentsWith(t, '60b4b3a4-d8ae-4b85-9b6b-8c3c1de47eb5-1537255546219');
    expect(incident).toMatchObject({ title: 'test alert', severity: 'sev3', services: ['test entity'], status: 'resolved', detectedAt: '2018-09-18T07:25:46.219Z', respondedAt: '2018-09-18T07:26:40.000Z', resolvedAt: '2018-09-18T08:25:46.219Z' });
    expect((await alertEntries(t, incident!.id)).map((e) => e.text)).toEqual(['Opsgenie: alert triggered by john.doe@opsgenie.com', 'Opsgenie: alert acknowledged by jane@example.com', 'Opsgenie: alert resolved by john.doe@opsgenie.com']);
  });

  it('Grafana: a notification of two alerts is one incident with two entries; resolved when the group is', async () => {
    const source = await createSource(t, { kind: 'grafana', name: 'Grafana', settings: { defaultSeverity: 'sev2', service: 'web' } });
    const firing = fixture('grafana-firing').body as { alerts: Array<Record<string, unknown>> } & Record<string, unknown>;
    const first = await deliver(t, source.id, JSON.stringify(firing), bearer(source.secret));
    expect(first.body).toMatchObject({ status: 'created', entriesAdded: 2 });
    const incidentId = first.body.incidentIds[0]!;
    // The same notification again (Grafana repeats while firing, with a new body each time): nothing new.
    const repeat = await deliver(t, source.id, JSON.stringify({ ...firing, message: 'repeat' }), bearer(source.secret));
    expect(repeat.body).toMatchObject({ status: 'unchanged', entriesAdded: 0, incidentIds: [incidentId] });
    const resolved = {
      ...firing,
      status: 'resolved',
      alerts: firing.alerts.map((a, i) => ({ ...a, status: 'resolved', endsAt: `2021-10-12T10:1${i}:00+02:00` })),
    };
    expect((await deliver(t, source.id, JSON.stringify(resolved), bearer(source.secret))).body).toMatchObject({ status: 'updated', entriesAdded: 2 });
    const incident = (await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incidentId}` })).body;
    expect(incident).toMatchObject({ title: '[FIRING:2]  (blue)', severity: 'sev2', services: ['web'], status: 'resolved', resolvedAt: '2021-10-12T10:11:00+02:00', detectedAt: '2021-10-12T09:51:03.157+02:00' });
    expect((await alertEntries(t, incidentId)).map((e) => e.text)).toEqual([
      'Grafana: High memory usage firing — This alert was triggered for zone us-1',
      'Grafana: High CPU usage firing — This alert was triggered for zone eu-1',
      'Grafana: High memory usage resolved',
      'Grafana: High CPU usage resolved',
    ]);
  });

  it('GitLab: incident events with X-Gitlab-Token; opened then closed; an event UUID seen before is a replay', async () => {
    const source = await createSource(t, { kind: 'gitlab', name: 'GitLab' });
    const { body, headers } = fixture('gitlab-incident-open') as Fixture & { body: { object_attributes: Record<string, unknown> } };
    const uuid = { 'x-gitlab-event-uuid': headers!['X-Gitlab-Event-UUID']! };
    expect((await deliver(t, source.id, JSON.stringify(body), uuid)).status).toBe(401);
    expect((await deliver(t, source.id, JSON.stringify(body), { ...uuid, 'x-gitlab-token': source.secret })).body.status).toBe('created');
    const closed = { ...body, object_attributes: { ...body.object_attributes, action: 'close', state: 'closed', closed_at: '2013-12-03 18:00:00 UTC', updated_at: '2013-12-03 18:00:00 UTC' } };
    expect((await deliver(t, source.id, JSON.stringify(closed), { ...uuid, 'x-gitlab-token': source.secret })).status).toBe(409);
    expect((await deliver(t, source.id, JSON.stringify(closed), { 'x-gitlab-event-uuid': 'second', 'x-gitlab-token': source.secret })).body.status).toBe('updated');
    const [incident] = await incidentsWith(t, '301', `alert-source:${source.id}`);
    expect(incident).toMatchObject({ title: 'New API: create/update/delete file', severity: 'sev2', services: ['gitlabhq/gitlab-test'], status: 'resolved', resolvedAt: '2013-12-03T18:00:00Z' });
  });

  it('generic: Standard Webhooks signatures (made with the standardwebhooks library), a field mapping, stale timestamps and replayed ids refused', async () => {
    const mapping = { externalId: 'check.id', title: 'check.name', status: 'state', occurredAt: 'at', severity: 'level', service: 'check.service' };
    const source = await createSource(t, { kind: 'generic', name: 'Uptime', settings: { defaultSeverity: 'sev4', service: null, mapping } });
    expect(source.secret).toMatch(/^whsec_/);
    const webhook = new Webhook(source.secret);
    const send = (id: string, payload: object, at = t.clock.now) => {
      const body = JSON.stringify(payload);
      return deliver(t, source.id, body, { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': webhook.sign(id, at, body) });
    };
    const down = { check: { id: 'chk-9', name: 'Checkout is down', service: 'checkout' }, state: 'open', at: '2026-03-10T09:00:00+01:00', level: 'critical' };
    expect((await send('msg_1', down)).body.status).toBe('created');
    expect((await send('msg_1', down)).status).toBe(409);
    const stale = await send('msg_2', { ...down, state: 'closed', at: '2026-03-10T09:30:00+01:00' }, new Date(t.clock.now.getTime() - 10 * 60_000));
    expect(stale.status).toBe(401);
    expect(stale.body.detail).toContain('five minutes');
    const badStatus = await send('msg_3', { ...down, state: 'sleeping' });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors?.map((e) => e.field)).toEqual(['state']);
    expect((await send('msg_4', { ...down, state: 'closed', at: '2026-03-10T09:30:00+01:00' })).body.status).toBe('updated');
    const [incident] = await incidentsWith(t, 'chk-9');
    expect(incident).toMatchObject({ title: 'Checkout is down', severity: 'sev1', services: ['checkout'], status: 'resolved', resolvedAt: '2026-03-10T09:30:00+01:00' });
  });

  it('two deliveries of one alert at the same moment make one incident', async () => {
    const source = await createSource(t, { kind: 'opsgenie', name: 'Race' });
    const create = fixture('opsgenie-create').body as { alert: Record<string, unknown> };
    const bodies = Array.from({ length: 6 }, (_, i) => JSON.stringify({ ...create, action: i % 2 ? 'Acknowledge' : 'Create', alert: { ...create.alert, alertId: 'race-1', updatedAt: 1537255600000 + i * 1000 } }));
    const answers = await Promise.all(bodies.map((body) => deliver(t, source.id, body, bearer(source.secret))));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 200));
    expect(new Set(answers.map((a) => a.body.incidentIds[0])).size).toBe(1);
    expect(await incidentsWith(t, 'race-1')).toHaveLength(1);
    expect(answers.filter((a) => a.body.status === 'created')).toHaveLength(1);
  });

  it('a restricted incident made from an alert stays hidden from outsiders, and its deliveries still apply', async () => {
    const source = await createSource(t, { kind: 'opsgenie', name: 'Secret' });
    const create = fixture('opsgenie-create').body as { alert: Record<string, unknown> };
    const body = JSON.stringify({ ...create, alert: { ...create.alert, alertId: 'secret-1', message: 'SECRET-ALERT' } });
    const { incidentIds } = (await deliver(t, source.id, body, bearer(source.secret))).body;
    await t.request({ method: 'PUT', url: `/api/incidents/${incidentIds[0]}/access`, payload: { restricted: true, memberIds: [] } });
    const viewer = await signedIn(t, 'viewer');
    const listed = await viewer.request<Page>({ method: 'GET', url: '/api/incidents?externalId=secret-1' });
    expect(listed.body.items).toEqual([]);
    const close = JSON.stringify({ ...create, action: 'Close', alert: { ...create.alert, alertId: 'secret-1', updatedAt: 1537259146219 } });
    const answer = await deliver(t, source.id, close, bearer(source.secret));
    expect(answer.body).toMatchObject({ status: 'updated', incidentIds });
    expect(JSON.stringify(answer.body)).not.toContain('SECRET-ALERT');
    expect((await incidentsWith(t, 'secret-1'))[0]).toMatchObject({ status: 'resolved', restricted: true });
  });
});
