import { describe, expect, it } from 'vitest';
import type { Digest } from './digest.schema.js';
import { digestSummary, isQuietWeek } from './digest-summary.js';

const quiet: Digest = { week: '2026-W49', from: '', until: '', timeZone: 'UTC', service: null, team: null, published: [], recurringContributors: [], openActionItems: 0, overdueActionItems: [] };
const review = (n: number) => ({ reviewId: n, incidentId: n, title: `Incident ${n}`, severity: 'sev2' as const, services: [], publishedAt: '', summary: null, learnings: ['One'] });

describe('the digest as a chat message', () => {
  it.each([
    [quiet, true],
    [{ ...quiet, openActionItems: 1 }, false],
    [{ ...quiet, published: [review(1)] }, false],
  ])('knows a quiet week (%#)', (digest, expected) => {
    expect(isQuietWeek(digest)).toBe(expected);
  });

  it('lists counts, published reviews, recurring categories and overdue items', () => {
    const text = digestSummary({
      ...quiet,
      published: [review(7)],
      recurringContributors: [{ category: 'technical', label: 'Technical', thisWeek: 1, before: 1, isNew: true }],
      openActionItems: 2,
      overdueActionItems: [{ actionItemId: 1, reviewId: 7, incidentId: 7, title: 'Throttle rebuilds', owner: { userId: 1, name: 'Ana' }, dueDate: '2026-12-02' }],
    });
    expect(text).toBe(
      ['1 review published, 2 open action items, 1 overdue.', '', 'Published:', '• #7 Incident 7 (SEV2): 1 lesson', '', 'Contributors that recur:', '• Technical: 1 this week, 1 before (first recurrence)', '', 'Overdue action items:', '• Throttle rebuilds (Ana, due 2026-12-02)'].join('\n'),
    );
  });

  it('stops at whole lines under Slack’s limit', () => {
    const text = digestSummary({ ...quiet, published: Array.from({ length: 200 }, (_, i) => review(i + 1)) });
    expect(text.length).toBeLessThan(2_600);
    expect(text.endsWith('… and more in the digest.')).toBe(true);
    expect(text.split('\n').at(-2)).toMatch(/^• #\d+ Incident \d+ \(SEV2\): 1 lesson$/);
  });
});
