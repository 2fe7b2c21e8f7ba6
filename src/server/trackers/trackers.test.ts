import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { ReviewTrackerIssues, TrackerConnection, TrackerIssue } from '../../shared/trackers/tracker.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signedIn } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { startFakeTrackers, trackerFixture, type FakeTrackers } from '../../../test/support/fake-trackers.js';
import { githubRequestProblems, githubWebhookProblems } from '../../../test/support/github-openapi.js';
import { useRunners } from '../../../test/support/jobs.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';
import { systemActor } from '../access/actor.js';
import { createTrackerIssueJob, syncTrackerIssueStateJob } from './tracker-issue.job.js';

vi.setConfig({ testTimeout: 120_000 });

type Created = TrackerConnection & { webhookSecret: string };

const hmac = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Every request the app sent to the fake GitHub, checked against GitHub's OpenAPI description. */
function githubCalls(fake: FakeTrackers) {
  return fake.requests
    .filter((r) => r.path.startsWith('/github/'))
    .map((r) => ({ method: r.method, path: r.path.slice('/github'.length), body: r.body, ...githubRequestProblems(r.method, r.path.slice('/github'.length), r.body ?? undefined) }));
}

describe.each(databaseKinds)('tracker sync on %s', (kind) => {
  const t = useTestApp(kind);
  const runners = useRunners();
  let fake: FakeTrackers;
  beforeAll(async () => {
    fake = await startFakeTrackers();
  });
  afterAll(() => fake.close());

  const run = () => runners(t.ctx, [createTrackerIssueJob, syncTrackerIssueStateJob]);
  const connect = (body: object) => post<Created>(t, '/api/trackers', body);
  const issueOf = async (reviewId: number, itemId: number) => (await get<ReviewTrackerIssues>(t, `/api/reviews/${reviewId}/tracker-issues`)).items.find((i) => i.actionItemId === itemId);
  const waitForIssue = (reviewId: number, itemId: number, state: TrackerIssue['state']) =>
    vi.waitFor(
      async () => {
        // The harness clock stands still: move it to a retry's time so it comes due (not further: leases would end).
        const due = await t.ctx.db.selectFrom('jobs').select('run_at_ms').where('state', '=', 'queued').where('kind', 'like', 'tracker.%').execute();
        const next = Math.max(0, ...due.map((j) => Number(j.run_at_ms)));
        if (next > t.clock.now.getTime()) t.clock.now = new Date(next);
        const issue = await issueOf(reviewId, itemId);
        expect(issue?.state).toBe(state);
        return issue!;
      },
      { timeout: 15_000, interval: 50 },
    );
  const item = (id: number) => get<ActionItem>(t, `/api/action-items/${id}`);
  const webhook = (id: number, headers: Record<string, string>, payload: string) =>
    t.app.inject({ method: 'POST', url: `/api/trackers/${id}/webhook`, headers: { 'content-type': 'application/json', ...headers }, payload });

  it('refuses bad connections with problem+json naming the field, and never shows the token or the secret again', async () => {
    const bad = await t.request<Problem>({ method: 'POST', url: '/api/trackers', payload: { name: 'x', kind: 'github', baseUrl: 'not a url', project: 'a/b', token: 't' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['baseUrl']);
    const repo = await t.request<Problem>({ method: 'POST', url: '/api/trackers', payload: { name: 'x', kind: 'github', baseUrl: 'https://api.github.com', project: 'no-slash', token: 't' } });
    expect(repo.status).toBe(400);
    expect(repo.body.errors?.map((e) => e.field)).toEqual(['project']);
    const jira = await t.request<Problem>({ method: 'POST', url: '/api/trackers', payload: { name: 'x', kind: 'jira', baseUrl: 'https://x.atlassian.net', project: 'OPS', token: 't' } });
    expect(jira.body.errors?.map((e) => e.field)).toEqual(['username']);
    const kindless = await t.request<Problem>({ method: 'POST', url: '/api/trackers', payload: { name: 'x', kind: 'trello', baseUrl: 'https://x.example', project: 'a/b', token: 't' } });
    expect(kindless.body.errors?.map((e) => e.field)).toEqual(['kind']);

    const created = await connect({ name: 'Secrets', kind: 'github', baseUrl: `${fake.url}/github`, project: 'acme/secrets', token: 'ghp_SECRET_TOKEN', services: ['Vault'] });
    expect(created.webhookSecret.length).toBeGreaterThan(30);
    expect(created.services).toEqual(['vault']);
    const taken = await t.request<Problem>({ method: 'POST', url: '/api/trackers', payload: { name: 'y', kind: 'github', baseUrl: 'https://api.github.com', project: 'a/b', token: 't', services: ['vault'] } });
    expect(taken.body.errors?.map((e) => e.field)).toEqual(['services']);
    const listed = JSON.stringify((await t.request({ method: 'GET', url: '/api/trackers' })).body);
    const audit = JSON.stringify((await t.request({ method: 'GET', url: '/api/audit?limit=100' })).body);
    for (const text of [listed, audit, JSON.stringify(await get(t, `/api/trackers/${created.id}`))]) {
      expect(text).not.toContain('ghp_SECRET_TOKEN');
      expect(text).not.toContain(created.webhookSecret);
    }
    expect((await t.requestAs('responder', { method: 'GET', url: '/api/trackers' })).status).toBe(403);
    await t.request({ method: 'DELETE', url: `/api/trackers/${created.id}?version=${created.version}` });
  });

  it('GitHub: tests the connection, makes one issue per item (retried after a failure), assigns its owner, closes and reopens it both ways', async () => {
    const github = await connect({ name: 'Acme GitHub', kind: 'github', baseUrl: `${fake.url}/github`, project: 'acme/payments', token: 'ghp_test', services: ['payments'] });
    expect(await post(t, `/api/trackers/${github.id}/test`, {})).toEqual({ ok: true, message: 'Connected to acme/payments' });
    const owner = await createUser(t, { role: 'responder', name: 'Sara Lind' });
    await t.request({ method: 'PUT', url: `/api/trackers/${github.id}/people`, payload: { userId: owner.id, externalUser: 'saralind' } });

    const { incident, review } = await createReview(t, { title: 'Card payments declined', services: ['Payments'] });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on pool saturation', description: 'Page the payments on-call.', owner: { userId: owner.id }, status: 'accepted' });
    expect((await get<ReviewTrackerIssues>(t, `/api/reviews/${review.id}/tracker-issues`)).tracker).toEqual({ id: github.id, name: 'Acme GitHub', kind: 'github' });

    fake.failNext(1, 502);
    const asked = await t.requestAs<TrackerIssue>('responder', { method: 'POST', url: `/api/action-items/${created.id}/tracker-issue` });
    expect(asked.status).toBe(202);
    expect(asked.body.state).toBe('creating');
    run();
    const issue = await waitForIssue(review.id, created.id, 'open').catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(await issueOf(review.id, created.id))} ${JSON.stringify(await t.ctx.db.selectFrom('jobs').selectAll().where('kind', 'like', 'tracker.%').execute())}`);
    });
    expect(issue).toMatchObject({ kind: 'github', key: '#1', assignee: 'saralind', error: null });
    // Asked again: the same issue, no second one.
    const again = await t.requestAs<TrackerIssue>('responder', { method: 'POST', url: `/api/action-items/${created.id}/tracker-issue` });
    expect(again.status).toBe(200);
    const made = fake.issues.filter((i) => i.kind === 'github');
    const made0 = () => made[0]!;
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ title: 'Alert on pool saturation', assignee: ['saralind'] });
    expect(made[0]!.body).toContain(`${t.ctx.config.publicUrl}/reviews/${review.id}`);
    expect(made[0]!.body).toContain('Card payments declined');
    await vi.waitFor(async () => expect((await item(created.id)).externalUrl).toBe(issue.url), { timeout: 10_000 });

    // The way back: issues.closed, signed, as GitHub sends it (validated against GitHub's webhook description).
    const closed = trackerFixture('github-webhook-issues-closed.json') as { issue: Record<string, unknown> } & Record<string, unknown>;
    closed.issue = { ...closed.issue, number: 1, closed_at: '2026-03-12T10:00:00Z', updated_at: '2026-03-12T10:00:00Z' };
    expect(githubWebhookProblems('issues-closed', closed)).toEqual([]);
    const closedBody = JSON.stringify(closed);
    const signed = { 'x-github-event': 'issues', 'x-github-delivery': 'd-1', 'x-hub-signature-256': hmac(github.webhookSecret, closedBody) };
    expect((await webhook(github.id, { 'x-github-event': 'issues', 'x-github-delivery': 'd-1' }, closedBody)).statusCode).toBe(401);
    expect((await webhook(github.id, { ...signed, 'x-hub-signature-256': hmac('wrong', closedBody) }, closedBody)).statusCode).toBe(401);
    expect((await item(created.id)).status).toBe('accepted');
    made0().state = 'closed'; // what the webhook reports happened in GitHub
    const applied = await webhook(github.id, signed, closedBody);
    expect(applied.json()).toMatchObject({ outcome: 'applied' });
    expect((await item(created.id)).status).toBe('done');
    const events = await t.ctx.db.selectFrom('events').select(['type', 'actor_name', 'data']).where('type', '=', 'action_item.status_changed').execute();
    expect(events.find((e) => JSON.parse(e.data).actionItemId === created.id)?.actor_name).toBe('GitHub (Acme GitHub)');
    // The same delivery again, and an older change replayed under a new id: nothing changes.
    expect((await webhook(github.id, signed, closedBody)).json()).toMatchObject({ outcome: 'duplicate' });
    const oldReopen = JSON.stringify({ ...closed, action: 'reopened', issue: { ...closed.issue, state: 'open', closed_at: null, updated_at: '2026-03-11T10:00:00Z' } });
    expect((await webhook(github.id, { ...signed, 'x-github-delivery': 'd-old', 'x-hub-signature-256': hmac(github.webhookSecret, oldReopen) }, oldReopen)).json()).toMatchObject({ outcome: 'stale' });
    expect((await item(created.id)).status).toBe('done');
    // Reopened later: the item is open again, at the status it had.
    const reopened = { ...closed, action: 'reopened', issue: { ...closed.issue, state: 'open', closed_at: null, state_reason: 'reopened', updated_at: '2026-03-13T10:00:00Z' } };
    expect(githubWebhookProblems('issues-reopened', reopened)).toEqual([]);
    const reopenedBody = JSON.stringify(reopened);
    made0().state = 'open';
    await webhook(github.id, { ...signed, 'x-github-delivery': 'd-2', 'x-hub-signature-256': hmac(github.webhookSecret, reopenedBody) }, reopenedBody);
    expect((await item(created.id)).status).toBe('accepted');

    // Done in Hindsight: the issue is closed in GitHub.
    const current = await item(created.id);
    await patch(t, `/api/action-items/${created.id}`, { version: current.version, status: 'done' });
    await vi.waitFor(() => expect(made[0]!.state).toBe('closed'), { timeout: 15_000 });
    await waitForIssue(review.id, created.id, 'closed');

    const calls = githubCalls(fake);
    // The syncs of the reopen and of the close may overlap: each state is sent once, never twice.
    expect(calls.map((c) => c.operationId)).toEqual(['repos/get', 'issues/create', 'issues/create', 'issues/update']);
    expect(calls.flatMap((c) => c.problems.map((p) => `${c.operationId}: ${p}`))).toEqual([]);
    expect(incident.services).toEqual(['Payments']);
  });

  it('keeps a restricted incident out of the issue and out of reach of outsiders', async () => {
    const github = (await get<{ items: TrackerConnection[] }>(t, '/api/trackers')).items.find((c) => c.name === 'Acme GitHub')!;
    const { review } = await createReview(t, { title: 'SECRET breach of vault', services: ['payments'], restricted: true });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Rotate the keys', description: 'SECRET the exposed key was k-123' });
    const outsider = await signedIn(t, 'responder');
    expect((await outsider.request({ method: 'POST', url: `/api/action-items/${created.id}/tracker-issue`, payload: {} })).status).toBe(404);
    expect((await outsider.request({ method: 'GET', url: `/api/reviews/${review.id}/tracker-issues` })).status).toBe(404);
    const before = fake.issues.length;
    await post(t, `/api/action-items/${created.id}/tracker-issue`, {});
    run();
    await waitForIssue(review.id, created.id, 'open');
    const made = fake.issues[before]!;
    expect(made.title).toBe('Rotate the keys');
    expect(made.body).not.toContain('SECRET');
    expect(made.body).toContain('restricted');
    expect(github.id).toBeGreaterThan(0);
  });

  it('GitLab: makes the issue with the owner looked up, follows a signed Issue Hook, and closes the issue when the item is done', async () => {
    const gitlab = await connect({ name: 'Acme GitLab', kind: 'gitlab', baseUrl: `${fake.url}/gitlab`, project: 'acme/web', token: 'glpat-test', services: ['web'] });
    expect(await post(t, `/api/trackers/${gitlab.id}/test`, {})).toEqual({ ok: true, message: 'Connected to acme/web' });
    const owner = await createUser(t, { role: 'responder', name: 'John Smith' });
    await t.request({ method: 'PUT', url: `/api/trackers/${gitlab.id}/people`, payload: { userId: owner.id, externalUser: 'john_smith' } });
    const { review } = await createReview(t, { services: ['web'] });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Cache the home page', owner: { userId: owner.id } });
    await post(t, `/api/action-items/${created.id}/tracker-issue`, {});
    run();
    const issue = await waitForIssue(review.id, created.id, 'open');
    const made = fake.issues.find((i) => i.kind === 'gitlab')!;
    expect(made).toMatchObject({ title: 'Cache the home page', assignee: [1] });
    const createCall = fake.requests.find((r) => r.method === 'POST' && r.path === '/gitlab/api/v4/projects/acme%2Fweb/issues');
    expect(createCall?.headers['private-token']).toBe('glpat-test');

    const hook = trackerFixture('gitlab-webhook-issue-close.json') as { object_attributes: Record<string, unknown> } & Record<string, unknown>;
    hook.object_attributes = { ...hook.object_attributes, iid: Number(issue.key!.slice(1)), updated_at: '2026-03-12 10:00:00 UTC' };
    const body = JSON.stringify(hook);
    expect((await webhook(gitlab.id, { 'x-gitlab-event': 'Issue Hook', 'x-gitlab-event-uuid': 'g-1' }, body)).statusCode).toBe(401);
    expect((await webhook(gitlab.id, { 'x-gitlab-event': 'Issue Hook', 'x-gitlab-event-uuid': 'g-1', 'x-gitlab-token': 'nope' }, body)).statusCode).toBe(401);
    made.state = 'closed';
    const applied = await webhook(gitlab.id, { 'x-gitlab-event': 'Issue Hook', 'x-gitlab-event-uuid': 'g-1', 'x-gitlab-token': gitlab.webhookSecret }, body);
    expect(applied.json()).toEqual({ outcome: 'applied', detail: expect.any(String) });
    expect((await item(created.id)).status).toBe('done');

    const current = await item(created.id);
    await patch(t, `/api/action-items/${created.id}`, { version: current.version, status: 'in_progress' });
    await vi.waitFor(() => expect(made.state).toBe('open'), { timeout: 15_000 });
    expect(fake.requests.some((r) => r.method === 'PUT' && (r.body as { state_event?: string }).state_event === 'reopen')).toBe(true);
  });

  it('Jira: makes the issue in the project (ADF description), follows a signed issue_updated, and transitions the issue when the item is done', async () => {
    const jira = await connect({ name: 'Acme Jira', kind: 'jira', baseUrl: `${fake.url}/jira`, project: 'OPS', username: 'bot@example.com', token: 'jira-token', isDefault: true });
    expect(await post(t, `/api/trackers/${jira.id}/test`, {})).toMatchObject({ ok: true });
    const { review } = await createReview(t, { services: ['search'] });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Shard the search index', description: 'Two shards at least.' });
    await post(t, `/api/action-items/${created.id}/tracker-issue`, {});
    run();
    const issue = await waitForIssue(review.id, created.id, 'open');
    expect(issue.key).toMatch(/^OPS-\d+$/);
    const createCall = fake.requests.find((r) => r.method === 'POST' && r.path === '/jira/rest/api/3/issue')!;
    const fields = (createCall.body as { fields: Record<string, unknown> }).fields;
    expect(fields).toMatchObject({ project: { key: 'OPS' }, summary: 'Shard the search index', issuetype: { name: 'Task' }, description: { type: 'doc', version: 1 } });
    expect(createCall.headers.authorization).toBe(`Basic ${Buffer.from('bot@example.com:jira-token').toString('base64')}`);

    const updated = trackerFixture('jira-webhook-issue-updated.json') as { issue: Record<string, unknown> } & Record<string, unknown>;
    const externalId = String(10000 + Number(issue.key!.split('-')[1]));
    const body = JSON.stringify({ ...updated, timestamp: Date.parse('2026-03-12T10:00:00Z'), issue: { ...updated.issue, id: externalId, key: issue.key } });
    expect((await webhook(jira.id, { 'x-atlassian-webhook-identifier': 'j-1' }, body)).statusCode).toBe(401);
    fake.issues.find((i) => i.kind === 'jira')!.state = 'closed';
    const applied = await webhook(jira.id, { 'x-atlassian-webhook-identifier': 'j-1', 'x-hub-signature': hmac(jira.webhookSecret, body) }, body);
    expect(applied.json()).toEqual({ outcome: 'applied', detail: expect.any(String) });
    expect((await item(created.id)).status).toBe('done');

    const current = await item(created.id);
    await patch(t, `/api/action-items/${created.id}`, { version: current.version, status: 'accepted' });
    const made = fake.issues.find((i) => i.kind === 'jira')!;
    await vi.waitFor(() => expect(made.state).toBe('open'), { timeout: 15_000 });
  });

  it('sends a state once when two syncs of one item run at the same moment, and the other state after it', async () => {
    const github = (await get<{ items: TrackerConnection[] }>(t, '/api/trackers')).items.find((c) => c.name === 'Acme GitHub')!;
    const { review } = await createReview(t, { services: ['payments'] });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Add a canary', status: 'accepted' });
    await post(t, `/api/action-items/${created.id}/tracker-issue`, {});
    const runner = run();
    const issue = await waitForIssue(review.id, created.id, 'open');
    await runner.stop();
    await patch(t, `/api/action-items/${created.id}`, { version: (await item(created.id)).version, status: 'done' });
    const updates = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/github/') && r.path.endsWith(`/issues/${issue.key!.slice(1)}`)).map((r) => (r.body as { state: string }).state);
    // Two jobs of the same transition (a retried event, two instances), run by hand so they surely overlap.
    const sync = (id: number) =>
      syncTrackerIssueStateJob.run({ id, kind: syncTrackerIssueStateJob.kind, payload: { actionItemId: created.id }, attempt: 1, idempotencyKey: `overlap-${id}`, ctx: { ...t.ctx, actor: systemActor }, once: (_, work) => work(), signal: new AbortController().signal });
    await Promise.all([sync(900_001), sync(900_002)]);
    expect(updates()).toEqual(['closed']);
    expect(github.id).toBeGreaterThan(0);
    await waitForIssue(review.id, created.id, 'closed');

    // Reopened while a close is still being sent: the reopen waits (a retry), then sends its state once.
    await patch(t, `/api/action-items/${created.id}`, { version: (await item(created.id)).version, status: 'accepted' });
    await t.ctx.db.updateTable('tracker_issues').set({ sync_state: 'closed', sync_job_id: 900_003, sync_until_ms: t.clock.now.getTime() + 60_000 }).where('action_item_id', '=', created.id).execute();
    await expect(sync(900_004)).rejects.toThrow('Another job is sending "closed"');
    expect(updates()).toEqual(['closed']);
    // The claim of a job that died lapses; the waiting job then takes it.
    t.clock.now = new Date(t.clock.now.getTime() + 60_001);
    await sync(900_004);
    expect(updates()).toEqual(['closed', 'open']);
    expect(await t.ctx.db.selectFrom('tracker_issues').select(['state', 'sync_state', 'sync_job_id']).where('action_item_id', '=', created.id).executeTakeFirst()).toEqual({ state: 'open', sync_state: null, sync_job_id: null });
  });

  it('answers 409 when no tracker serves the incident and none is the default', async () => {
    const list = (await get<{ items: TrackerConnection[] }>(t, '/api/trackers')).items;
    for (const c of list.filter((c) => c.isDefault)) await patch(t, `/api/trackers/${c.id}`, { version: c.version, isDefault: false });
    const { review } = await createReview(t, { services: ['nowhere'] });
    const created = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Something' });
    const refused = await t.request<Problem>({ method: 'POST', url: `/api/action-items/${created.id}/tracker-issue` });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('Settings → Trackers');
  });
});
