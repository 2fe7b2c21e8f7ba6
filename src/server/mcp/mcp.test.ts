import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { RelatedIncidentList, SearchPage } from '../../shared/search/search.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { apiToken, signedIn } from '../../../test/support/accounts.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { callTool, mcpClient, toolJson, type McpTransportKind } from '../../../test/support/mcp.js';
import { createReview, post, publishReview } from '../../../test/support/reviews.js';

const SECRET = 'Zanzibarvault';
const tools = ['search_reviews', 'read_review', 'list_incidents', 'list_action_items', 'find_related_incidents', 'create_incident', 'add_timeline_entry', 'propose_action_item', 'comment', 'check_blameless_language'];

async function indexed(t: TestApp): Promise<void> {
  await vi.waitFor(
    async () => {
      const pending = await t.ctx.db.selectFrom('jobs').select('id').where('kind', 'like', 'search.%').where('state', 'in', ['queued', 'running']).execute();
      expect(pending).toHaveLength(0);
    },
    { timeout: 30_000, interval: 50 },
  );
}

describe.each(databaseKinds)('the MCP server on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();
  // Before the app closes (hooks run in reverse): keep-alive connections of the clients would hold it open.
  afterAll(() => t.app.server.closeAllConnections());
  const world = {} as { baseUrl: string; published: { incident: Incident; review: Review }; later: { incident: Incident; review: Review }; secret: { incident: Incident; review: Review }; responder: string; responderId: number; viewer: string };

  beforeAll(async () => {
    runner({ ...t.ctx, now: () => new Date() }, t.ctx.hooks.jobs);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const published = await createReview(t, { title: 'Database failover stalled checkout', severity: 'sev1', services: ['payments-api'], impactStartedAt: '2026-03-10T09:00:00Z' });
    await post(t, `/api/reviews/${published.review.id}/action-items`, { title: 'Add a canary check to database failover' });
    await publishReview(t, published.review.id);
    const later = await createReview(t, { title: 'Orders stalled after a database failover', severity: 'sev2', services: ['payments-api'], impactStartedAt: '2026-06-01T10:00:00Z' });
    const secret = await createReview(t, { title: `${SECRET} database failover`, severity: 'sev1', services: ['payments-api'], restricted: true, impactStartedAt: '2026-04-01T08:00:00Z' });
    await post(t, `/api/reviews/${secret.review.id}/action-items`, { title: `Rotate the ${SECRET} keys` });
    await indexed(t);
    const responder = await signedIn(t, 'responder');
    const viewer = await signedIn(t, 'viewer');
    Object.assign(world, {
      baseUrl,
      published,
      later,
      secret,
      responder: (await apiToken(t, responder)).token,
      responderId: responder.user.id,
      viewer: (await apiToken(t, viewer)).token,
    });
  }, 120_000);

  it('answers 401 to a call without an API token, or with a session cookie only', async () => {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    expect((await t.app.inject({ method: 'POST', url: '/mcp', headers, payload: initialize })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/mcp', headers: { ...headers, authorization: 'Bearer nonsense' }, payload: initialize })).statusCode).toBe(401);
    const browser = await signedIn(t, 'admin');
    expect((await t.app.inject({ method: 'POST', url: '/mcp', headers: { ...headers, cookie: browser.cookie, 'x-csrf-token': browser.csrfToken }, payload: initialize })).statusCode).toBe(401);
  });

  describe.each<McpTransportKind>(['http', 'stdio'])('over %s', (transport) => {
    const clients = {} as { responder: Client; viewer: Client };
    beforeAll(async () => {
      [clients.responder, clients.viewer] = await Promise.all([mcpClient(transport, world.baseUrl, world.responder), mcpClient(transport, world.baseUrl, world.viewer)]);
    }, 120_000);
    afterAll(async () => {
      await Promise.all(Object.values(clients).map((client) => client?.close()));
    });

    it('lists every tool, and the published reviews as resources readable as Markdown', async () => {
      const listed = await clients.responder.listTools();
      expect(listed.tools.map((tool) => tool.name).sort()).toEqual([...tools].sort());
      expect(listed.tools.every((tool) => tool.inputSchema.type === 'object' && tool.description)).toBe(true);
      const { resources } = await clients.viewer.listResources();
      expect(resources.map((r) => r.uri)).toEqual([`hindsight://reviews/${world.published.review.id}`]);
      const read = await clients.viewer.readResource({ uri: resources[0]!.uri });
      expect(read.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
      expect(JSON.stringify(read.contents[0])).toContain('Database failover stalled checkout');
    });

    it('reads with every read tool, as the REST API answers', async () => {
      const client = clients.viewer;
      const search = await toolJson<SearchPage>(client, 'search_reviews', { q: 'failover', severity: ['sev1', 'sev2'] });
      expect(search.items.map((hit) => hit.incidentId)).toContain(world.published.incident.id);
      const markdown = await callTool(client, 'read_review', { reviewId: world.published.review.id });
      expect(markdown).toMatchObject({ isError: false });
      expect(markdown.text).toMatch(/^# .*Database failover stalled checkout/m);
      const incidents = await toolJson<{ items: Incident[] }>(client, 'list_incidents', { severity: ['sev1'], service: 'payments-api' });
      expect(incidents.items.map((i) => i.id)).toContain(world.published.incident.id);
      const actions = await toolJson<{ items: ActionItem[] }>(client, 'list_action_items', { reviewId: world.published.review.id, status: ['soaking', 'proposed', 'accepted'] });
      expect(actions.items.map((a) => a.title)).toContain('Add a canary check to database failover');
      // Earlier incidents related to the later one (the restricted one, earlier too, is not among them).
      const related = await toolJson<RelatedIncidentList>(client, 'find_related_incidents', { reviewId: world.later.review.id });
      expect(related.items.map((i) => i.title)).toEqual(['Database failover stalled checkout']);
      const check = await toolJson<{ findings: Array<{ kind: string }> }>(client, 'check_blameless_language', { text: 'The operator should have known better and was careless.' });
      expect(check.findings.length).toBeGreaterThan(0);
    });

    it('writes with every write tool as the token user, audited as them', async () => {
      const client = clients.responder;
      const incident = await toolJson<Incident>(client, 'create_incident', { title: `Queue backlog via MCP ${transport}`, severity: 'sev3', services: ['queue'] });
      const entry = await toolJson<TimelineEntry>(client, 'add_timeline_entry', { incidentId: incident.id, occurredAt: '2026-07-01T10:00:00+02:00', text: 'Backlog alarm fired' });
      expect(entry).toMatchObject({ incidentId: incident.id, text: 'Backlog alarm fired', author: { userId: world.responderId } });
      const review = (await t.request<Review>({ method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: {} })).body;
      const action = await toolJson<ActionItem>(client, 'propose_action_item', { reviewId: review.id, title: 'Alert on queue age, not length' });
      // A proposal soaks before its owner decides on it (F12).
      expect(action).toMatchObject({ status: 'soaking', reviewId: review.id });
      const comment = await toolJson<{ id: number; text: string }>(client, 'comment', { reviewId: review.id, text: 'Was the alarm threshold tuned?' });
      expect(comment.text).toBe('Was the alarm threshold tuned?');
      const audited = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'entity_type']).where('incident_id', '=', incident.id).where('actor_user_id', '=', world.responderId).execute();
      expect(new Set(audited.map((row) => row.entity_type))).toEqual(new Set(['incident', 'timeline_entry', 'action_item', 'review_comment']));
    });

    it('never shows a restricted incident to a token of someone who is not its member', async () => {
      for (const client of [clients.viewer, clients.responder]) {
        const search = await callTool(client, 'search_reviews', { q: SECRET });
        expect(search.isError).toBe(false);
        const incidents = await callTool(client, 'list_incidents', {});
        const actions = await callTool(client, 'list_action_items', {});
        const related = await callTool(client, 'find_related_incidents', { reviewId: world.later.review.id });
        for (const answer of [search, incidents, actions, related]) expect(answer.text).not.toContain(SECRET);
        const read = await callTool(client, 'read_review', { reviewId: world.secret.review.id });
        expect(read).toMatchObject({ isError: true });
        expect(read.text).toMatch(/^404 /);
        expect(read.text).not.toContain(SECRET);
        const { resources } = await client.listResources();
        expect(resources.map((r) => r.name).join()).not.toContain(SECRET);
      }
      const write = await callTool(clients.responder, 'add_timeline_entry', { incidentId: world.secret.incident.id, occurredAt: '2026-04-01T09:00:00Z', text: 'Probe' });
      expect(write).toMatchObject({ isError: true });
      expect(write.text).toMatch(/^404 /);
      await expect(clients.viewer.readResource({ uri: `hindsight://reviews/${world.secret.review.id}` })).rejects.toThrow(/404/);
    });

    it('refuses every write tool to a viewer token, and changes nothing', async () => {
      const before = await t.ctx.db.selectFrom('audit_log').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const reviewId = world.published.review.id;
      const writes: Array<[string, Record<string, unknown>]> = [
        ['create_incident', { title: 'Viewer incident', severity: 'sev4' }],
        ['add_timeline_entry', { incidentId: world.published.incident.id, occurredAt: '2026-03-10T09:30:00Z', text: 'Viewer entry' }],
        ['propose_action_item', { reviewId, title: 'Viewer action' }],
        ['comment', { reviewId, text: 'Viewer comment' }],
      ];
      for (const [name, args] of writes) {
        const answer = await callTool(clients.viewer, name, args);
        expect(answer, name).toMatchObject({ isError: true });
        expect(answer.text, name).toMatch(/^403 .*responder/);
      }
      const after = await t.ctx.db.selectFrom('audit_log').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('answers malformed tool input with an MCP error result, and keeps serving', async () => {
      const malformed: Array<[string, Record<string, unknown>]> = [
        ['create_incident', { title: 'No severity' }],
        ['create_incident', { title: 'x', severity: 'sev9', unknownField: 1 }],
        ['read_review', { reviewId: 'not a number' }],
        ['read_review', { reviewId: -1 }],
        ['search_reviews', { q: 'x'.repeat(600) }],
        ['list_incidents', { severity: 'sev1' }],
        ['add_timeline_entry', { incidentId: world.published.incident.id, occurredAt: 'yesterday', text: 'x' }],
        ['check_blameless_language', {}],
      ];
      for (const [name, args] of malformed) {
        const answer = await callTool(clients.responder, name, args);
        expect(answer, `${name} ${JSON.stringify(args)}`).toMatchObject({ isError: true });
        expect(answer.text).toMatch(/invalid|Input validation/i);
      }
      // Input the schema lets through but the API refuses comes back as the API's problem.
      const stale = await callTool(clients.responder, 'read_review', { reviewId: 999_999 });
      expect(stale).toMatchObject({ isError: true });
      expect(stale.text).toMatch(/^404 /);
      expect((await clients.responder.listTools()).tools).toHaveLength(tools.length);
    });
  });
});
