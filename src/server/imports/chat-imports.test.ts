import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { ChatImportResult } from '../../shared/imports/chat/chat-import.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { slackFixture } from '../../../test/support/slack-fixture.js';

/** The fixture zipped as Slack's export is: every file under the archive's top folder. */
const archive = () => Buffer.from(zipSync(Object.fromEntries(Object.entries(slackFixture()).map(([name, text]) => [`Acme Slack export/${name}`, strToU8(text)])))).toString('base64');

describe.each(databaseKinds)('POST /api/imports/chat on %s', (kind) => {
  const t = useTestApp(kind);
  const propose = (payload: object) => t.request<ChatImportResult>({ method: 'POST', url: '/api/imports/chat', payload });

  it("proposes a Slack channel's messages within the window, and the chosen ones go on the timeline as chat entries", async () => {
    const response = await propose({ format: 'slack_export', archive: archive(), channel: 'incident-checkout', from: '2024-03-05T10:00:00Z', to: '2024-03-05T23:59:59Z', timeZone: 'Europe/Copenhagen' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.channels).toEqual(['general', 'incident-checkout']);
    expect(response.body.entries.map((e) => [e.occurredAt, e.author, e.provenance.file, e.provenance.ref])).toEqual([
      ['2024-03-05T11:02:00+01:00', 'ada', 'Acme Slack export/incident-checkout/2024-03-05.json', '1709632920.000200'],
      ['2024-03-05T11:05:00+01:00', 'Grace Hopper', 'Acme Slack export/incident-checkout/2024-03-05.json', '1709633100.000300'],
      ['2024-03-05T11:06:00+01:00', 'PagerDuty', 'Acme Slack export/incident-checkout/2024-03-05.json', '1709633160.000400'],
      ['2024-03-05T11:20:00+01:00', 'Grace Hopper', 'Acme Slack export/incident-checkout/2024-03-05.json', '1709634000.000500'],
    ]);

    const incident = (await t.request<Incident>({ method: 'POST', url: '/api/incidents', payload: { title: 'Checkout errors after deploy', severity: 'sev2' } })).body;
    const kept = [response.body.entries[0]!, response.body.entries[3]!].map((e) => e.entry);
    const added = await t.request<{ items: TimelineEntry[] }>({ method: 'POST', url: `/api/incidents/${incident.id}/timeline/batch`, payload: { entries: kept } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const timeline = (await t.request<{ items: TimelineEntry[] }>({ method: 'GET', url: `/api/incidents/${incident.id}/timeline` })).body.items;
    const file = 'Acme Slack export/incident-checkout/2024-03-05.json';
    // Each kept entry links back to its message.
    expect(timeline.filter((e) => e.source === 'chat').map((e) => [e.occurredAt, e.text, e.precision, e.provenance?.label, e.provenance?.ref])).toEqual([
      ['2024-03-05T11:02:00+01:00', 'ada: Checkout error rate is above 5% since 10:00, paging @Grace Hopper', 'exact', 'Slack #incident-checkout', `${file}#1709632920.000200`],
      ['2024-03-05T11:20:00+01:00', 'Grace Hopper: Rolled back to 4.1, error rate back to normal', 'exact', 'Slack #incident-checkout', `${file}#1709634000.000500`],
    ]);
  });

  it('reads a pasted transcript on the given day, and says when a channel is not in the archive', async () => {
    const transcript = await propose({ format: 'transcript', text: 'Ada Lovelace  10:42 AM\nCheckout is failing\nGrace Hopper  10:44 AM\nRolling back', date: '2024-07-03', timeZone: 'Europe/London' });
    expect(transcript.status).toBe(200);
    expect(transcript.body.entries.map((e) => [e.occurredAt, e.author, e.text, e.provenance.ref])).toEqual([
      ['2024-07-03T10:42:00+01:00', 'Ada Lovelace', 'Checkout is failing', 'line 1'],
      ['2024-07-03T10:44:00+01:00', 'Grace Hopper', 'Rolling back', 'line 3'],
    ]);
    expect(transcript.body.entries[1]!.entry).toEqual({
      occurredAt: '2024-07-03T10:44:00+01:00',
      kind: 'note',
      text: 'Grace Hopper: Rolling back',
      source: 'chat',
      precision: 'minute',
      provenance: { label: 'Chat transcript', ref: 'line 3', excerpt: 'Grace Hopper  10:44 AM\nRolling back' },
    });
    const missing = await propose({ format: 'slack_export', archive: archive(), channel: 'nowhere' });
    expect(missing.body).toMatchObject({ entries: [], warnings: ['The archive has no channel "nowhere" (it has general, incident-checkout).'] });
  });

  it('refuses what is not an archive with a 400 naming the field, and viewers', async () => {
    const bad = await t.request<Problem>({ method: 'POST', url: '/api/imports/chat', payload: { format: 'slack_export', archive: Buffer.from('not a zip').toString('base64') } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['archive']);
    const withoutArchive = await t.request<Problem>({ method: 'POST', url: '/api/imports/chat', payload: { format: 'slack_export', text: 'hello' } });
    expect(withoutArchive.status).toBe(400);
    expect(withoutArchive.body.errors?.map((e) => e.field)).toEqual(['archive']);
    const viewer = await t.requestAs('viewer', { method: 'POST', url: '/api/imports/chat', payload: { format: 'transcript', text: '[10:00] a: b', date: '2024-01-01' } });
    expect(viewer.status).toBe(403);
  });
});
