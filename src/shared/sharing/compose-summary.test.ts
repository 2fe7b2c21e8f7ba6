import { describe, expect, it } from 'vitest';
import { actionItem, documentOf, entry, factor, incident, person, review } from '../../../test/support/documents.js';
import { composeExternalSummary } from './compose-summary.js';
import { summarySections, type SummarySection } from './external-summary.schema.js';

const doc = documentOf({
  incident: { ...incident, title: 'Search down', commander: person('Ana Commander'), impactStartedAt: '2026-03-10T09:00:00Z' },
  review: { ...review, summary: 'The index node ran out of disk.', impact: 'Search failed for 40 minutes.', learnings: 'Plan capacity.', owner: person('Olav Owner') },
  timeline: [entry(2, '2026-03-10T09:20:00Z', 'Disk cleaned'), entry(1, '2026-03-10T09:05:00Z', 'Alert fired')],
  factors: [
    factor(1, 'contributor', 'No disk alert', { category: 'technical', tags: ['monitoring'], description: 'Only CPU was watched.' }),
    factor(2, 'mitigator', 'Quick rollback'),
    factor(3, 'learning', 'Disks fill'),
    factor(4, 'risk', 'One node only'),
  ],
  actionItems: [actionItem(1, 'Alert on disk', { owner: person('Tia Owner'), status: 'in_progress', externalUrl: 'https://tracker.example.com/1' })],
  answers: { went_well: 'Paging worked.' },
});

describe('composeExternalSummary', () => {
  const cases: Array<[SummarySection, string]> = [
    ['summary', '## Summary\n\nThe index node ran out of disk.'],
    ['impact', '## Impact\n\nSearch failed for 40 minutes.'],
    ['timeline', '| 2026-03-10 09:05:00 UTC | Alert fired |\n| 2026-03-10 09:20:00 UTC | Disk cleaned |'],
    ['contributingFactors', '## Contributing factors\n\n### No disk alert\n\nOnly CPU was watched.'],
    ['whatWentWell', '## What went well\n\nPaging worked.\n\n### Quick rollback'],
    ['actionItems', '## Action items\n\n- Alert on disk (in progress)'],
    ['lessons', '## Lessons learned\n\nPlan capacity.\n\n### Disks fill'],
  ];
  it.each(cases)('renders %s', (key, expected) => {
    const text = composeExternalSummary(doc, [key]);
    expect(text).toContain(expected);
    expect(text.startsWith('# Search down\n\nStarted: 2026-03-10 09:00:00 UTC')).toBe(true);
    expect(text.match(/^## /gm)).toHaveLength(1);
  });

  it('keeps the fixed order and leaves out people, categories, tags, risks and tracker links', () => {
    const text = composeExternalSummary(doc, [...summarySections].reverse());
    expect(text.indexOf('## Summary')).toBeLessThan(text.indexOf('## Lessons learned'));
    for (const internal of ['Ana Commander', 'Olav Owner', 'Tia Owner', 'technical', 'monitoring', 'One node only', 'tracker.example.com']) expect(text).not.toContain(internal);
  });

  it('leaves out sections with nothing written', () => {
    const empty = documentOf({ review: { ...review, summary: null, impact: null, learnings: null } });
    expect(composeExternalSummary(empty, ['summary', 'impact', 'lessons', 'actionItems'])).not.toContain('## ');
  });
});
