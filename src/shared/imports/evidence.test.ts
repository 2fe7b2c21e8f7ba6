import { describe, expect, it } from 'vitest';
import type { Precision } from './clock.js';
import { anchorUntimed, toTimelinePrecision } from './evidence.js';

describe('toTimelinePrecision', () => {
  it.each([
    ['second', 'exact'],
    ['minute', 'minute'],
    ['hour', 'approximate'],
    ['approximate', 'approximate'],
    ['range', 'range'],
    ['day', 'unknown'],
    ['unknown', 'unknown'],
  ] as const)('%s is kept as %s', (precision, expected) => expect(toTimelinePrecision(precision)).toBe(expected));
});

describe('anchorUntimed', () => {
  const e = (occurredAt: string | null, precision: Precision, text: string) => ({ occurredAt, precision, text });
  it('orders an untimed entry after the timed one before it, or before the first, marked unknown', () => {
    const anchored = anchorUntimed([e(null, 'unknown', 'a'), e('2024-07-03T09:12:00Z', 'minute', 'b'), e(null, 'day', 'c'), e('2024-07-03T09:20:00Z', 'second', 'd')]);
    expect(anchored?.map((x) => [x.text, x.occurredAt, x.timelinePrecision])).toEqual([
      ['a', '2024-07-03T09:12:00Z', 'unknown'],
      ['b', '2024-07-03T09:12:00Z', 'minute'],
      ['c', '2024-07-03T09:12:00Z', 'unknown'],
      ['d', '2024-07-03T09:20:00Z', 'exact'],
    ]);
  });
  it('has nothing to anchor to without a timed entry', () => expect(anchorUntimed([e(null, 'unknown', 'a')])).toBeNull());
});
