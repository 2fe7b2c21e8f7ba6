import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RecordedEvent } from '../../shared/events/domain-events.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { ClientMessage, ServerMessage } from '../../shared/live/live-protocol.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { apiToken, signedIn, type Browser } from '../../../test/support/accounts.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { buildApp } from '../app.js';
import { createAppContext } from '../context.js';
import { openDatabase } from '../db/kysely.js';

/** A live-update connection as a browser tab would hold it, recording what the server sends. */
async function connect(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(url, { headers });
  const received: ServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (request, response) => {
      request.destroy(); // else the refused request's connection stays open
      reject(new Error(`HTTP ${response.statusCode}`));
    });
  });
  const waitFor = async <T>(find: (messages: ServerMessage[]) => T | undefined, what: string): Promise<T> => {
    for (const started = Date.now(); ; ) {
      const found = find(received);
      if (found !== undefined) return found;
      if (Date.now() - started > 10_000) throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(received).slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const events = () => received.flatMap((m) => (m.type === 'events' ? m.events : []));
  return {
    received,
    events,
    waitFor,
    waitForEvent: (match: (event: RecordedEvent) => boolean, what: string) => waitFor(() => events().find(match), what),
    send: (message: ClientMessage) => socket.send(JSON.stringify(message)),
    close: () => socket.close(),
  };
}

const cookieOf = (browser: Browser) => ({ cookie: browser.cookie });

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/live`;
}

describe.each(databaseKinds)('live updates on %s', (kind) => {
  const t = useTestApp(kind);
  let url: string;
  beforeAll(async () => {
    url = await listen(t);
  });

  it('refuses a plain request, an anonymous caller and a page of another site', async () => {
    const plain = await t.request({ method: 'GET', url: '/api/live' });
    expect(plain.status).toBe(426);
    expect((await t.requestAs(null, { method: 'GET', url: '/api/live' })).status).toBe(401);
    await expect(connect(url, {})).rejects.toThrow('HTTP 401');
    await expect(connect(url, { ...(await t.authHeaders('viewer')), origin: 'https://evil.example.com' })).rejects.toThrow('HTTP 403');
  });

  it("pushes committed changes to everyone who may see them, with who made them, and never a restricted incident's to outsiders", async () => {
    const admin = await signedIn(t, 'admin');
    const member = await signedIn(t, 'responder');
    const outsider = await signedIn(t, 'viewer');
    const [memberTab, outsiderTab, adminTab] = await Promise.all([connect(url, cookieOf(member)), connect(url, cookieOf(outsider)), connect(url, cookieOf(admin))]);

    const open = (await admin.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput({ title: 'Open incident' }) })).body;
    const secret = (await admin.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput({ title: 'Secret incident' }) })).body;
    await admin.request({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    await admin.request({ method: 'POST', url: `/api/incidents/${secret.id}/timeline`, payload: { occurredAt: '2026-03-10T09:00:00Z', text: 'Secret step' } });
    await member.request({ method: 'POST', url: `/api/incidents/${open.id}/timeline`, payload: { occurredAt: '2026-03-10T09:00:00Z', text: 'Open step' } });

    const fromMember = await outsiderTab.waitForEvent((e) => e.type === 'timeline.entries_added' && e.incidentId === open.id, 'the open incident');
    expect(fromMember.actor).toEqual({ userId: member.user.id, name: member.user.name });
    await memberTab.waitForEvent((e) => e.type === 'timeline.entries_added' && e.incidentId === secret.id, 'the member hearing of the restricted incident');
    await adminTab.waitForEvent((e) => e.type === 'timeline.entries_added' && e.incidentId === secret.id, 'the admin hearing of the restricted incident');
    // Everything committed so far has been delivered to every tab: the outsider heard of the open one, never of the secret one.
    await outsiderTab.waitForEvent((e) => e.type === 'timeline.entries_added' && e.incidentId === open.id, 'the last change');
    expect(outsiderTab.events().filter((e) => 'incidentId' in e && e.incidentId === secret.id).map((e) => e.type)).toEqual(['incident.created']);
    expect(JSON.stringify(outsiderTab.received)).not.toContain('Secret step');
    for (const tab of [memberTab, outsiderTab, adminTab]) tab.close();
  });

  it("tells of account changes only the admins and the user concerned, never another user's browser", async () => {
    const [admin, ana, other] = [await signedIn(t, 'admin'), await signedIn(t, 'responder'), await signedIn(t, 'responder')];
    const [adminTab, anaTab, otherTab] = await Promise.all([connect(url, cookieOf(admin)), connect(url, cookieOf(ana)), connect(url, cookieOf(other))]);
    const token = await apiToken(t, ana);
    await anaTab.waitForEvent((e) => e.type === 'api_token.created' && e.tokenId === token.id, 'Ana hearing of her own token');
    await admin.request({ method: 'PATCH', url: `/api/users/${ana.user.id}`, payload: { version: ana.user.version, name: 'Ana Renamed' } });
    await adminTab.waitForEvent((e) => e.type === 'user.changed' && e.userId === ana.user.id, 'the admin hearing of the rename');
    expect(adminTab.events().some((e) => e.type === 'api_token.created' && e.tokenId === token.id)).toBe(true);
    // The other tab has heard of a change made after all of these: it had its chance to hear them.
    const incident = (await admin.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).body;
    await otherTab.waitForEvent((e) => e.type === 'incident.created' && e.incidentId === incident.id, 'a later change');
    // Its own sign-in may arrive after it connected: that one is about itself.
    expect(otherTab.events().filter((e) => !('incidentId' in e) && !('userId' in e && e.userId === other.user.id))).toEqual([]);
    for (const tab of [adminTab, anaTab, otherTab]) tab.close();
  });

  it('tells every viewer of new deploys and changes, which are the organisation\'s and not any incident\'s', async () => {
    const [viewer, responder] = [await signedIn(t, 'viewer'), await signedIn(t, 'responder')];
    const viewerTab = await connect(url, cookieOf(viewer));
    const added = await responder.request<{ id: number }>({ method: 'POST', url: '/api/changes', payload: { service: 'live-api', title: 'Release 3', occurredAt: '2026-04-01T10:00:00Z' } });
    expect(added.status).toBe(201);
    await viewerTab.waitForEvent((e) => e.type === 'changes.added' && e.changeIds.includes(added.body.id), 'the viewer hearing of the new change');
    viewerTab.close();
  });

  it('shows who has a review open and what they are editing, and refuses to watch a review one may not see', async () => {
    const [ana, ben, outsider] = [await signedIn(t, 'responder'), await signedIn(t, 'responder'), await signedIn(t, 'viewer')];
    const incident = (await ana.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput({ restricted: true }) })).body;
    await ana.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [ana.user.id, ben.user.id] } });
    const review = (await ana.request<Review>({ method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: {} })).body;
    const [anaTab, benTab, outsiderTab] = await Promise.all([connect(url, cookieOf(ana)), connect(url, cookieOf(ben)), connect(url, cookieOf(outsider))]);

    anaTab.send({ type: 'watch', reviewId: review.id });
    benTab.send({ type: 'watch', reviewId: review.id });
    benTab.send({ type: 'editing', field: 'summary' });
    outsiderTab.send({ type: 'watch', reviewId: review.id });
    const both = (people: Array<{ name: string; editing: string | null }>) => people.length === 2 && people.some((p) => p.name === ben.user.name && p.editing === 'summary');
    await anaTab.waitFor((messages) => messages.find((m) => m.type === 'presence' && m.reviewId === review.id && both(m.people)), 'both people, Ben editing the summary');
    await outsiderTab.waitFor((messages) => messages.find((m) => m.type === 'error'), 'a refusal');
    expect(outsiderTab.received.some((m) => m.type === 'presence')).toBe(false);

    benTab.close();
    await anaTab.waitFor((messages) => messages.findLast((m) => m.type === 'presence' && m.people.length === 1), 'Ben leaving');
    anaTab.close();
    outsiderTab.close();
  });
});

describe.runIf(databaseKinds.includes('postgres'))('live updates across app instances on postgres', () => {
  const t = useTestApp('postgres');
  const other: { close?: () => Promise<void> } = {};
  afterAll(async () => other.close?.());

  it('a change made through instance A reaches a browser connected to instance B, and presence spans both', async () => {
    const urlA = await listen(t);
    const handle = openDatabase(t.database.handle.database);
    const appB = await buildApp(createAppContext(handle, t.ctx.config));
    await appB.listen({ host: '127.0.0.1', port: 0 });
    other.close = async () => (await appB.close(), await handle.close());
    const urlB = `ws://127.0.0.1:${(appB.server.address() as AddressInfo).port}/api/live`;

    const [ana, ben] = [await signedIn(t, 'viewer'), await signedIn(t, 'viewer')];
    const [onA, onB] = await Promise.all([connect(urlA, cookieOf(ana)), connect(urlB, cookieOf(ben))]);
    const incident = (await t.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).body;
    await onB.waitForEvent((e) => e.type === 'incident.created' && e.incidentId === incident.id, 'the incident on instance B');

    const review = (await t.request<Review>({ method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: {} })).body;
    onA.send({ type: 'watch', reviewId: review.id });
    onB.send({ type: 'watch', reviewId: review.id });
    await onB.waitFor((messages) => messages.find((m) => m.type === 'presence' && m.reviewId === review.id && m.people.length === 2), 'Ana on A and Ben on B');
    onA.close();
    onB.close();
  });
});
