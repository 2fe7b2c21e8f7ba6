import { describe, expect, it } from 'vitest';
import { FixedWindowCounter } from './rate-limit.js';

describe('fixed one-minute windows', () => {
  it('counts per key within a window and starts again in the next', () => {
    const counter = new FixedWindowCounter(60_000);
    const at = (s: number) => Date.UTC(2026, 11, 2, 10, 0, s);
    expect(counter.hit('user:1', at(5))).toEqual({ count: 1, resetAtMs: at(60) });
    expect(counter.hit('user:1', at(59)).count).toBe(2);
    expect(counter.hit('user:2', at(59)).count).toBe(1);
    expect(counter.hit('user:1', at(60))).toEqual({ count: 1, resetAtMs: at(120) });
    expect(counter.hit('user:2', at(61)).count).toBe(1);
  });
});
