import { describe, expect, it } from 'vitest';
import { shiftIsoDateTime } from './clock-offset.js';

describe('shiftIsoDateTime', () => {
  it.each([
    ['2026-03-10T10:20:00Z', -3600, '2026-03-10T09:20:00Z'],
    ['2026-03-10T10:20:00+01:00', 90, '2026-03-10T10:21:30+01:00'],
    ['2026-03-10T00:10:00-05:00', -900, '2026-03-09T23:55:00-05:00'],
    ['2026-03-10T10:20:00.250Z', 1, '2026-03-10T10:20:01.250Z'],
    ['2026-03-10T10:20:00+0530', 60, '2026-03-10T10:21:00+0530'],
    ['2026-12-31T23:59:30Z', 45, '2027-01-01T00:00:15Z'],
  ])('%s shifted by %is is %s', (iso, seconds, expected) => {
    expect(shiftIsoDateTime(iso, seconds)).toBe(expected);
    expect(Date.parse(shiftIsoDateTime(iso, seconds)) - Date.parse(iso)).toBe(seconds * 1000);
  });
});
