import { describe, expect, it } from 'vitest';
import { distributionOf, quantileFromRanks } from './quantiles.js';

/** Percentile by linear interpolation, written the textbook way, to check the rank arithmetic against. */
function reference(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * (p / 100);
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

describe('quantiles', () => {
  it.each([
    { values: [5], p: 50, expected: 5 },
    { values: [1, 2], p: 50, expected: 1.5 },
    { values: [1, 2, 3, 4], p: 90, expected: 3.7 },
    { values: [10, 20, 30, 40, 50], p: 25, expected: 20 },
    { values: [10, 20, 30, 40, 50], p: 90, expected: 46 },
    { values: [3, 1, 2], p: 0, expected: 1 },
    { values: [3, 1, 2], p: 100, expected: 3 },
  ])('percentile $p of $values is $expected', ({ values, p, expected }) => {
    const sorted = [...values].sort((a, b) => a - b);
    expect(quantileFromRanks(sorted.length, p, (rank) => sorted[rank - 1])).toBeCloseTo(expected, 10);
  });

  it('agrees with the textbook on every size up to 200, whatever the order of the values', () => {
    for (let n = 1; n <= 200; n++) {
      const values = Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) + i / 10);
      const sorted = [...values].sort((a, b) => a - b);
      const d = distributionOf(values);
      expect(d.count).toBe(n);
      expect(d.median).toBeCloseTo(reference(values, 50), 9);
      expect(d.p90).toBeCloseTo(reference(values, 90), 9);
      expect(d.q1).toBeCloseTo(reference(values, 25), 9);
      expect(d.min).toBe(sorted[0]);
      expect(d.max).toBe(sorted[n - 1]);
    }
  });

  it('an empty group has a count of 0 and no values', () => {
    expect(distributionOf([])).toEqual({ count: 0, min: null, q1: null, median: null, q3: null, p90: null, max: null });
  });

  it('throws when a needed rank is missing instead of answering a wrong value', () => {
    expect(() => quantileFromRanks(4, 50, () => undefined)).toThrow(RangeError);
  });
});
