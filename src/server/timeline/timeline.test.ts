import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Metric } from '../../shared/reviews/review-metrics.js';
import type { TimelineComment, TimelineEntry, TimelineRevision } from '../../shared/timeline/timeline.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createIncident } from '../../../test/support/factories.js';

type Items<T> = { items: T[] };

const api = (t: TestApp) => ({
  timeline: async (incidentId: number, query = '') => {
    const response = await t.request<Items<TimelineEntry>>({ method: 'GET', url: `/api/incidents/${incidentId}/timeline${query}` });
    expect(response.status).toBe(200);
    return response.body.items;
  },
  add: async (incidentId: number, payload: object) => {
    const response = await t.request<TimelineEntry>({ method: 'POST', url: `/api/incidents/${incidentId}/timeline`, payload });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  },
  batch: (incidentId: number, entries: object[]) =>
    t.request<Items<TimelineEntry>>({ method: 'POST', url: `/api/incidents/${incidentId}/timeline/batch`, payload: { entries } }),
  patch: <T = TimelineEntry>(entryId: number, payload: object) => t.request<T>({ method: 'PATCH', url: `/api/timeline/${entryId}`, payload }),
  history: async (entryId: number) =>
    (await t.request<Items<TimelineRevision>>({ method: 'GET', url: `/api/timeline/${entryId}/history` })).body.items,
  incident: async (id: number) => (await t.request<Incident>({ method: 'GET', url: `/api/incidents/${id}` })).body,
});

const noKeyTimestamps = { impactStartedAt: null };
/** Entries, comments and corrections name their author as the user who made them. */
const harnessAdmin = { userId: expect.any(Number), name: 'Harness admin' };

describe.each(databaseKinds)('timeline on %s', (kind) => {
  const t = useTestApp(kind);
  const a = api(t);

  it('creates, reads, corrects and deletes an entry, keeping the timestamp exactly as given', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const created = await a.add(incident.id, { occurredAt: '2026-03-10T09:05:30.125+01:00', kind: 'action', text: 'Rolled back deploy 4411', source: 'deploy' });
    expect(created).toMatchObject({
      id: expect.any(Number),
      incidentId: incident.id,
      occurredAt: '2026-03-10T09:05:30.125+01:00',
      kind: 'action',
      text: 'Rolled back deploy 4411',
      author: harnessAdmin,
      source: 'deploy',
      keyTimestamp: null,
      commentCount: 0,
      deleted: false,
      version: 1,
    });
    expect((await t.request<TimelineEntry>({ method: 'GET', url: `/api/timeline/${created.id}` })).body).toEqual(created);

    const minimal = await a.add(incident.id, { occurredAt: '2026-03-10T08:00:00Z', text: 'Someone noticed' });
    expect(minimal).toMatchObject({ kind: 'note', source: 'manual' });

    const corrected = await a.patch(created.id, { version: 1, text: 'Rolled back deploy 4412', kind: 'mitigation' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ text: 'Rolled back deploy 4412', kind: 'mitigation', version: 2, occurredAt: created.occurredAt });

    const deleted = await t.request<TimelineEntry>({ method: 'DELETE', url: `/api/timeline/${created.id}?version=2&reason=Duplicate` });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: true, version: 3 });
    expect((await a.timeline(incident.id)).map((e) => e.id)).toEqual([minimal.id]);
    expect((await a.timeline(incident.id, '?includeDeleted=true')).map((e) => e.id)).toEqual([minimal.id, created.id]);

    const history = await a.history(created.id);
    expect(history.map((r) => [r.before.text, r.after.text, r.after.deleted, r.reason])).toEqual([
      ['Rolled back deploy 4411', 'Rolled back deploy 4412', false, null],
      ['Rolled back deploy 4412', 'Rolled back deploy 4412', true, 'Duplicate'],
    ]);
    const again = await a.patch<Problem>(created.id, { version: 3, text: 'Too late' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
  });

  it('lists in time order whatever the insertion order, comparing instants rather than strings', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const times = [
      '2026-03-10T10:30:00+02:00', // 08:30Z: sorts last as a string
      '2026-03-10T09:00:00Z',
      '2026-03-10T08:45:00.500Z',
      '2026-03-10T09:15:00+01:00', // 08:15Z
      '2026-03-09T23:59:00-09:00', // 08:59Z on the 10th, though its date says the 9th
      '2026-03-10T08:15:00Z', // the same instant as +01:00 above: the older id comes first
    ];
    await a.add(incident.id, { occurredAt: times[0], text: 'first added' });
    const batch = await a.batch(incident.id, times.slice(1).map((occurredAt, i) => ({ occurredAt, text: `batch ${i}` })));
    expect(batch.status).toBe(201);
    const expected = [...times].sort((x, y) => Date.parse(x) - Date.parse(y) || times.indexOf(x) - times.indexOf(y));
    expect([...times].sort()).not.toEqual(expected);
    expect(batch.body.items.map((e) => e.occurredAt)).toEqual(expected.filter((x) => x !== times[0]));
    const listed = await a.timeline(incident.id);
    expect(listed.map((e) => e.occurredAt)).toEqual(expected);

    // Moving an entry moves it in the list.
    const last = listed.at(-1)!;
    await a.patch(last.id, { version: 1, occurredAt: '2026-03-10T07:00:00-01:00' });
    expect((await a.timeline(incident.id))[0]!.id).toBe(last.id);
  });

  it('keeps the full history of corrections: who, when, before and after', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const entry = await a.add(incident.id, { occurredAt: '2026-03-10T09:00:00+01:00', kind: 'signal', text: 'Error rate up' });
    t.clock.now = new Date('2026-03-11T10:00:00Z');
    await a.patch(entry.id, { version: 1, occurredAt: '2026-03-10T08:55:00+01:00', reason: 'Grafana shows it earlier' });
    t.clock.now = new Date('2026-03-11T11:00:00Z');
    await a.patch(entry.id, { version: 2, text: 'Error rate up on checkout', source: 'alert' });
    t.clock.now = new Date();

    const history = await a.history(entry.id);
    expect(history).toEqual([
      {
        id: expect.any(Number),
        entryId: entry.id,
        author: harnessAdmin,
        changedAt: '2026-03-11T10:00:00.000Z',
        before: { occurredAt: '2026-03-10T09:00:00+01:00', kind: 'signal', text: 'Error rate up', source: 'manual', keyTimestamp: null, deleted: false, precision: 'minute', provenance: null },
        after: { occurredAt: '2026-03-10T08:55:00+01:00', kind: 'signal', text: 'Error rate up', source: 'manual', keyTimestamp: null, deleted: false, precision: 'minute', provenance: null },
        reason: 'Grafana shows it earlier',
      },
      {
        id: expect.any(Number),
        entryId: entry.id,
        author: harnessAdmin,
        changedAt: '2026-03-11T11:00:00.000Z',
        before: expect.objectContaining({ occurredAt: '2026-03-10T08:55:00+01:00', text: 'Error rate up', source: 'manual' }),
        after: expect.objectContaining({ occurredAt: '2026-03-10T08:55:00+01:00', text: 'Error rate up on checkout', source: 'alert' }),
        reason: null,
      },
    ]);

    // A correction that changes nothing is not a correction.
    const same = await a.patch(entry.id, { version: 3, text: 'Error rate up on checkout' });
    expect(same.body.version).toBe(3);
    expect(await a.history(entry.id)).toHaveLength(2);
  });

  it('refuses a stale correction or deletion with 409 and the current entry, losing nothing', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const entry = await a.add(incident.id, { occurredAt: '2026-03-10T09:00:00Z', text: 'Paged the DB team' });
    expect((await a.patch(entry.id, { version: 1, text: 'Paged the database team' })).status).toBe(200);

    const stale = await a.patch<Problem>(entry.id, { version: 1, text: 'Paged the DBA on call' });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: entry.id, text: 'Paged the database team', version: 2 } });
    const staleDelete = await t.request<Problem>({ method: 'DELETE', url: `/api/timeline/${entry.id}?version=1` });
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.current).toMatchObject({ deleted: false, version: 2 });

    expect((await a.timeline(incident.id))[0]).toMatchObject({ text: 'Paged the database team', version: 2 });
    expect(await a.history(entry.id)).toHaveLength(1);
  });

  it('keeps comments on an entry and counts them in the timeline', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const [first, second] = (await a.batch(incident.id, [
      { occurredAt: '2026-03-10T09:00:00Z', text: 'Alert fired', kind: 'signal', source: 'alert' },
      { occurredAt: '2026-03-10T09:10:00Z', text: 'Acknowledged', kind: 'escalation' },
    ])).body.items;
    for (const text of ['Was this the first alert?', 'Yes, the SLO burn alert']) {
      const response = await t.request<TimelineComment>({ method: 'POST', url: `/api/timeline/${first!.id}/comments`, payload: { text } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ entryId: first!.id, author: harnessAdmin, text, createdAt: expect.any(String) });
    }
    const comments = await t.request<Items<TimelineComment>>({ method: 'GET', url: `/api/timeline/${first!.id}/comments` });
    expect(comments.body.items.map((c) => c.text)).toEqual(['Was this the first alert?', 'Yes, the SLO burn alert']);
    expect((await a.timeline(incident.id)).map((e) => [e.id, e.commentCount])).toEqual([
      [first!.id, 2],
      [second!.id, 0],
    ]);
    expect((await t.request<TimelineEntry>({ method: 'GET', url: `/api/timeline/${first!.id}` })).body.commentCount).toBe(2);
  });

  describe('key timestamps', () => {
    const keyEntries = async (incidentId: number) =>
      (await a.timeline(incidentId)).filter((e) => e.keyTimestamp).map((e) => [e.keyTimestamp, e.kind, e.occurredAt]);

    it("puts the incident's key timestamps in the timeline and follows their changes", async () => {
      const incident = await createIncident(t, { impactStartedAt: '2026-03-10T09:00:00+01:00', detectedAt: '2026-03-10T08:20:00Z' });
      expect(await keyEntries(incident.id)).toEqual([
        ['impactStartedAt', 'signal', '2026-03-10T09:00:00+01:00'],
        ['detectedAt', 'detection', '2026-03-10T08:20:00Z'],
      ]);

      // A moved timestamp moves its entry, keeping text edited in the timeline; a cleared one removes it.
      const detection = (await a.timeline(incident.id)).find((e) => e.keyTimestamp === 'detectedAt')!;
      await a.patch(detection.id, { version: 1, text: 'Detected by the checkout SLO alert' });
      await t.request({
        method: 'PATCH',
        url: `/api/incidents/${incident.id}`,
        payload: { version: incident.version, detectedAt: '2026-03-10T09:25:00+01:00', respondedAt: '2026-03-10T08:30:00Z' },
      });
      const moved = (await a.timeline(incident.id)).find((e) => e.id === detection.id)!;
      expect(moved).toMatchObject({ occurredAt: '2026-03-10T09:25:00+01:00', text: 'Detected by the checkout SLO alert', kind: 'detection' });
      expect((await a.history(detection.id)).at(-1)).toMatchObject({
        before: { occurredAt: '2026-03-10T08:20:00Z', text: 'Detected by the checkout SLO alert' },
        after: { occurredAt: '2026-03-10T09:25:00+01:00' },
        reason: "The incident's detectedAt changed",
      });

      const current = await a.incident(incident.id);
      await t.request({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: current.version, detectedAt: null } });
      await t.request({ method: 'POST', url: `/api/incidents/${incident.id}/resolve`, payload: { resolvedAt: '2026-03-10T11:00:00+01:00' } });
      expect(await keyEntries(incident.id)).toEqual([
        ['impactStartedAt', 'signal', '2026-03-10T09:00:00+01:00'],
        ['respondedAt', 'escalation', '2026-03-10T08:30:00Z'],
        // Resolving does not invent a mitigation time: none was recorded, so none is listed.
        ['resolvedAt', 'resolution', '2026-03-10T11:00:00+01:00'],
      ]);
      expect((await t.request<TimelineEntry>({ method: 'GET', url: `/api/timeline/${detection.id}` })).body).toMatchObject({ deleted: true, keyTimestamp: null });

      // Setting it again creates a fresh entry; events that change no timestamp write nothing to the timeline.
      const again = await a.incident(incident.id);
      await t.request({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: again.version, detectedAt: '2026-03-10T08:21:00Z' } });
      const before = await a.timeline(incident.id, '?includeDeleted=true');
      await t.request({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'database' } });
      expect(await a.timeline(incident.id, '?includeDeleted=true')).toEqual(before);
      expect(before.filter((e) => e.keyTimestamp === 'detectedAt')).toHaveLength(1);
    });

    it("moves the incident's timestamp when its entry is corrected, in the same change", async () => {
      const incident = await createIncident(t, { impactStartedAt: '2026-03-10T09:00:00+01:00' });
      const signal = (await a.timeline(incident.id)).find((e) => e.keyTimestamp === 'impactStartedAt')!;
      const corrected = await a.patch(signal.id, { version: signal.version, occurredAt: '2026-03-10T07:40:00Z', reason: 'Logs show errors from 07:40' });
      expect(corrected.status).toBe(200);
      const after = await a.incident(incident.id);
      expect(after.impactStartedAt).toBe('2026-03-10T07:40:00Z');
      expect(after.version).toBeGreaterThan(incident.version);
      expect((await a.history(signal.id)).map((r) => r.reason)).toEqual(['Logs show errors from 07:40']);
      expect(await keyEntries(incident.id)).toEqual([['impactStartedAt', 'signal', '2026-03-10T07:40:00Z']]);

      // The incident's list order follows the corrected start.
      const listed = await t.request<Items<Incident>>({ method: 'GET', url: `/api/incidents?to=${encodeURIComponent('2026-03-10T07:45:00Z')}&limit=200` });
      expect(listed.body.items.map((i) => i.id)).toContain(incident.id);

      // A stale incident edit is refused rather than undoing the correction.
      const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: incident.version, title: 'x' } });
      expect(stale.status).toBe(409);

      // The entry stands for the incident's timestamp: it is cleared there, not deleted here.
      const refused = await t.request<Problem>({ method: 'DELETE', url: `/api/timeline/${signal.id}?version=${corrected.body.version}` });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/impactStartedAt/);
    });
  });

  it('keeps an incident and its key entries in step under concurrent edits from both sides', async () => {
    const incident = await createIncident(t, { detectedAt: '2026-03-10T08:10:00Z' });
    const detection = (await a.timeline(incident.id)).find((e) => e.keyTimestamp === 'detectedAt')!;
    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const minute = String(11 + round * 2).padStart(2, '0');
      const [current, entry] = await Promise.all([a.incident(incident.id), t.request<TimelineEntry>({ method: 'GET', url: `/api/timeline/${detection.id}` })]);
      const responses = await Promise.all([
        t.request({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: current.version, detectedAt: `2026-03-10T08:${minute}:00Z` } }),
        a.patch(detection.id, { version: entry.body.version, occurredAt: `2026-03-10T09:${minute}:30+01:00` }),
        t.request({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: `round-${round}` } }),
        a.patch(detection.id, { version: entry.body.version, text: `Detected, round ${round}` }),
      ]);
      statuses.push(...responses.map((r) => r.status));
      const [after, key] = await Promise.all([a.incident(incident.id), t.request<TimelineEntry>({ method: 'GET', url: `/api/timeline/${detection.id}` })]);
      expect(key.body.occurredAt).toBe(after.detectedAt);
    }
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
  });

  describe('metrics', () => {
    const metrics = async (incidentId: number) => {
      const response = await t.request<Items<Metric>>({ method: 'GET', url: `/api/incidents/${incidentId}/metrics` });
      expect(response.status).toBe(200);
      return Object.fromEntries(response.body.items.map((m) => [m.key, m]));
    };

    it('computes every metric from complete key timestamps', async () => {
      const incident = await createIncident(t, {
        impactStartedAt: '2026-03-10T09:00:00+01:00',
        detectedAt: '2026-03-10T08:05:00Z',
        respondedAt: '2026-03-10T09:15:00+01:00',
        mitigatedAt: '2026-03-10T08:45:00Z',
        resolvedAt: '2026-03-10T11:00:00+01:00',
        status: 'resolved',
      });
      const m = await metrics(incident.id);
      const minutes = (key: string) => (m[key]!.status === 'known' ? (m[key] as { milliseconds: number }).milliseconds / 60_000 : m[key]!.status);
      expect(['timeToDetect', 'timeToRespond', 'detectionToResponseGap', 'timeToMitigate', 'timeToResolve', 'totalDuration'].map(minutes)).toEqual([
        5, 15, 10, 45, 120, 120,
      ]);
      expect(m.timeToDetect).toMatchObject({ derivedFromTimeline: false, from: '2026-03-10T09:00:00+01:00', to: '2026-03-10T08:05:00Z' });
    });

    it('falls back to the timeline for missing timestamps and says what is unknown', async () => {
      const incident = await createIncident(t, { impactStartedAt: '2026-03-10T08:00:00Z' });
      await a.batch(incident.id, [
        { occurredAt: '2026-03-10T09:12:00+01:00', kind: 'detection', text: 'Alert fired' },
        { occurredAt: '2026-03-10T08:30:00Z', kind: 'detection', text: 'Second alert' },
      ]);
      const m = await metrics(incident.id);
      expect(m.timeToDetect).toMatchObject({ status: 'known', milliseconds: 12 * 60_000, derivedFromTimeline: true, to: '2026-03-10T09:12:00+01:00' });
      expect(m.timeToRespond).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/Responded time is missing/) });
      expect(m.totalDuration).toMatchObject({ status: 'unknown' });
    });

    it('reports contradictory timestamps instead of negative durations', async () => {
      const incident = await createIncident(t, { impactStartedAt: '2026-03-10T10:20:00+01:00', detectedAt: '2026-03-10T09:05:00Z' });
      const m = await metrics(incident.id);
      expect(m.timeToDetect).toMatchObject({ status: 'contradictory', reason: expect.stringMatching(/before impact started/) });
    });

    it('answers 404 for an unknown incident', async () => {
      expect((await t.request<Problem>({ method: 'GET', url: '/api/incidents/999999/metrics' })).body.code).toBe('not_found');
    });
  });

  describe('bad input', () => {
    const expectField = (response: { status: number; body: unknown; headers: Record<string, unknown> }, field: string) => {
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((response.body as Problem).errors?.map((e) => e.field)).toContain(field);
    };

    it('names the offending field and writes nothing', async () => {
      const incident = await createIncident(t, noKeyTimestamps);
      const url = `/api/incidents/${incident.id}/timeline`;
      expectField(await t.request({ method: 'POST', url, payload: { occurredAt: '2026-03-10 09:00', text: 'x' } }), 'occurredAt');
      expectField(await t.request({ method: 'POST', url, payload: { occurredAt: '2026-03-10T09:00:00Z', text: 'x', kind: 'incident' } }), 'kind');
      expectField(await t.request({ method: 'POST', url, payload: { occurredAt: '2026-03-10T09:00:00Z', text: '   ' } }), 'text');
      expectField(await t.request({ method: 'POST', url, payload: { occurredAt: '2026-03-10T09:00:00Z', text: 'x', author: 'me' } }), 'author');
      const valid = { occurredAt: '2026-03-10T09:00:00Z', text: 'ok' };
      expectField(await a.batch(incident.id, [valid, { ...valid, source: 'pager' }]), 'entries.1.source');
      expectField(await a.batch(incident.id, Array.from({ length: 501 }, () => valid)), 'entries');
      expectField(await a.batch(incident.id, []), 'entries');
      expect(await a.timeline(incident.id)).toEqual([]);

      const entry = await a.add(incident.id, valid);
      expectField(await a.patch(entry.id, { text: 'no version' }), 'version');
      expectField(await a.patch(entry.id, { version: 1, occurredAt: 'yesterday' }), 'occurredAt');
      expectField(await t.request({ method: 'DELETE', url: `/api/timeline/${entry.id}` }), 'version');
      expectField(await t.request({ method: 'POST', url: `/api/timeline/${entry.id}/comments`, payload: { text: '' } }), 'text');
      expectField(await t.request({ method: 'GET', url: '/api/timeline/abc/history' }), 'entryId');
      expect((await t.request({ method: 'GET', url: `/api/timeline/${entry.id}` })).body).toEqual(entry);
    });

    it('answers 404 for unknown incidents and entries', async () => {
      for (const [method, url, payload] of [
        ['GET', '/api/incidents/999999/timeline'],
        ['POST', '/api/incidents/999999/timeline', { occurredAt: '2026-03-10T09:00:00Z', text: 'x' }],
        ['GET', '/api/timeline/999999'],
        ['PATCH', '/api/timeline/999999', { version: 1, text: 'x' }],
        ['DELETE', '/api/timeline/999999?version=1'],
        ['GET', '/api/timeline/999999/history'],
        ['GET', '/api/timeline/999999/comments'],
        ['POST', '/api/timeline/999999/comments', { text: 'x' }],
      ] as const) {
        const response = await t.request<Problem>({ method, url, ...(payload ? { payload } : {}) });
        expect(response.status, `${method} ${url}`).toBe(404);
        expect(response.body.code).toBe('not_found');
      }
    });
  });

  it('lists 2,000 entries quickly, in order, with their comment counts', async () => {
    const incident = await createIncident(t, noKeyTimestamps);
    const start = Date.parse('2026-03-10T00:00:00Z');
    const offsetMinutes = [0, 120, -300, 330];
    const inOffset = (ms: number, minutes: number) => {
      const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      return minutes === 0 ? `${local}Z` : `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    };
    for (let b = 0; b < 4; b++) {
      const entries = Array.from({ length: 500 }, (_, i) => {
        const n = (i * 7919 + b * 131) % 2000; // scrambled insertion order, offsets mixed
        return { occurredAt: inOffset(start + n * 60_000, offsetMinutes[(i + b) % 4]!), text: `Entry ${n} of batch ${b}` };
      });
      expect((await a.batch(incident.id, entries)).status).toBe(201);
    }
    const someEntry = (await a.timeline(incident.id))[10]!;
    await t.request({ method: 'POST', url: `/api/timeline/${someEntry.id}/comments`, payload: { text: 'Why here?' } });

    const listed = await a.timeline(incident.id);
    expect(listed).toHaveLength(2000);
    const instants = listed.map((e) => Date.parse(e.occurredAt));
    expect(instants).toEqual([...instants].sort((x, y) => x - y));
    expect(listed.filter((e) => e.commentCount > 0).map((e) => e.id)).toEqual([someEntry.id]);
  });
});
