import { describe, expect, it } from 'vitest';
import { failureRecord, retryDelayMs } from './retry-policy.js';

describe('retry delay', () => {
  const backoff = { baseMs: 1_000, maxMs: 3_600_000 };
  it.each([
    // attempt that failed, random draw, delay
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0, 1_000],
    [2, 0.5, 1_500],
    [3, 1, 4_000],
    [8, 1, 128_000],
    [13, 1, 3_600_000], // 4096 s capped at an hour
    [13, 0, 1_800_000],
    [500, 1, 3_600_000], // no overflow however many attempts
  ])('after attempt %i with draw %d waits %i ms', (attempt, draw, expected) => {
    expect(retryDelayMs(attempt, backoff, () => draw)).toBe(expected);
  });

  it('spreads jobs that failed together over the second half of their step', () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, backoff));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });
});

describe('failure record', () => {
  const at = new Date('2026-12-02T10:00:00Z');
  it('keeps the message, named by its error class, and the first frames of the stack', () => {
    const error = new TypeError('fetch failed');
    const record = failureRecord(error, 3, at);
    expect(record).toMatchObject({ message: 'TypeError: fetch failed', attempt: 3, at: '2026-12-02T10:00:00.000Z' });
    expect(record.stack?.split('\n').length).toBeLessThanOrEqual(8);
    expect(record.stack).toMatch(/^at /);
    expect(record.stack?.split('\n')[0]).toMatch(/^at server\/jobs\/retry-policy.test.ts:\d+:\d+$/);
  });

  it('takes what was thrown even when it is not an Error, and shortens a huge message', () => {
    expect(failureRecord('the SMTP server said no', 1, at)).toEqual({ message: 'the SMTP server said no', stack: null, attempt: 1, at: at.toISOString() });
    const huge = failureRecord(new Error('x'.repeat(10_000)), 1, at);
    expect(huge.message).toHaveLength(2_001);
    expect(huge.message.endsWith('…')).toBe(true);
  });
});
