import { describe, expect, it } from 'vitest';
import type { DomainEvent, RecordedEvent } from '../../shared/events/domain-events.js';
import { actorName, describeEditingField, describeEvent, listInWords } from './live-describe.js';

const by = (event: DomainEvent): RecordedEvent => ({ ...event, id: 1, at: '2026-12-02T10:00:00Z', actor: { userId: 7, name: 'Priya Shah' } }) as RecordedEvent;

describe('events in words', () => {
  const cases: Array<[DomainEvent, string | null]> = [
    [{ type: 'review.changed', reviewId: 1, incidentId: 1, fields: ['summary'] }, 'Priya Shah edited the summary'],
    [{ type: 'review.changed', reviewId: 1, incidentId: 1, fields: ['facilitator', 'dueAt', 'version'] }, 'Priya Shah edited the facilitator and the due date'],
    [{ type: 'review.state_changed', reviewId: 1, incidentId: 1, from: 'draft', to: 'in_review', reason: null }, 'Priya Shah moved the review to “Async review”'],
    [{ type: 'review.state_changed', reviewId: 1, incidentId: 1, from: 'meeting_held', to: 'published', reason: null }, 'Priya Shah published the review'],
    [{ type: 'review.state_changed', reviewId: 1, incidentId: 1, from: 'published', to: 'in_review', reason: 'New facts' }, 'Priya Shah reopened the review'],
    [{ type: 'timeline.entries_added', incidentId: 1, entryIds: [1] }, 'Priya Shah added a timeline entry'],
    [{ type: 'timeline.entries_added', incidentId: 1, entryIds: [1, 2, 3] }, 'Priya Shah added 3 timeline entries'],
    [{ type: 'answer.changed', reviewId: 1, incidentId: 1, questionKey: 'got_lucky', change: 'updated' }, 'Priya Shah answered “Where did we get lucky?”'],
    [{ type: 'factor.changed', reviewId: 1, incidentId: 1, factorId: 1, change: 'deleted' }, 'Priya Shah removed a factor'],
    [{ type: 'action_item.status_changed', reviewId: 1, incidentId: 1, actionItemId: 1, from: 'proposed', to: 'in_progress', fields: ['status'] }, 'Priya Shah moved an action item to “In progress”'],
    [{ type: 'incident.changed', incidentId: 1, fields: ['title', 'severity', 'commander'] }, 'Priya Shah changed the title, the severity and the commander'],
    [{ type: 'incident.access_changed', incidentId: 1, restricted: true }, 'Priya Shah restricted who can see the incident'],
    [{ type: 'session.started', userId: 7, method: 'password' }, null],
  ];
  it.each(cases)('%j', (event, expected) => {
    expect(describeEvent(by(event))).toBe(expected);
  });

  it('names the reader’s own changes from another tab as theirs', () => {
    expect(actorName({ userId: 7, name: 'Priya Shah' }, 7)).toBe('You, in another tab,');
    expect(actorName({ userId: 7, name: 'Priya Shah' }, 8)).toBe('Priya Shah');
  });

  it('lists in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('what someone is editing, in words', () => {
  it.each([
    ['summary', 'the summary'],
    ['questions.went_well', '“What went well in handling this incident?”'],
    ['factors.12', 'a factor'],
    ['whys.3', 'a five-whys chain'],
    ['actionItems.5', 'an action item'],
    ['timeline', 'the timeline'],
    ['owner', 'the owner'],
  ])('%s → %s', (field, words) => {
    expect(describeEditingField(field)).toBe(words);
  });
});
