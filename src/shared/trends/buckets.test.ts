import { describe, expect, it } from 'vitest';
import { BucketRangeError, bucketIndexOf, trendBuckets } from './buckets.js';

const now = new Date('2026-12-15T12:00:00Z');

describe('trend buckets', () => {
  it('months in the organisation zone: March starts at local midnight, in UTC the evening before', () => {
    const buckets = trendBuckets({ from: '2026-03-05', to: '2026-04-30', interval: 'month' }, now, 'America/New_York');
    expect(buckets).toEqual([
      { key: '2026-03', label: 'Mar 2026', from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' },
      { key: '2026-04', label: 'Apr 2026', from: '2026-04-01T04:00:00.000Z', to: '2026-05-01T04:00:00.000Z' },
    ]);
  });

  it.each([
    { interval: 'month' as const, count: 12, first: '2026-01', last: '2026-12' },
    { interval: 'week' as const, count: 13, first: '2026-09-21', last: '2026-12-14' },
    { interval: 'quarter' as const, count: 8, first: '2025-Q1', last: '2026-Q4' },
  ])('by default, $count $interval periods up to today', ({ interval, count, first, last }) => {
    const buckets = trendBuckets({ interval }, now, 'UTC');
    expect(buckets).toHaveLength(count);
    expect(buckets[0]!.key).toBe(first);
    expect(buckets.at(-1)!.key).toBe(last);
  });

  it.each([
    { input: { from: '2026-05-01', to: '2026-04-01', interval: 'month' as const }, field: 'to' },
    { input: { from: '2000-01-01', to: '2026-04-01', interval: 'week' as const }, field: 'interval' },
  ])('refuses $input naming $field', ({ input, field }) => {
    expect(() => trendBuckets(input, now, 'UTC')).toThrow(BucketRangeError);
    try {
      trendBuckets(input, now, 'UTC');
    } catch (error) {
      expect((error as BucketRangeError).field).toBe(field);
    }
  });

  it('finds the bucket of an instant, half-open', () => {
    const buckets = trendBuckets({ from: '2026-01-01', to: '2026-02-01', interval: 'month' }, now, 'UTC');
    expect(bucketIndexOf(buckets, Date.parse('2026-01-31T23:59:59.999Z'))).toBe(0);
    expect(bucketIndexOf(buckets, Date.parse('2026-02-01T00:00:00Z'))).toBe(1);
    expect(bucketIndexOf(buckets, Date.parse('2026-03-01T00:00:00Z'))).toBe(-1);
  });
});
