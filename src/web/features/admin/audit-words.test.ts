import { describe, expect, it } from 'vitest';
import { actionInWords, subjectInWords } from './audit-words.js';

describe('actionInWords', () => {
  it.each([
    ['review.answer', 'Answered'],
    ['incident.update', 'Edited'],
    ['incident.label_add', 'Added a label to'],
    ['incident.access_change', 'Changed who can see'],
    ['review.transition', 'Changed the state of'],
    ['action_item.create', 'Created'],
    ['auth.sign_in', 'Signed in'],
    ['api_token.revoke', 'Revoked'],
    ['something.unheard_of', 'Something unheard of'],
  ])('%s → %s', (action, expected) => {
    expect(actionInWords(action)).toBe(expected);
  });
});

describe('subjectInWords', () => {
  const entry = (entityType: string, entityId: string, after: unknown = null, incidentId: number | null = 7) => ({ entityType, entityId, incidentId, before: null, after });
  it.each([
    ['a key question', entry('review_answer', '1:prevent'), 'key question “prevent” in review #1', '/reviews/1#questions'],
    ['an action item', entry('action_item', '4', { reviewId: 2, title: 'Alert on pool saturation' }), 'action item #4 “Alert on pool saturation”', '/reviews/2#action-items'],
    ['a factor', entry('factor', '9', { reviewId: 2, title: 'No alert' }), 'factor #9 “No alert”', '/reviews/2#factors'],
    ['an incident', entry('incident', '7', { title: 'Checkout down' }), 'incident #7 “Checkout down”', '/incidents/7'],
    ['a review', entry('review', '2'), 'review #2', '/reviews/2'],
    ['a timeline entry', entry('timeline_entry', '40'), 'timeline entry #40', '/incidents/7'],
    ['a token', entry('api_token', '3', null, null), 'API token #3', null],
  ])('%s', (_name, e, text, link) => {
    expect(subjectInWords(e)).toEqual({ text, link });
  });
});
