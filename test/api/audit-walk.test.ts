import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Review } from '../../src/shared/reviews/review.schema.js';
import { createUser, PASSWORD, signIn, type Browser } from '../support/accounts.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { databaseKinds, testConfig } from '../support/databases.js';
import { createIncident, incidentInput } from '../support/factories.js';
import { startFakeTrackers, type FakeTrackers } from '../support/fake-trackers.js';
import { get, patch, post, publishReview } from '../support/reviews.js';
import { reviewWrites, seedReview, versionOf, writeRoutes, type Ids, type Write } from '../support/route-walk.js';

vi.setConfig({ testTimeout: 120_000 });

/**
 * Every change of record is audited. The walk calls every write route of the OpenAPI document with a
 * request that succeeds and checks that it wrote at least one audit entry, and that no audit entry
 * holds a secret the walk saw (tokens, webhook and alert secrets, passwords). A new write route must
 * be placed in `organisationWrites` (or the route walk's `reviewWrites`) or, with a reason, in
 * `notChangesOfRecord`: a route that forgets auditing fails here.
 */
const notChangesOfRecord: Record<string, string> = {
  'POST /api/setup': 'answers only on an empty database; the first admin it makes is audited as user.create (accounts/auth.test.ts)',
  'POST /api/language/check': 'a check of text, stores nothing',
  'POST /api/imports/chat': 'reads chat into proposals, stores nothing',
  'POST /api/reviews/{id}/notes/proposals': 'reads notes into proposals, stores nothing',
  'POST /api/reviews/{id}/external-summaries/preview': 'a preview, stores nothing',
  'POST /api/reviews/{id}/reads': 'counts a reader of the knowledge base',
  'PUT /api/reviews/{id}/notes': 'the meeting’s live notes, saved every few seconds as typed; what is accepted from them is audited (notes/accept)',
  'PUT /api/reviews/{id}/meeting/mode': 'moves the meeting’s shared cursor (stage, entry) for the people in the room',
  'POST /api/trackers/{id}/test': 'a connection check against the tracker, stores nothing',
};

type World = Ids & { browser: Browser; tracker: number; trackerSecret: string; fake: FakeTrackers; secrets: string[] };
/** A write's request; `session`: sent by a signed-in admin's browser (API tokens are made only from a session). */
type WriteRequest = { url: string; payload?: object; headers?: Record<string, string>; session?: true };
type OrgWrite = (t: TestApp, w: World) => Promise<WriteRequest>;

const remember = (w: World, ...values: unknown[]) => w.secrets.push(...values.filter((v): v is string => typeof v === 'string' && v.length >= 8));
const lastId = async (t: TestApp, table: 'jobs') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);

/** The writes that are not edits of a review: incidents, workflow, accounts, the organisation's settings and integrations. */
const organisationWrites: Record<string, OrgWrite> = {
  'POST /api/incidents': async () => ({ url: '/api/incidents', payload: incidentInput() }),
  'POST /api/incidents/{id}/labels': async (_, w) => ({ url: `/api/incidents/${w.incident}/labels`, payload: { label: 'walk' } }),
  'DELETE /api/incidents/{id}/labels/{label}': async (_, w) => ({ url: `/api/incidents/${w.incident}/labels/walk` }),
  'POST /api/incidents/{id}/resolve': async (t) => ({ url: `/api/incidents/${(await createIncident(t)).id}/resolve`, payload: {} }),
  'POST /api/incidents/{id}/review': async (t) => ({ url: `/api/incidents/${(await createIncident(t)).id}/review`, payload: {} }),
  'PUT /api/incidents/{id}/access': async (t) => ({ url: `/api/incidents/${(await createIncident(t)).id}/access`, payload: { restricted: true, memberIds: [] } }),
  'POST /api/reviews/{id}/transitions': async (t) => {
    const incident = await createIncident(t);
    const review = await post<Review>(t, `/api/incidents/${incident.id}/review`, {});
    await patch(t, `/api/reviews/${review.id}`, { version: review.version, summary: 'What happened' });
    await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'A contributing factor' });
    return { url: `/api/reviews/${review.id}/transitions`, payload: { to: 'in_review' } };
  },
  'POST /api/imports': async () => ({
    url: '/api/imports',
    payload: { documents: [{ name: 'walk.md', content: '---\ntitle: Walk import\nseverity: SEV-3\n---\n\n## Summary\nImported by the walk.\n' }] },
  }),
  'POST /api/reviews/{id}/comments': async (_, w) => ({ url: `/api/reviews/${w.review}/comments`, payload: { text: 'A question', anchor: { part: 'summary' } } }),
  'PATCH /api/reviews/{id}/comments/{commentId}': async (t, w) => {
    const comment = await post<{ id: number; version: number }>(t, `/api/reviews/${w.review}/comments`, { text: 'To edit', anchor: { part: 'summary' } });
    return { url: `/api/reviews/${w.review}/comments/${comment.id}`, payload: { version: comment.version, text: 'Edited' } };
  },
  'POST /api/reviews/{id}/comments/{commentId}/resolve': async (t, w) => {
    const comment = await post<{ id: number; version: number }>(t, `/api/reviews/${w.review}/comments`, { text: 'To resolve', anchor: { part: 'summary' } });
    return { url: `/api/reviews/${w.review}/comments/${comment.id}/resolve`, payload: { version: comment.version } };
  },
  'POST /api/reviews/{id}/comments/{commentId}/reopen': async (t, w) => {
    const comment = await post<{ id: number; version: number }>(t, `/api/reviews/${w.review}/comments`, { text: 'To reopen', anchor: { part: 'summary' } });
    const resolved = await post<{ version: number }>(t, `/api/reviews/${w.review}/comments/${comment.id}/resolve`, { version: comment.version });
    return { url: `/api/reviews/${w.review}/comments/${comment.id}/reopen`, payload: { version: resolved.version } };
  },
  'DELETE /api/reviews/{id}/comments/{commentId}': async (t, w) => {
    const comment = await post<{ id: number; version: number }>(t, `/api/reviews/${w.review}/comments`, { text: 'To delete', anchor: { part: 'summary' } });
    return { url: `/api/reviews/${w.review}/comments/${comment.id}?version=${comment.version}` };
  },
  'POST /api/reviews/{id}/reviewers': async (t, w) => ({ url: `/api/reviews/${w.review}/reviewers`, payload: { userIds: [(await createUser(t, { role: 'responder' })).id] } }),
  'DELETE /api/reviews/{id}/reviewers/{userId}': async (t, w) => {
    const reviewer = await createUser(t, { role: 'responder' });
    await post(t, `/api/reviews/${w.review}/reviewers`, { userIds: [reviewer.id] });
    return { url: `/api/reviews/${w.review}/reviewers/${reviewer.id}` };
  },
  'POST /api/reviews/{id}/sign-off': async (t, w) => {
    const admin = (await get<{ user: { id: number } }>(t, '/api/auth/session')).user;
    await post(t, `/api/reviews/${w.review}/reviewers`, { userIds: [admin.id] });
    return { url: `/api/reviews/${w.review}/sign-off`, payload: { decision: 'signed_off' } };
  },
  'PUT /api/reviews/{id}/meeting': async (_, w) => ({ url: `/api/reviews/${w.review}/meeting`, payload: { startsAt: '2026-12-10T10:00:00Z', durationMinutes: 60, override: { reason: 'The walk meets before the sign-offs' } } }),
  'POST /api/action-items/{id}/accept': async (t, w) => {
    const item = await post<{ id: number }>(t, `/api/reviews/${w.review}/action-items`, { title: 'To accept', status: 'proposed' });
    return { url: `/api/action-items/${item.id}/accept`, payload: { secondOrderEffects: 'None expected' } };
  },
  'POST /api/action-items/{id}/decline': async (t, w) => {
    const item = await post<{ id: number }>(t, `/api/reviews/${w.review}/action-items`, { title: 'To decline', status: 'proposed' });
    return { url: `/api/action-items/${item.id}/decline`, payload: { reason: 'Covered by another item' } };
  },
  'POST /api/portfolio/merge': async (t, w) => {
    const keep = await post<{ id: number }>(t, `/api/reviews/${w.review}/action-items`, { title: 'Kept', status: 'accepted' });
    const merged = await post<{ id: number }>(t, `/api/reviews/${w.review}/action-items`, { title: 'Duplicate', status: 'accepted' });
    return { url: '/api/portfolio/merge', payload: { keepId: keep.id, mergeIds: [merged.id] } };
  },
  'PUT /api/global-review/sessions/{day}/notes': async (_, w) => ({ url: '/api/global-review/sessions/2026-12-03/notes', payload: { item: `incident:${w.incident}`, notes: 'Discussed', version: null } }),
  'PUT /api/global-review/sessions/{day}/attendees': async () => ({ url: '/api/global-review/sessions/2026-12-03/attendees', payload: { attendees: ['Sara Lind'], version: null } }),
  'POST /api/reviews/{id}/external-summaries': async (t) => {
    const { review } = await seedPublished(t);
    return { url: `/api/reviews/${review}/external-summaries`, payload: { sections: ['summary'], text: 'What happened, briefly.', expiresInDays: 7 } };
  },
  'POST /api/reviews/{id}/external-summaries/{summaryId}/revoke': async (t, w) => {
    const { review } = await seedPublished(t);
    const shared = await post<{ id: number; token?: string; url?: string }>(t, `/api/reviews/${review}/external-summaries`, { sections: ['summary'], text: 'Shared.', expiresInDays: 7 });
    remember(w, shared.token, shared.url?.split('/').pop());
    return { url: `/api/reviews/${review}/external-summaries/${shared.id}/revoke` };
  },
  'POST /api/changes': async () => ({ url: '/api/changes', payload: { service: 'checkout', title: 'Release 2.0', occurredAt: '2026-03-10T08:50:00Z' } }),
  'POST /api/changes/import': async () => ({
    url: '/api/changes/import',
    payload: { format: 'csv', content: 'deployed_at,service,description,author,url,environment,sha\n2026-03-10T08:40:00Z,checkout,Release 1.9,alice,,production,walk1' },
  }),
  'POST /api/auth/sign-in': async (t) => ({ url: '/api/auth/sign-in', payload: { email: (await createUser(t)).email, password: PASSWORD } }),
  'POST /api/auth/sign-out': async (t) => {
    const leaving = await signIn(t, (await createUser(t)).email);
    return { url: '/api/auth/sign-out', headers: { cookie: leaving.cookie, 'x-csrf-token': leaving.csrfToken } };
  },
  'POST /api/users': async (_, w) => {
    remember(w, 'walk-password-1234');
    return { url: '/api/users', payload: { email: `walk-${Date.now()}@example.com`, name: 'Walk User', role: 'viewer', password: 'walk-password-1234' } };
  },
  'PATCH /api/users/{id}': async (t, w) => {
    const user = await createUser(t);
    remember(w, 'walk-new-password-5678');
    return { url: `/api/users/${user.id}`, payload: { version: user.version, role: 'responder', password: 'walk-new-password-5678' } };
  },
  'POST /api/tokens': async () => ({ url: '/api/tokens', payload: { name: 'walk', role: 'viewer' }, session: true }),
  'DELETE /api/tokens/{id}': async (_, w) => {
    const token = (await w.browser.request<{ id: number; token: string }>({ method: 'POST', url: '/api/tokens', payload: { name: 'to revoke', role: 'viewer' } })).body;
    remember(w, token.token);
    return { url: `/api/tokens/${token.id}`, session: true };
  },
  'POST /api/admin/jobs/ping': async () => ({ url: '/api/admin/jobs/ping', payload: {} }),
  'POST /api/admin/jobs/{id}/retry': async (t) => {
    await post(t, '/api/admin/jobs/ping', {});
    const id = await lastId(t, 'jobs');
    await t.ctx.db.updateTable('jobs').set({ state: 'dead', last_error: JSON.stringify({ message: 'The walk failed it', stack: null, attempt: 1, at: '2026-12-03T00:00:00Z' }) }).where('id', '=', id).execute();
    return { url: `/api/admin/jobs/${id}/retry` };
  },
  'PUT /api/me/notification-preferences': async (t) => {
    const { channels: _channels, ...current } = await get<{ channels: unknown; version: number } & Record<string, unknown>>(t, '/api/me/notification-preferences');
    return { url: '/api/me/notification-preferences', payload: { ...current, services: ['checkout'] } };
  },
  'POST /api/teams': async () => ({ url: '/api/teams', payload: { name: 'Walk team', slug: 'walk-team', services: ['checkout'] } }),
  'PATCH /api/teams/{id}': async (t) => {
    const team = await post<{ id: number; version: number }>(t, '/api/teams', { name: 'Walk team two', slug: 'walk-team-two' });
    return { url: `/api/teams/${team.id}`, payload: { version: team.version, services: ['search'] } };
  },
  'DELETE /api/teams/{id}': async (t) => ({ url: `/api/teams/${(await post<{ id: number }>(t, '/api/teams', { name: 'Walk team three', slug: 'walk-team-three' })).id}` }),
  'POST /api/admin/webhook-endpoints': async () => ({ url: '/api/admin/webhook-endpoints', payload: { url: 'https://hooks.example.com/walk', description: 'Walk', kinds: ['review.published'] } }),
  'PATCH /api/admin/webhook-endpoints/{id}': async (t, w) => ({ url: `/api/admin/webhook-endpoints/${await webhookEndpoint(t, w)}`, payload: { enabled: false } }),
  'DELETE /api/admin/webhook-endpoints/{id}': async (t, w) => ({ url: `/api/admin/webhook-endpoints/${await webhookEndpoint(t, w)}` }),
  'POST /api/admin/alert-sources': async () => ({ url: '/api/admin/alert-sources', payload: { kind: 'opsgenie', name: 'Walk' } }),
  'PATCH /api/admin/alert-sources/{id}': async (t, w) => {
    const source = await alertSource(t, w);
    return { url: `/api/admin/alert-sources/${source.id}`, payload: { version: source.version, name: 'Walk renamed' } };
  },
  'POST /api/admin/alert-sources/{id}/rotate-secret': async (t, w) => ({ url: `/api/admin/alert-sources/${(await alertSource(t, w)).id}/rotate-secret`, payload: {} }),
  'DELETE /api/admin/alert-sources/{id}': async (t, w) => ({ url: `/api/admin/alert-sources/${(await alertSource(t, w)).id}` }),
  'POST /api/hooks/alerts/{id}': async (t, w) => {
    const source = await alertSource(t, w);
    const body = { action: 'Create', alert: { alertId: `walk-${source.id}`, message: 'Walk alert', createdAt: 1537255600000, updatedAt: 1537255600000, priority: 'P3' } };
    return { url: `/api/hooks/alerts/${source.id}`, payload: body, headers: { authorization: `Bearer ${source.secret}` } };
  },
  'POST /api/trackers': async (_, w) => {
    remember(w, 'ghp_WALK_TOKEN_CREATE');
    return { url: '/api/trackers', payload: { name: 'Walk', kind: 'github', baseUrl: `${w.fake.url}/github`, project: 'acme/walk', token: 'ghp_WALK_TOKEN_CREATE' } };
  },
  'PATCH /api/trackers/{id}': async (t, w) => {
    remember(w, 'ghp_WALK_TOKEN_PATCH');
    return { url: `/api/trackers/${w.tracker}`, payload: { version: await versionOf(t, `/api/trackers/${w.tracker}`), name: 'Walk tracker', token: 'ghp_WALK_TOKEN_PATCH' } };
  },
  'PUT /api/trackers/{id}/people': async (t, w) => ({ url: `/api/trackers/${w.tracker}/people`, payload: { userId: (await createUser(t)).id, externalUser: 'walker' } }),
  'DELETE /api/trackers/{id}/people/{userId}': async (t, w) => {
    const user = await createUser(t);
    await t.request({ method: 'PUT', url: `/api/trackers/${w.tracker}/people`, payload: { userId: user.id, externalUser: 'leaver' } });
    return { url: `/api/trackers/${w.tracker}/people/${user.id}` };
  },
  'POST /api/action-items/{id}/tracker-issue': async (_, w) => ({ url: `/api/action-items/${w.action}/tracker-issue` }),
  // The tracker reports the issue made for the item above closed (its job, not run here, would have made it #42).
  'POST /api/trackers/{id}/webhook': async (t, w) => {
    await t.ctx.db.updateTable('tracker_issues').set({ state: 'open', external_id: '42', issue_key: '#42' }).where('action_item_id', '=', w.action).execute();
    const body = { action: 'closed', issue: { number: 42, state: 'closed', closed_at: '2026-03-12T10:00:00Z', updated_at: '2026-03-12T10:00:00Z' } };
    const signature = `sha256=${createHmac('sha256', w.trackerSecret).update(JSON.stringify(body)).digest('hex')}`;
    return { url: `/api/trackers/${w.tracker}/webhook`, payload: body, headers: { 'x-github-event': 'issues', 'x-github-delivery': 'walk-1', 'x-hub-signature-256': signature } };
  },
  'DELETE /api/trackers/{id}': async (t, w) => {
    const other = await post<{ id: number; webhookSecret: string }>(t, '/api/trackers', { name: 'To remove', kind: 'gitlab', baseUrl: `${w.fake.url}/gitlab`, project: 'acme/old', token: 'glpat-WALK-TOKEN-DELETE' });
    remember(w, 'glpat-WALK-TOKEN-DELETE', other.webhookSecret);
    return { url: `/api/trackers/${other.id}?version=${await versionOf(t, `/api/trackers/${other.id}`)}` };
  },
};

async function seedPublished(t: TestApp) {
  const incident = await createIncident(t);
  const review = await post<Review>(t, `/api/incidents/${incident.id}/review`, {});
  await publishReview(t, review.id);
  return { review: review.id };
}

async function webhookEndpoint(t: TestApp, w: World): Promise<number> {
  const created = await post<{ id: number; secret: string }>(t, '/api/admin/webhook-endpoints', { url: 'https://hooks.example.com/other', kinds: [] });
  remember(w, created.secret);
  return created.id;
}

async function alertSource(t: TestApp, w: World): Promise<{ id: number; version: number; secret: string }> {
  const created = await post<{ id: number; version: number; secret: string }>(t, '/api/admin/alert-sources', { kind: 'opsgenie', name: 'Walk source' });
  remember(w, created.secret);
  return created;
}

/** Secrets a response shows once: remembered, so the audit log can be searched for them. */
const secretsIn = (body: unknown): unknown[] => {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  return ['token', 'secret', 'webhookSecret'].map((key) => record[key]);
};

const maxAuditId = async (t: TestApp) => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);

describe.each(databaseKinds)('the audit of every write on %s', (kind) => {
  const t = useTestApp(kind, testConfig({ HINDSIGHT_SOAK_WORKING_DAYS: '0' }));
  let fake: FakeTrackers;
  beforeAll(async () => {
    fake = await startFakeTrackers();
  });
  afterAll(() => fake.close());

  it('places every write route of the OpenAPI document in the walk or, with a reason, among the writes that are not changes of record', async () => {
    const walked = new Set([...Object.keys(reviewWrites), ...Object.keys(organisationWrites)]);
    const unplaced = (await writeRoutes(t)).filter((route) => !walked.has(route) && !(route in notChangesOfRecord));
    expect(unplaced).toEqual([]);
    expect(Object.keys(notChangesOfRecord).filter((route) => walked.has(route) && !(route in reviewWrites))).toEqual([]);
  });

  it('records an audit entry for every successful write, and never a secret', async () => {
    const ids = await seedReview(t);
    const tracker = await post<{ id: number; webhookSecret: string }>(t, '/api/trackers', { name: 'Walk', kind: 'github', baseUrl: `${fake.url}/github`, project: 'acme/walk-main', token: 'ghp_WALK_TOKEN_MAIN', isDefault: true });
    const browser = await signIn(t, (await createUser(t, { role: 'admin' })).email);
    const w: World = { ...ids, browser, tracker: tracker.id, trackerSecret: tracker.webhookSecret, fake, secrets: [] };
    remember(w, 'ghp_WALK_TOKEN_MAIN', tracker.webhookSecret, PASSWORD, browser.cookie.split('=')[1], browser.csrfToken);

    const failures: string[] = [];
    const walk = async (route: string, call: () => Promise<WriteRequest>) => {
      const request = await call().catch((error: unknown) => failures.push(`${route}: could not prepare: ${String(error).slice(0, 300)}`));
      if (typeof request === 'number') return;
      const { url, payload, headers, session } = request;
      const before = await maxAuditId(t);
      const method = route.split(' ')[0] as 'POST';
      const options = { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) };
      const response = session ? await browser.request(options) : await t.request(options);
      remember(w, ...secretsIn(response.body));
      if (response.status >= 300) failures.push(`${route}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
      else if ((await maxAuditId(t)) === before) failures.push(`${route}: ${response.status}, but no audit entry`);
    };
    for (const [route, write] of Object.entries(organisationWrites)) await walk(route, () => write(t, w));
    for (const [route, write] of Object.entries(reviewWrites as Record<string, Write>)) {
      if (!(route in notChangesOfRecord)) await walk(route, () => write(t, ids));
    }
    expect(failures).toEqual([]);

    const audit = JSON.stringify(await t.ctx.db.selectFrom('audit_log').selectAll().execute());
    expect(w.secrets.filter((secret) => audit.includes(secret))).toEqual([]);
  });
});
