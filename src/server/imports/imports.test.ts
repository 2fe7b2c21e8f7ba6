import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { ImportResult } from '../../shared/imports/import.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import type { Attachment } from '../../shared/attachments/attachment.schema.js';
import { AppError } from '../../shared/errors.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { AppHooks } from '../context.js';
import { eventJob } from '../events/event-jobs.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';

/** A postmortem written for this test: front matter, a BST timeline with an unknown time, a pasted log, checkboxes. */
const document = {
  name: '2024-07-03-checkout-latency.md',
  content: [
    '---',
    'title: Checkout latency spike',
    'severity: SEV-2',
    'services: [checkout, payments]',
    '---',
    '',
    '## Summary',
    'Checkout requests were slow for forty minutes.',
    '',
    '## Timeline',
    'All times in BST.',
    '',
    '- 2024-07-03 09:12 - Latency alert fires',
    '- 09:20 - Rollback starts',
    '  and finishes quickly',
    '- [???] Cache warm-up completes',
    '',
    '```',
    '2024-07-03 09:15:01 ERROR upstream timeout',
    '```',
    '',
    '## Action items',
    '- [x] Add a latency objective alert',
    '- [ ] Load test the cache warm-up',
    '',
    '## Contributing factors',
    '- The cache was cold after the deploy',
    '',
    '## What went well',
    '- The latency alert fired within a minute',
    '',
    '## Where we got lucky',
    '- Traffic was low that morning',
    '',
    '## Lessons learned',
    '- Warm-up time grows with the catalogue',
    '',
  ].join('\n'),
};

const post = (t: TestApp, payload: object) => t.request<ImportResult>({ method: 'POST', url: '/api/imports', payload });
const incidents = async (t: TestApp) => (await t.request<{ items: Incident[] }>({ method: 'GET', url: '/api/incidents' })).body.items;

describe.each(databaseKinds)('POST /api/imports on %s', (kind) => {
  const t = useTestApp(kind);

  it('previews a document with dryRun and writes nothing', async () => {
    const before = await incidents(t);
    const response = await post(t, { dryRun: true, documents: [document] });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const [doc] = response.body.documents;
    expect(doc).toMatchObject({ name: document.name, created: false, error: null });
    expect(doc!.warnings.map((w) => [w.code, w.line])).toEqual([['entry_without_time', 16]]);
    const [incident] = doc!.incidents;
    expect(incident).toMatchObject({ title: 'Checkout latency spike', severity: 'SEV-2', services: ['checkout', 'payments'], incidentId: null });
    expect(incident!.timeline.map((e) => [e.occurredAt, e.text, e.line, e.precision])).toEqual([
      ['2024-07-03T09:12:00+01:00', 'Latency alert fires', 13, 'minute'],
      ['2024-07-03T09:20:00+01:00', 'Rollback starts and finishes quickly', 14, 'minute'],
      [null, 'Cache warm-up completes', 16, 'unknown'],
    ]);
    expect(incident!.actionItems.map((a) => [a.title, a.done, a.line])).toEqual([
      ['Add a latency objective alert', true, 23],
      ['Load test the cache warm-up', false, 24],
    ]);
    expect(await incidents(t)).toHaveLength(before.length);
  });

  it('imports the incident, its review, timeline and action items once; the same file again creates nothing', async () => {
    const before = await incidents(t);
    const first = await post(t, { documents: [document] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const [doc] = first.body.documents;
    expect(doc!.created).toBe(true);
    const { incidentId, reviewId } = doc!.incidents[0]!;
    expect(incidentId).toEqual(expect.any(Number));

    const incident = (await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incidentId}` })).body;
    expect(incident).toMatchObject({ title: 'Checkout latency spike', severity: 'sev2', status: 'resolved', resolvedAt: '2024-07-03T09:20:00+01:00' });
    const timeline = (await t.request<{ items: TimelineEntry[] }>({ method: 'GET', url: `/api/incidents/${incidentId}/timeline` })).body.items;
    // The entry whose time is unknown is kept after the one before it, its precision saying so; each names its line.
    expect(timeline.filter((e) => e.source === 'import').map((e) => [e.occurredAt, e.text, e.precision, e.provenance])).toEqual([
      ['2024-07-03T09:12:00+01:00', 'Latency alert fires', 'minute', { label: document.name, ref: `${document.name}:13`, excerpt: '- 2024-07-03 09:12 - Latency alert fires' }],
      ['2024-07-03T09:20:00+01:00', 'Rollback starts and finishes quickly', 'minute', { label: document.name, ref: `${document.name}:14`, excerpt: '- 09:20 - Rollback starts' }],
      ['2024-07-03T09:20:00+01:00', 'Cache warm-up completes', 'unknown', { label: document.name, ref: `${document.name}:16`, excerpt: '- [???] Cache warm-up completes' }],
    ]);
    const actions = (await t.request<{ items: ActionItem[] }>({ method: 'GET', url: `/api/reviews/${reviewId}/action-items` })).body.items;
    expect(actions.map((a) => [a.title, a.status])).toEqual([
      ['Add a latency objective alert', 'done'],
      ['Load test the cache warm-up', 'proposed'],
    ]);
    const review = (await t.request<{ summary: string | null }>({ method: 'GET', url: `/api/reviews/${reviewId}` })).body;
    expect(review.summary).toBe('Checkout requests were slow for forty minutes.');
    const factors = (await t.request<{ items: Factor[] }>({ method: 'GET', url: `/api/reviews/${reviewId}/factors` })).body.items;
    expect(factors.map((f) => [f.kind, f.title])).toEqual([
      ['contributor', 'The cache was cold after the deploy'],
      ['mitigator', 'The latency alert fired within a minute'],
      ['risk', 'Traffic was low that morning'],
      ['learning', 'Warm-up time grows with the catalogue'],
    ]);
    expect(doc!.warnings.map((w) => w.code)).toEqual(['entry_without_time']);

    const attachments = (await t.request<{ items: Attachment[] }>({ method: 'GET', url: `/api/reviews/${reviewId}/attachments` })).body.items;
    expect(attachments).toMatchObject([{ name: document.name, mediaType: 'text/markdown', size: Buffer.byteLength(document.content) }]);
    const download = await t.app.inject({ method: 'GET', url: `/api/reviews/${reviewId}/attachments/${attachments[0]!.id}`, headers: await t.authHeaders('viewer') });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(download.headers['content-disposition']).toContain(`filename="${document.name}"`);
    expect(download.body).toBe(document.content);

    const again = await post(t, { documents: [document] });
    expect(again.status).toBe(200);
    expect(again.body.documents[0]).toMatchObject({ created: false, incidents: [{ incidentId }] });
    expect(await incidents(t)).toHaveLength(before.length + 1);
    const timelineAgain = (await t.request<{ items: TimelineEntry[] }>({ method: 'GET', url: `/api/incidents/${incidentId}/timeline` })).body.items;
    expect(timelineAgain).toHaveLength(timeline.length);
  });

  it('imports a document whole or not at all: a failure late in it leaves nothing behind, and the next document still comes in', async () => {
    const before = await incidents(t);
    const reviews = async () => (await t.request<{ items: unknown[] }>({ method: 'GET', url: '/api/reviews?limit=100' })).body.items.length;
    const reviewsBefore = await reviews();
    const fresh = { ...document, name: '2024-07-03-checkout-latency-again.md' };
    const hooks = t.ctx.hooks as { eventJobs: AppHooks['eventJobs'] };
    const original = hooks.eventJobs;
    // Fails on the first action item, after the incident, review, timeline and factors were written.
    const failOnActionItem = eventJob({ ...original[0]!, on: ['action_item.created'], when: () => true, payload: () => { throw new AppError('conflict', 'refused for the test'); } });
    hooks.eventJobs = [...original, failOnActionItem];
    const other = { name: 'other.md', content: '# Other outage\n\n## Timeline\n- 2024-07-04 10:00 UTC - Alert\n- 10:05 - Fixed\n' };
    try {
      const response = await post(t, { documents: [fresh, other] });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const [failed, imported] = response.body.documents;
      expect(failed).toMatchObject({ created: false, error: expect.stringContaining('refused for the test'), incidents: [{ incidentId: null }] });
      expect(imported).toMatchObject({ created: true, error: null });
    } finally {
      hooks.eventJobs = original;
    }
    expect(await incidents(t)).toHaveLength(before.length + 1);
    expect(await reviews()).toBe(reviewsBefore + 1);

    const retried = await post(t, { documents: [fresh] });
    expect(retried.body.documents[0]).toMatchObject({ created: true, error: null });
  });

  it('refuses bad input with 400 problem+json naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ documents: [] }, 'documents'],
      [{ documents: [{ name: 'a.md', content: '' }] }, 'documents.0.content'],
      [{ documents: [document], timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ documents: [document], extra: true }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.request<Problem>({ method: 'POST', url: '/api/imports', payload });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    }
  });

  it('is for responders: a viewer may not import', async () => {
    const response = await t.requestAs('viewer', { method: 'POST', url: '/api/imports', payload: { dryRun: true, documents: [document] } });
    expect(response.status).toBe(403);
  });
});
