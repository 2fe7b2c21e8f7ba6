import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { ChatImportResult } from '../../shared/imports/chat/chat-import.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';

/**
 * Slack as a timeline source: a local server answers the Web API methods with Slack's documented
 * examples (test/fixtures/slack-api/responses.json); every request is checked for the bot token.
 */
const responses = JSON.parse(readFileSync(new URL('../../../test/fixtures/slack-api/responses.json', import.meta.url), 'utf8')) as Record<string, unknown> & { users: Record<string, unknown> };
const TOKEN = 'xoxb-test-token';
const WINDOW = { from: '2016-12-28T00:00:00Z', to: '2017-12-31T00:00:00Z' };

interface Call {
  method: string;
  params: Record<string, string>;
}

function slackServer(calls: Call[]): Server {
  return createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const params = Object.fromEntries(new URLSearchParams(body));
      calls.push({ method, params });
      const send = (payload: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return send({ ok: false, error: 'invalid_auth' });
      if (params.channel === 'CMISSING') return send(responses.channelNotFound);
      if (method === 'conversations.history') return send(params.cursor ? responses.historyLastPage : responses.historyFirstPage);
      if (method === 'conversations.replies') return send(responses.replies);
      if (method === 'users.info') return send(responses.users[params.user!] ?? responses.userNotFound);
      return send({ ok: false, error: 'unknown_method' });
    });
  });
}

describe.each(databaseKinds)('Slack as a timeline source on %s', (kind) => {
  const config = testConfig({ HINDSIGHT_SLACK_TOKEN: TOKEN });
  const t = useTestApp(kind, config);
  const calls: Call[] = [];
  const server = slackServer(calls);
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    config.slack.apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const propose = (payload: object) => t.request<ChatImportResult & Problem>({ method: 'POST', url: '/api/imports/chat', payload });

  it("reads a channel's messages and threads in the window into proposed entries, which go on the timeline with their provenance", async () => {
    calls.length = 0;
    const response = await propose({ format: 'slack_api', channel: 'C0INCIDENT', ...WINDOW, timeZone: 'UTC' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.entries.map((e) => [e.occurredAt, e.author, e.text, e.provenance.ref])).toEqual([
      ['2016-12-28T21:22:17Z', 'U061F7AUR', 'island', '1482960137.003543'],
      ['2016-12-29T18:53:23Z', 'U061F7AUR', 'one island', '1483037603.017503 (thread 1482960137.003543)'],
      ['2016-12-29T22:51:49Z', 'U061F7AUR', 'two island', '1483051909.018632 (thread 1482960137.003543)'],
      ['2016-12-30T19:15:39Z', 'U061F7AUR', 'three for the land @spengler', '1483125339.020269 (thread 1482960137.003543)'],
      ['2017-11-30T23:52:30Z', 'spengler', 'I find you punny and would like to smell your nose letter', '1512085950.000216'],
      ['2017-12-01T05:00:34Z', 'Peter Venkman', 'What, you want to smell my shoes better?', '1512104434.000490'],
    ]);
    expect(response.body.channels).toEqual(['C0INCIDENT']);
    // The window went to Slack as epoch seconds; the second history page was asked with the first's cursor.
    const history = calls.filter((c) => c.method === 'conversations.history');
    expect(history.map((c) => [c.params.channel, c.params.oldest, c.params.latest, c.params.cursor ?? null])).toEqual([
      ['C0INCIDENT', String(Date.parse(WINDOW.from) / 1000), String(Date.parse(WINDOW.to) / 1000), null],
      ['C0INCIDENT', String(Date.parse(WINDOW.from) / 1000), String(Date.parse(WINDOW.to) / 1000), 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz'],
    ]);
    expect(calls.filter((c) => c.method === 'conversations.replies').map((c) => c.params.ts)).toEqual(['1482960137.003543']);

    const incident = (await t.request<Incident>({ method: 'POST', url: '/api/incidents', payload: { title: 'Island outage', severity: 'sev3' } })).body;
    const kept = [response.body.entries[1]!.entry];
    expect((await t.request({ method: 'POST', url: `/api/incidents/${incident.id}/timeline/batch`, payload: { entries: kept } })).status).toBe(201);
    const [entry] = (await t.request<{ items: TimelineEntry[] }>({ method: 'GET', url: `/api/incidents/${incident.id}/timeline` })).body.items.filter((e) => e.source === 'chat');
    expect(entry).toMatchObject({ occurredAt: '2016-12-29T18:53:23Z', text: 'U061F7AUR: one island', precision: 'exact', provenance: { label: 'Slack #C0INCIDENT', ref: 'C0INCIDENT#1483037603.017503 (thread 1482960137.003543)', excerpt: 'one island' } });
  });

  it('names the field: the channel and window are required, an unknown channel is the channel’s problem', async () => {
    const missing = await propose({ format: 'slack_api' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field).sort()).toEqual(['channel', 'from', 'to']);
    const unknown = await propose({ format: 'slack_api', channel: 'CMISSING', ...WINDOW });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.field)).toEqual(['channel']);
    expect(unknown.body.detail).toContain('channel_not_found');
  });
});

describe('Slack as a timeline source, not connected', () => {
  const t = useTestApp('sqlite');
  it('answers 400 naming the format when no bot token is configured', async () => {
    const response = await t.request<Problem>({ method: 'POST', url: '/api/imports/chat', payload: { format: 'slack_api', channel: 'C1', ...WINDOW } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual(['format']);
    expect(response.body.detail).toContain('HINDSIGHT_SLACK_TOKEN');
  });
});
