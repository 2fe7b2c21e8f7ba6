import { describe, expect, it } from 'vitest';
import { calendarDayOf, calendarMonthOf } from './calendar-month.js';

describe('calendarMonthOf', () => {
  it.each([
    { now: '2026-12-02T10:00:00Z', zone: 'UTC', month: '2026-12', start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    // Still November in New York, already December in UTC.
    { now: '2026-12-01T03:00:00Z', zone: 'America/New_York', month: '2026-11', start: '2026-11-01T04:00:00.000Z', end: '2026-12-01T05:00:00.000Z' },
    // Already March in Copenhagen, still February in UTC.
    { now: '2026-02-28T23:30:00Z', zone: 'Europe/Copenhagen', month: '2026-03', start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z' },
  ])('$now in $zone is $month', ({ now, zone, month, start, end }) => {
    expect(calendarMonthOf(new Date(now), zone)).toEqual({ month, startIso: start, endIso: end });
  });
});

describe('calendarDayOf', () => {
  it.each([
    { now: '2026-12-02T23:30:00Z', zone: 'UTC', day: '2026-12-02' },
    { now: '2026-12-02T23:30:00Z', zone: 'Europe/Copenhagen', day: '2026-12-03' },
  ])('$now in $zone is $day', ({ now, zone, day }) => expect(calendarDayOf(new Date(now), zone)).toBe(day));
});
