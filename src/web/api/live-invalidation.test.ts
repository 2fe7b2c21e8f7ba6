import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/events/domain-events.js';
import { invalidationsFor } from './live-invalidation.js';

const keys = (event: DomainEvent) => invalidationsFor(event).map((i) => `${JSON.stringify(i.queryKey)}${i.exact ? ' exact' : ''}`);

describe('what a committed event makes stale', () => {
  const cases: Array<[string, DomainEvent, string[]]> = [
    ['a new incident: the incident lists', { type: 'incident.created', incidentId: 4 }, ['["incidents","list"]']],
    [
      'an incident edit: the incident itself (not its review or access), its review brief and every list that shows its title',
      { type: 'incident.changed', incidentId: 4, fields: ['title'] },
      ['["incidents",4] exact', '["incidents",4,"review"]', '["incidents","list"]', '["reviews","list"]', '["reviews","overdue"]', '["action-items","list"]'],
    ],
    [
      'a key timestamp: the timeline, its metrics and its suspect changes too',
      { type: 'incident.changed', incidentId: 4, fields: ['detectedAt'] },
      ['["incidents",4] exact', '["incidents",4,"review"]', '["incidents","list"]', '["reviews","list"]', '["reviews","overdue"]', '["action-items","list"]', '["timeline",4]', '["metrics",4]', '["review-transitions"]', '["changes","suspects",4]'],
    ],
    [
      'a review edit: the review record exactly (its parts stay), its workflow steps, its incident and the lists',
      { type: 'review.changed', reviewId: 9, incidentId: 4, fields: ['summary'] },
      ['["reviews",9] exact', '["review-transitions",9]', '["incidents",4] exact', '["incidents",4,"review"]', '["reviews","list"]', '["reviews","overdue"]'],
    ],
    ['a factor: that review’s factors and workflow steps only', { type: 'factor.changed', reviewId: 9, incidentId: 4, factorId: 2, change: 'created' }, ['["reviews",9,"factors"]', '["review-transitions",9]']],
    ['a five-whys chain: that review’s chains', { type: 'whys.changed', reviewId: 9, incidentId: 4, whysId: 2, change: 'updated' }, ['["reviews",9,"whys"]']],
    ['an answer: that review’s questions', { type: 'answer.changed', reviewId: 9, incidentId: 4, questionKey: 'went_well', change: 'updated' }, ['["reviews",9,"questions"]']],
    [
      'an action item: the review’s items and the action-item lists',
      { type: 'action_item.status_changed', reviewId: 9, incidentId: 4, actionItemId: 5, from: 'proposed', to: 'done', fields: ['status'] },
      ['["reviews",9,"action-items"]', '["action-items","list"]'],
    ],
    [
      'timeline entries: the timeline, its metrics, open workflow steps, which suspect changes are on it and the incident (an entry may be a key timestamp)',
      { type: 'timeline.entries_added', incidentId: 4, entryIds: [1, 2] },
      ['["timeline",4]', '["metrics",4]', '["review-transitions"]', '["changes","suspects",4]', '["incidents",4] exact'],
    ],
    ['a comment: its entry’s comments and the timeline (comment counts)', { type: 'comment.added', incidentId: 4, commentId: 3, on: { type: 'timeline_entry', id: 81 }, mentions: [] }, ['["timeline",4]', '["timeline","entry",81,"comments"]']],
    ['a renamed user: everything, since names show everywhere', { type: 'user.changed', userId: 7, fields: ['name'] }, ['[]']],
    ['new deploys or changes: the change lists and every suspect list', { type: 'changes.added', changeIds: [3, 4] }, ['["changes"]']],
    ['a note in the global review: every session page (the upcoming one may be that session)', { type: 'global_review.changed', day: '2026-12-03', item: 'incident:4', incidentId: 4 }, ['["global-review"]']],
    ['a sign-in: nothing', { type: 'session.started', userId: 7, method: 'password' }, []],
  ];
  it.each(cases)('%s', (_, event, expected) => {
    expect(keys(event)).toEqual(expected);
  });

  it('a state change refreshes the action-item lists as well (published reviews lock their items)', () => {
    expect(keys({ type: 'review.state_changed', reviewId: 9, incidentId: 4, from: 'meeting_held', to: 'published', reason: null })).toContain('["action-items","list"]');
  });
});
