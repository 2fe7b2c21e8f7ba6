import { describe, expect, it } from 'vitest';
import { actionItem, documentOf, entry, factor, review } from '../../../test/support/documents.js';
import { renderReviewMarkdown } from './review-markdown.js';

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
    expect(rows.map((row) => row.split(/ +\| +/)[2])).toEqual(['First (09:00 UTC) \\| with a pipe and \\<b>two\\</b> lines', 'Second', 'Third (09:30 UTC)']);
    expect(rows[0]).toMatch(/^\| 2026-03-10 08:00:00 -01:00 +\| action +\|/);
  });

  it('shows factors by kind, accepted risks, the review learnings, and declined action items with their reason', () => {
    const item = actionItem(1, 'Shard [the] index', {
      description: 'Split by tenant.', kind: 'infradev', factorIds: [1], secondOrderEffects: 'Rebalancing load', status: 'declined',
      declineReason: 'Too costly now', externalUrl: 'https://tracker.example.com/a_(b)',
    });
    const markdown = renderReviewMarkdown(documentOf({
      review: { ...review, learnings: 'Search needs a capacity plan.' },
      factors: [factor(1, 'contributor', 'Single index node', { acceptedRisk: true, category: 'technical', description: 'One node, no replica.' }), factor(2, 'learning', 'Replicas matter')],
      actionItems: [item],
    }));
    expect(markdown).toContain('## Contributors\n\n### Single index node\n\n_Category: technical · Accepted as a risk_\n\nOne node, no replica.');
    expect(markdown).toContain('## Learnings\n\nSearch needs a capacity plan.\n\n### Replicas matter');
    expect(markdown).toContain('| 1 | [Shard \\[the\\] index](https://tracker.example.com/a_\\(b\\)) | – |');
    expect(markdown).toContain('| declined: Too costly now | Single index node |');
    expect(markdown).toContain('- **1.** Split by tenant.\n- **1. Second-order effects:** Rebalancing load');
  });

  it('never passes raw HTML or unsafe links through, wherever people typed them', () => {
    const evil = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![x](data:text/html,hi) <script>alert(2)</script>';
    const markdown = renderReviewMarkdown(documentOf({
      review: { ...review, summary: `# Big heading\n\n${evil}`, learnings: evil },
      factors: [factor(1, 'contributor', `<b>title</b> ${evil}`, { description: evil })],
      actionItems: [actionItem(1, `<i>x</i> ${evil}`, { description: evil })],
      timeline: [entry(1, '2026-03-10T09:00:00Z', evil)],
      answers: { went_well: evil },
    }));
    // Escaped (\<img) is text a Markdown renderer shows as written; an unescaped tag would be HTML.
    expect(markdown).not.toMatch(/(^|[^\\])<(img|script|b|i)\b/m);
    expect(markdown).not.toMatch(/\]\(\s*(javascript|data):/i);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)>');
    // People's headings stay inside the section they wrote them in.
    expect(markdown).toContain('### Big heading');
  });

  it('keeps safe links and formatting people wrote', () => {
    const markdown = renderReviewMarkdown(documentOf({ review: { ...review, summary: 'See **the** [dashboard](https://grafana.example.com/d/1) and `kubectl get pods`.' } }));
    expect(markdown).toContain('See **the** [dashboard](https://grafana.example.com/d/1) and `kubectl get pods`.');
  });
});
