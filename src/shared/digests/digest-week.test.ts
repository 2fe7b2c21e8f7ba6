import { describe, expect, it } from 'vitest';
import { lastCompleteWeek, namedWeek } from './digest-week.js';

describe('digest weeks', () => {
  it.each([
    ['2026-12-07T08:00:00Z', 'UTC', { week: '2026-W49', startIso: '2026-11-30T00:00:00.000Z', endIso: '2026-12-07T00:00:00.000Z' }],
    ['2026-12-03T12:00:00Z', 'UTC', { week: '2026-W48', startIso: '2026-11-23T00:00:00.000Z', endIso: '2026-11-30T00:00:00.000Z' }],
    // Monday 00:30 in Copenhagen is still Sunday in UTC: the organisation's week decides.
    ['2026-12-06T23:30:00Z', 'Europe/Copenhagen', { week: '2026-W49', startIso: '2026-11-29T23:00:00.000Z', endIso: '2026-12-06T23:00:00.000Z' }],
    ['2027-01-04T09:00:00Z', 'UTC', { week: '2026-W53', startIso: '2026-12-28T00:00:00.000Z', endIso: '2027-01-04T00:00:00.000Z' }],
  ])('at %s in %s the last complete week is %o', (now, zone, week) => {
    expect(lastCompleteWeek(new Date(now), zone)).toEqual(week);
  });

  it('reads a named week and refuses one that does not exist', () => {
    expect(namedWeek('2026-W49', 'UTC')).toEqual({ week: '2026-W49', startIso: '2026-11-30T00:00:00.000Z', endIso: '2026-12-07T00:00:00.000Z' });
    expect(namedWeek('2025-W53', 'UTC')).toBeNull();
    expect(namedWeek('2026-49', 'UTC')).toBeNull();
  });
});
