import { describe, expect, it } from 'vitest';
import { asyncReviewVerdict, type AsyncReviewFacts } from './async-review.js';

const ana = { name: 'Ana Lima', status: 'signed_off' } as const;
const bo = { name: 'Bo Chen', status: 'signed_off' } as const;

const cases: Array<[string, AsyncReviewFacts, boolean, RegExp | null]> = [
  ['every reviewer signed off, nothing open', { reviewers: [ana, bo], openThreads: [] }, true, null],
  ['open threads are all questions for the meeting', { reviewers: [ana], openThreads: [{ forMeeting: true }, { forMeeting: true }] }, true, null],
  ['nobody was asked to review', { reviewers: [], openThreads: [] }, false, /at least one reviewer/],
  ['a reviewer has not answered', { reviewers: [ana, { name: 'Bo Chen', status: 'requested' }], openThreads: [] }, false, /Waiting for the sign-off of Bo Chen/],
  ['a reviewer requested changes', { reviewers: [{ name: 'Ana Lima', status: 'changes_requested' }], openThreads: [] }, false, /Changes requested by Ana Lima/],
  ['one open thread not for the meeting', { reviewers: [ana], openThreads: [{ forMeeting: false }, { forMeeting: true }] }, false, /^1 open comment thread: resolve it/],
  ['two open threads not for the meeting', { reviewers: [ana], openThreads: [{ forMeeting: false }, { forMeeting: false }] }, false, /^2 open comment threads/],
];

describe('async review verdict', () => {
  it.each(cases)('%s: complete %s', (_, facts, complete, gap) => {
    const verdict = asyncReviewVerdict(facts);
    expect(verdict.complete).toBe(complete);
    if (gap) expect(verdict.gaps).toContainEqual(expect.stringMatching(gap));
    else expect(verdict.gaps).toEqual([]);
  });

  it('lists every gap at once', () => {
    const verdict = asyncReviewVerdict({ reviewers: [{ name: 'Ana Lima', status: 'requested' }, { name: 'Bo Chen', status: 'changes_requested' }], openThreads: [{ forMeeting: false }] });
    expect(verdict.gaps).toHaveLength(3);
  });
});
