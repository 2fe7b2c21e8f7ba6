import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Contradiction } from '../../shared/timeline/contradictions.js';
import type { TimelineEntry, TimelineRevision } from '../../shared/timeline/timeline.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createIncident } from '../../../test/support/factories.js';

type Items<T> = { items: T[] };
const noKeyTimestamps = { impactStartedAt: null };
const transcript = { label: 'Chat transcript', ref: 'line 3', excerpt: 'Grace  11:20 AM\nRolled back checkout to 4.1' };

const api = (t: TestApp) => ({
  timeline: async (incidentId: number) => (await t.request<Items<TimelineEntry>>({ method: 'GET', url: `/api/incidents/${incidentId}/timeline` })).body.items,
  batch: (incidentId: number, entries: object[]) => t.request<Items<TimelineEntry> & Problem>({ method: 'POST', url: `/api/incidents/${incidentId}/timeline/batch`, payload: { entries } }),
  contradictions: (incidentId: number, role: 'admin' | 'responder' = 'admin') =>
    t.requestAs<Items<Contradiction> & Problem>(role, { method: 'GET', url: `/api/incidents/${incidentId}/timeline/contradictions` }),
  offset: (incidentId: number, payload: object, role: 'admin' | 'responder' | 'viewer' = 'admin') =>
    t.requestAs<Items<TimelineEntry> & Problem>(role, { method: 'POST', url: `/api/incidents/${incidentId}/timeline/clock-offset`, payload }),
  history: async (entryId: number) => (await t.request<Items<TimelineRevision>>({ method: 'GET', url: `/api/timeline/${entryId}/history` })).body.items,
});

describe.each(databaseKinds)('timeline evidence on %s', (kind) => {
  const t = useTestApp(kind);
  const a = api(t);

  it('keeps provenance and precision through create, batch and correction; manual entries default to the minute', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const manual = await t.request<TimelineEntry>({ method: 'POST', url: `/api/incidents/${incident.id}/timeline`, payload: { occurredAt: '2026-03-10T10:20:00Z', text: 'Rolled back' } });
    expect(manual.body).toMatchObject({ precision: 'minute', provenance: null });

    const added = await a.batch(incident.id, [
      { occurredAt: '2026-03-10T11:20:00Z', text: 'Grace: Rolled back checkout to 4.1', source: 'chat', precision: 'exact', provenance: transcript },
      { occurredAt: '2026-03-10T11:20:00Z', text: 'Someone restarted the cache, time not recorded', precision: 'unknown', provenance: { label: 'postmortem.md' } },
    ]);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.items.map((e) => [e.precision, e.provenance])).toEqual([
      ['exact', transcript],
      ['unknown', { label: 'postmortem.md', ref: null, excerpt: null }],
    ]);

    const [chat] = added.body.items;
    const corrected = await t.request<TimelineEntry>({ method: 'PATCH', url: `/api/timeline/${chat!.id}`, payload: { version: 1, precision: 'approximate', provenance: null } });
    expect(corrected.body).toMatchObject({ precision: 'approximate', provenance: null, version: 2 });
    const [revision] = await a.history(chat!.id);
    expect([revision!.before.precision, revision!.before.provenance, revision!.after.precision, revision!.after.provenance]).toEqual(['exact', transcript, 'approximate', null]);
  });

  it('refuses bad evidence with 400 naming the field', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const cases: Array<[object, string]> = [
      [{ occurredAt: '2026-03-10T10:20:00Z', text: 'x', precision: 'second' }, 'entries.0.precision'],
      [{ occurredAt: '2026-03-10T10:20:00Z', text: 'x', provenance: { label: '' } }, 'entries.0.provenance.label'],
      [{ occurredAt: '2026-03-10T10:20:00Z', text: 'x', provenance: { label: 'Slack', link: 'https://x' } }, 'entries.0.provenance.link'],
    ];
    for (const [entry, field] of cases) {
      const refused = await a.batch(incident.id, [entry]);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toContain(field);
    }
    const offsetCases: Array<[object, string]> = [
      [{ source: 'chat', offsetSeconds: 0, reason: 'x' }, 'offsetSeconds'],
      [{ source: 'chat', offsetSeconds: 1.5, reason: 'x' }, 'offsetSeconds'],
      [{ source: 'pager', offsetSeconds: 60, reason: 'x' }, 'source'],
      [{ source: 'chat', offsetSeconds: 60 }, 'reason'],
    ];
    for (const [payload, field] of offsetCases) {
      const refused = await a.offset(incident.id, payload);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('flags one event told at different times, and a clock offset on that source moves only its entries and settles it', async () => {
    const incident = await createIncident(t, { impactStartedAt: '2026-03-10T10:00:00Z' });
    const added = await a.batch(incident.id, [
      { occurredAt: '2026-03-10T10:20:00Z', kind: 'mitigation', text: 'Rolled back checkout to 4.1' },
      { occurredAt: '2026-03-10T11:20:00Z', text: 'Grace: rolled back checkout to 4.1', source: 'chat', provenance: transcript },
      { occurredAt: '2026-03-10T11:25:00Z', text: 'Grace: error rate back to normal', source: 'chat', provenance: { label: 'Slack #other' } },
    ]);
    const [manual, fromTranscript, fromSlack] = added.body.items;
    const flagged = await a.contradictions(incident.id);
    expect(flagged.status).toBe(200);
    expect(flagged.body.items).toEqual([expect.objectContaining({ kind: 'same_event_different_times', entryIds: [manual!.id, fromTranscript!.id] })]);

    const offset = { source: 'chat', label: 'Chat transcript', offsetSeconds: -3600, reason: 'The transcript was copied in UTC+1' };
    // The entries the caller saw must be the source's entries as they are now.
    const stalePreview = await a.offset(incident.id, { ...offset, entries: [{ id: fromTranscript!.id, version: 1 }, { id: fromSlack!.id, version: 1 }] });
    expect(stalePreview.status).toBe(409);
    expect((await a.timeline(incident.id)).find((e) => e.id === fromTranscript!.id)).toMatchObject({ version: 1, occurredAt: '2026-03-10T11:20:00Z' });
    const moved = await a.offset(incident.id, { ...offset, entries: [{ id: fromTranscript!.id, version: 1 }] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.items.map((e) => [e.id, e.occurredAt, e.version])).toEqual([[fromTranscript!.id, '2026-03-10T10:20:00Z', 2]]);
    const timeline = await a.timeline(incident.id);
    expect(timeline.find((e) => e.id === fromSlack!.id)).toMatchObject({ occurredAt: '2026-03-10T11:25:00Z', version: 1 });
    expect(timeline.find((e) => e.id === manual!.id)).toMatchObject({ version: 1 });
    expect((await a.history(fromTranscript!.id)).map((r) => [r.before.occurredAt, r.after.occurredAt, r.reason])).toEqual([
      ['2026-03-10T11:20:00Z', '2026-03-10T10:20:00Z', 'The transcript was copied in UTC+1'],
    ]);
    expect((await a.contradictions(incident.id)).body.items).toEqual([]);

    // An edit made with the version read before the offset is stale.
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/timeline/${fromTranscript!.id}`, payload: { version: 1, text: 'Late edit' } });
    expect(stale.status).toBe(409);
  });

  it("moves the incident's key timestamps with the entries that stand for them", async () => {
    const incident = await createIncident(t, { impactStartedAt: '2026-03-10T10:00:00Z', detectedAt: '2026-03-10T09:50:00Z' });
    expect((await a.contradictions(incident.id)).body.items.map((c) => c.kind)).toEqual(['key_timestamp_contradicted']);
    const moved = await a.offset(incident.id, { source: 'manual', label: null, offsetSeconds: 15 * 60, reason: 'Laptop clock was slow' });
    expect(moved.body.items.map((e) => e.keyTimestamp)).toEqual(['detectedAt', 'impactStartedAt']);
    const after = (await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incident.id}` })).body;
    expect([after.impactStartedAt, after.detectedAt]).toEqual(['2026-03-10T10:15:00Z', '2026-03-10T10:05:00Z']);
  });

  it('hides a restricted incident from non-members and refuses viewers the offset', async () => {
    const secret = await createIncident(t, { impactStartedAt: '2026-03-10T10:00:00Z', restricted: true });
    expect((await a.contradictions(secret.id, 'responder')).status).toBe(404);
    expect((await a.offset(secret.id, { source: 'manual', offsetSeconds: 60, reason: 'x' }, 'responder')).status).toBe(404);
    expect((await a.timeline(secret.id))[0]).toMatchObject({ occurredAt: '2026-03-10T10:00:00Z' });
    const open = await createIncident(t, noKeyTimestamps);
    expect((await a.offset(open.id, { source: 'manual', offsetSeconds: 60, reason: 'x' }, 'viewer')).status).toBe(403);
  });
});
