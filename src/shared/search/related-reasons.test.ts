import { describe, expect, it } from 'vitest';
import { listInWords, relatedReasons, type RelatedEvidence } from './related-reasons.js';

const evidence = (incidentId: number, overrides: Partial<RelatedEvidence> = {}): RelatedEvidence => ({
  incidentId,
  sharedServices: [],
  sharedContributorCategories: [],
  sharedCategories: [],
  sharedTags: [],
  sharedWords: [],
  ...overrides,
});

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%j', (items, words) => expect(listInWords(items)).toBe(words));
});

describe('relatedReasons', () => {
  it.each<[string, RelatedEvidence[], Record<number, string[]>]>([
    [
      'a contributor category shared by two names both',
      [
        evidence(40, { sharedContributorCategories: ['Missing index after migration'], sharedCategories: ['Missing index after migration'] }),
        evidence(12, { sharedContributorCategories: ['Missing index after migration'], sharedCategories: ['Missing index after migration'] }),
      ],
      {
        40: ['the same contributor category, *Missing index after migration*, in #12 and #40'],
        12: ['the same contributor category, *Missing index after migration*, in #12 and #40'],
      },
    ],
    ['a service', [evidence(7, { sharedServices: ['payments-api'] })], { 7: ['also affected *payments-api*'] }],
    [
      'several services, at most three named',
      [evidence(7, { sharedServices: ['a', 'b', 'c', 'd'] })],
      { 7: ['also affected *a*, *b* and *c*'] },
    ],
    ['a non-contributor category', [evidence(3, { sharedCategories: ['Process'] })], { 3: ['the same factor category, *Process*, in #3'] }],
    ['tags', [evidence(3, { sharedTags: ['Deploy', 'Capacity'] })], { 3: ['factors also tagged *Deploy* and *Capacity*'] }],
    ['words', [evidence(3, { sharedWords: ['failover', 'replica'] })], { 3: ['also mentions *failover* and *replica*'] }],
    ['nothing named', [evidence(3)], { 3: ['similar wording'] }],
    [
      'every kind, in order',
      [evidence(5, { sharedContributorCategories: ['Technical'], sharedCategories: ['Technical'], sharedTags: ['Deploy'], sharedServices: ['db'], sharedWords: ['disk'] })],
      { 5: ['the same contributor category, *Technical*, in #5', 'factors also tagged *Deploy*', 'also affected *db*', 'also mentions *disk*'] },
    ],
  ])('%s', (_name, related, expected) => {
    expect(Object.fromEntries(relatedReasons(related))).toEqual(expected);
  });
});
