import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../actions/action-item.schema.js';
import type { Incident } from '../incidents/incident.schema.js';
import type { TimelineEntry } from '../timeline/timeline.schema.js';
import type { Factor } from './factor.schema.js';
import { computeCompleteness } from './review-completeness.js';
import type { ReviewDocument } from './review-document.schema.js';
import { renderReviewMarkdown } from './review-markdown.js';
import { computeMetrics } from './review-metrics.js';
import { reviewQuestions } from './review-questions.js';
import type { Review } from './review.schema.js';

const meta = { version: 1, createdAt: '2026-03-10T10:00:00.000Z', updatedAt: '2026-03-10T10:00:00.000Z' };

const incident: Incident = {
  id: 7, title: 'Search returns nothing', severity: 'sev2', userFacing: true, services: ['search'], labels: [],
  commander: 'Sara Lind', responders: [], customerImpact: null, status: 'resolved',
  impactStartedAt: null, detectedAt: '2026-03-10T09:20:00Z', respondedAt: '2026-03-10T09:10:00Z', mitigatedAt: null, resolvedAt: '2026-03-10T11:00:00Z',
  restricted: false, review: null, ...meta,
};

const review: Review = {
  id: 3, incidentId: 7, incidentTitle: 'Checkout errors', incidentSeverity: 'sev2', qualityScore: null, owner: 'Sara Lind', state: 'draft', dueAt: null, overdue: false, policy: { required: true, reason: 'sev2' },
  requestedBy: null, facilitator: null, scribe: null, template: 'sources', summary: null, impact: null, learnings: null, ...meta,
};

const entry = (id: number, occurredAt: string, text: string): TimelineEntry => ({
  id, incidentId: 7, occurredAt, kind: 'action', text, author: 'Ana', source: 'manual', keyTimestamp: null, commentCount: 0, deleted: false, ...meta,
});

function documentOf(parts: Partial<ReviewDocument> = {}): ReviewDocument {
  const doc = {
    review, incident, timeline: [], factors: [], whys: [], actionItems: [],
    questions: reviewQuestions.map((q) => ({ ...q, answer: null, version: null, updatedAt: null })),
    ...parts,
  };
  const inputs = { ...doc.incident };
  return {
    ...doc,
    metrics: computeMetrics(inputs, doc.timeline),
    completeness: computeCompleteness({
      template: doc.review.template, text: doc.review, timelineCount: doc.timeline.length, factorKinds: doc.factors.map((f) => f.kind),
      whysCount: doc.whys.length, answered: [], actionItemCount: doc.actionItems.length,
    }),
  };
}

describe('renderReviewMarkdown', () => {
  it('renders an empty review with every section, saying what is missing', () => {
    const markdown = renderReviewMarkdown(documentOf());
    expect(markdown).toContain('## Summary\n\n_No summary yet._');
    expect(markdown).toContain('## Timeline\n\n_No timeline entries yet._');
    expect(markdown).toContain('## Contributors\n\n_No contributors recorded._');
    expect(markdown).toContain('## Five whys\n\n_No five-whys chains yet._');
    expect(markdown).toContain('## Action items\n\n_No action items yet._');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('explains unknown and contradictory metrics instead of showing a number', () => {
    const markdown = renderReviewMarkdown(documentOf());
    expect(markdown).toContain('| Impact started | unknown |');
    expect(markdown).toContain('| Time to detect | unknown | Impact start time is missing |');
    expect(markdown).toContain('| Time to mitigate | unknown | Impact start time is missing; Mitigated time is missing |');
    expect(markdown).toContain('| Detection-to-response gap | contradictory | Responded (09:10) is before detected (09:20) |');
  });

  it('sorts the timeline by instant, not by text, and keeps cells on one line with pipes and HTML escaped', () => {
    const timeline = [
      entry(1, '2026-03-10T10:30:00+01:00', 'Third (09:30 UTC)'),
      entry(2, '2026-03-10T09:15:00Z', 'Second'),
      entry(3, '2026-03-10T08:00:00-01:00', 'First (09:00 UTC) | with a pipe\nand <b>two</b> lines'),
    ];
    const markdown = renderReviewMarkdown(documentOf({ timeline }));
    const rows = markdown.split('\n').filter((line) => line.startsWith('| 2026-03-10'));
    expect(rows).toEqual([
      '| 2026-03-10 08:00:00 -01:00 | action | First (09:00 UTC) \\| with a pipe<br>and &lt;b&gt;two&lt;/b&gt; lines | Ana | manual |',
      '| 2026-03-10 09:15:00 UTC | action | Second | Ana | manual |',
      '| 2026-03-10 10:30:00 +01:00 | action | Third (09:30 UTC) | Ana | manual |',
    ]);
  });

  it('shows factors by kind, accepted risks, the review learnings, and declined action items with their reason', () => {
    const factor = (id: number, kind: Factor['kind'], title: string, extra: Partial<Factor> = {}): Factor => ({
      id, reviewId: 3, kind, title, description: null, category: null, tags: [], acceptedRisk: false, timelineEntryIds: [], ...meta, ...extra,
    });
    const item: ActionItem = {
      id: 1, reviewId: 3, incidentId: 7, incidentTitle: incident.title, title: 'Shard [the] index', description: 'Split by tenant.', owner: null,
      dueDate: null, priority: null, class: null, kind: 'infradev', factorIds: [1], secondOrderEffects: 'Rebalancing load', status: 'declined',
      declineReason: 'Too costly now', externalUrl: 'https://tracker.example.com/a_(b)', overdue: false, ...meta,
    };
    const markdown = renderReviewMarkdown(documentOf({
      review: { ...review, learnings: 'Search needs a capacity plan.' },
      factors: [factor(1, 'contributor', 'Single index node', { acceptedRisk: true, category: 'technical', description: 'One node, no replica.' }), factor(2, 'learning', 'Replicas matter')],
      actionItems: [item],
    }));
    expect(markdown).toContain('## Contributors\n\n### Single index node\n\n_Category: technical · Accepted as a risk_\n\nOne node, no replica.');
    expect(markdown).toContain('## Learnings\n\nSearch needs a capacity plan.\n\n### Replicas matter');
    expect(markdown).toContain('| 1 | [Shard (the) index](https://tracker.example.com/a_%28b%29) | – | – | – | – | infradev | declined: Too costly now | Single index node |');
    expect(markdown).toContain('- **1.** Split by tenant.\n- **1. Second-order effects:** Rebalancing load');
  });
});
