/**
 * The DevOps library's worked example (seeds/devops-library-incident-review.txt), entered through
 * the API as a team would: the payment service failed because a slow query, missing its index
 * after a migration, held pooled connections for 40 seconds; staging is too small to show it.
 * The five whys are the source's, word for word; times are ours, with a 14-minute gap between
 * detection and response.
 */
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import { renderReviewMarkdown } from '../../shared/reviews/review-markdown.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';

const day = '2026-03-10';
const at = (time: string) => `${day}T${time}+01:00`;

const incident = {
  title: 'Payment service outage: database connection pool exhausted',
  severity: 'sev1' as const,
  userFacing: true,
  services: ['payments'],
  commander: 'Priya Natarajan',
  customerImpact: 'Card payments failed for 47 minutes.',
  impactStartedAt: at('14:05:00'),
  detectedAt: at('14:17:00'),
  respondedAt: at('14:31:00'),
  mitigatedAt: at('14:52:00'),
  resolvedAt: at('15:25:00'),
  status: 'resolved' as const,
};

const entries = [
  { occurredAt: at('14:02:00'), kind: 'action', source: 'deploy', text: 'Release 412 deployed, with a migration adding the orders-by-customer query' },
  { occurredAt: at('14:05:30'), kind: 'signal', source: 'alert', text: 'Payment p99 latency above 5 s; first failed charges' },
  { occurredAt: at('14:38:00'), kind: 'action', source: 'chat', text: 'Pool at 100/100 connections; one query holds each for about 40 s' },
  { occurredAt: at('14:41:00'), kind: 'communication', source: 'manual', text: 'Status page: card payments failing, investigating' },
  { occurredAt: at('14:47:00'), kind: 'action', source: 'deploy', text: 'Release 412 rolled back' },
  { occurredAt: at('15:10:00'), kind: 'action', source: 'manual', text: 'Missing index created on production' },
];

// "Five whys" exactly as in the source.
const whys = [
  ['Why did the payment service fail?', 'The database connection pool was exhausted.'],
  ['Why was the connection pool exhausted?', 'A slow query held connections open for 40 seconds.'],
  ['Why did the query run so slowly?', 'A new index was missing after the migration.'],
  ['Why was the index missing?', 'The migration script did not include the CREATE INDEX statement.'],
  ['Why was the missing index not caught before production?', 'The staging database is smaller — the query was fast enough not to trigger alerts.'],
].map(([why, because]) => ({ why: why!, because: because! }));
const systemicCause = 'The staging environment does not match production data volume. Slow queries are invisible until production.';

async function enterReview(t: TestApp) {
  const { review } = await createReview(t, incident);
  const added = await post<{ items: TimelineEntry[] }>(t, `/api/incidents/${review.incidentId}/timeline/batch`, { entries });
  const entry = (text: string) => added.items.find((e) => e.text.startsWith(text))!.id;
  const factor = (body: object) => post<Factor>(t, `/api/reviews/${review.id}/factors`, body);
  const migration = await factor({
    kind: 'contributor',
    title: 'The migration script did not include the CREATE INDEX statement',
    category: 'process',
    tags: ['data-migration', 'review-gap'],
    timelineEntryIds: [entry('Release 412 deployed')],
  });
  const parity = await factor({ kind: 'contributor', title: 'Staging holds far less data than production', category: 'technical', tags: ['environment-parity', 'testing-gap'] });
  const pool = await factor({
    kind: 'contributor',
    title: 'A slow query held pooled connections for 40 seconds',
    category: 'technical',
    tags: ['capacity'],
    timelineEntryIds: [entry('Pool at 100/100')],
  });
  await factor({ kind: 'mitigator', title: 'Rolling back a release takes minutes', category: 'process', tags: ['deploy'], timelineEntryIds: [entry('Release 412 rolled back')] });
  await factor({ kind: 'learning', title: "A query's speed on staging says little about production", category: 'technical', tags: ['environment-parity'] });
  await post(t, `/api/reviews/${review.id}/whys`, { title: 'The payment service failed', steps: whys, systemicCause, factorIds: [migration.id, parity.id, pool.id] });
  await t.request({
    method: 'PUT',
    url: `/api/reviews/${review.id}/questions/went_well`,
    payload: { answer: 'The on-call runbook pointed straight at the connection pool dashboard, and the rollback took five minutes.' },
  });
  const action = (body: object) => post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { class: 'prevent', kind: 'corrective-action', ...body });
  await action({ title: 'Add staging data volume checks to the deployment pipeline', owner: 'Sara Lind', dueDate: '2026-03-27', priority: 'p2', factorIds: [parity.id] });
  await action({ title: 'Add index creation to the migration review checklist', owner: 'Ahmed Karim', dueDate: '2026-03-20', priority: 'p2', factorIds: [migration.id] });
  await patch(t, `/api/reviews/${review.id}`, {
    version: review.version,
    facilitator: 'Noor Haddad',
    summary:
      'On 10 March 2026 from 14:05 to 14:52 CET card payments failed: a query introduced by release 412 ran without its index, held database connections for 40 seconds each and exhausted the pool. Rolling back the release restored payments; creating the index resolved the incident at 15:25.',
    impact: 'Card payments failed for 47 minutes; about 3,100 checkouts could not complete.',
  });
  return review.id;
}

describe.each(databaseKinds)('the DevOps-library worked example on %s', (kind) => {
  const t = useTestApp(kind);

  it('enters the review through the API and reads it back whole, with the right metrics', async () => {
    t.clock.now = new Date('2026-03-11T09:00:00Z'); // the day after: no action item is overdue yet
    const reviewId = await enterReview(t);
    const doc = await get<ReviewDocument>(t, `/api/reviews/${reviewId}/document`);
    const metric = (key: string) => doc.metrics.find((m) => m.key === key)!;
    const minutes = (key: string) => {
      const m = metric(key);
      return m.status === 'known' ? m.milliseconds / 60_000 : m.status;
    };
    expect(minutes('timeToDetect')).toBe(12);
    expect(minutes('detectionToResponseGap')).toBe(14);
    expect(minutes('timeToRespond')).toBe(26);
    expect(minutes('timeToMitigate')).toBe(47);
    expect(minutes('timeToResolve')).toBe(80);
    expect(minutes('totalDuration')).toBe(80);
    expect(metric('detectionToResponseGap')).toMatchObject({ from: at('14:17:00'), to: at('14:31:00'), derivedFromTimeline: false });

    expect(doc.timeline).toHaveLength(11);
    expect(doc.whys).toHaveLength(1);
    expect(doc.whys[0]!.steps).toEqual(whys);
    expect(doc.factors.filter((f) => f.kind === 'contributor')).toHaveLength(3);
    expect(doc.completeness).toMatchObject({ template: 'sources', filled: 5, total: 5 });
    expect(doc.actionItems.map((a) => [a.title, a.owner?.name, a.dueDate])).toEqual([
      ['Add staging data volume checks to the deployment pipeline', 'Sara Lind', '2026-03-27'],
      ['Add index creation to the migration review checklist', 'Ahmed Karim', '2026-03-20'],
    ]);

    const markdown = renderReviewMarkdown(doc);
    expect((await t.request<string>({ method: 'GET', url: `/api/reviews/${reviewId}/markdown` })).body).toBe(markdown);
    expectWorkedExampleMarkdown(markdown);
    t.clock.now = new Date();
  });
});

function expectWorkedExampleMarkdown(markdown: string) {
  const headings = markdown.split('\n').filter((line) => /^##? /.test(line));
  expect(headings).toEqual([
    '# Payment service outage: database connection pool exhausted',
    '## Summary',
    '## Impact',
    '## Key timestamps and metrics',
    '## Timeline',
    '## Contributors',
    '## Mitigators',
    '## Risks',
    '## Five whys',
    '## Questions',
    '## Action items',
    '## Learnings',
  ]);
  expect(markdown).toContain('| Facilitator | Noor Haddad |');
  expect(markdown).toContain('| Time to detect | 12m 00s | 2026-03-10 14:05:00 +01:00 → 2026-03-10 14:17:00 +01:00 |');
  expect(markdown).toContain('| Detection-to-response gap | 14m 00s | 2026-03-10 14:17:00 +01:00 → 2026-03-10 14:31:00 +01:00 |');
  expect(markdown).toContain('| Time to resolve | 1h 20m |');

  // The timeline table lists every entry in time order.
  const times = markdown.match(/^\| 2026-03-10 (\d\d:\d\d:\d\d) \+01:00 \| \w+ \|/gm)!.map((row) => row.slice(13, 21));
  expect(times).toEqual(['14:02:00', '14:05:00', '14:05:30', '14:17:00', '14:31:00', '14:38:00', '14:41:00', '14:47:00', '14:52:00', '15:10:00', '15:25:00']);

  expect(markdown).toContain('### The migration script did not include the CREATE INDEX statement\n\n_Category: process · Tags: data-migration, review-gap_');
  expect(markdown).toContain('- 2026-03-10 14:38:00 +01:00: Pool at 100/100 connections; one query holds each for about 40 s');
  expect(markdown).toContain(
    '1. **Why did the payment service fail?** — The database connection pool was exhausted.\n' +
      '2. **Why was the connection pool exhausted?** — A slow query held connections open for 40 seconds.',
  );
  expect(markdown).toContain('5. **Why was the missing index not caught before production?** — The staging database is smaller — the query was fast enough not to trigger alerts.');
  expect(markdown).toContain(`**Systemic cause:** ${systemicCause}`);
  expect(markdown).toContain('### What went well in handling this incident?\n\nThe on-call runbook pointed straight at the connection pool dashboard');
  expect(markdown).toContain(
    '| 1 | Add staging data volume checks to the deployment pipeline | Sara Lind | 2026-03-27 | p2 | prevent | corrective-action | soaking | Staging holds far less data than production |',
  );
  expect(markdown).toContain(
    '| 2 | Add index creation to the migration review checklist | Ahmed Karim | 2026-03-20 | p2 | prevent | corrective-action | soaking | The migration script did not include the CREATE INDEX statement |',
  );
  expect(markdown).not.toMatch(/root cause/i);
}
