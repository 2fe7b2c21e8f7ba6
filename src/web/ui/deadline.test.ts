import { describe, expect, it } from 'vitest';
import { deadlineDay, formatDaysUntil, moveDeadlineToDay } from './deadline.js';

describe('deadlineDay: the calendar day a deadline means, whatever the reader’s zone', () => {
  it.each([
    ['UTC end of day (the default calendar)', '2026-12-08T23:59:59.999Z', '2026-12-08'],
    ['Berlin end of day', '2026-12-08T23:59:59.999+01:00', '2026-12-08'],
    ['New York end of day', '2026-12-08T23:59:59.999-05:00', '2026-12-08'],
    ['a bare date', '2026-12-08', '2026-12-08'],
    ['not a date', 'soon', null],
  ])('%s', (_name, value, expected) => {
    expect(deadlineDay(value)).toBe(expected);
  });
});

describe('formatDaysUntil', () => {
  it.each([
    ['2026-12-08', '2026-12-08', 'today'],
    ['2026-12-09', '2026-12-08', 'tomorrow'],
    ['2026-12-11', '2026-12-08', 'in 3 days'],
    ['2026-12-06', '2026-12-08', '2 days ago'],
    ['2027-03-30', '2027-03-27', 'in 3 days'], // across a DST change in Europe
  ])('%s from %s is %s', (day, today, expected) => {
    expect(formatDaysUntil(day, today)).toBe(expected);
  });
});

describe('moveDeadlineToDay', () => {
  it.each([
    ['keeps the time and offset of the deadline', '2026-12-08T23:59:59.999Z', '2026-12-10', '2026-12-10T23:59:59.999Z'],
    ['keeps an explicit offset', '2026-12-08T23:59:59+01:00', '2026-12-01', '2026-12-01T23:59:59+01:00'],
    ['clears it when the day is cleared', '2026-12-08T23:59:59Z', '', null],
  ])('%s', (_name, previous, day, expected) => {
    expect(moveDeadlineToDay(previous, day)).toBe(expected);
  });

  it('without a previous deadline, ends the day in the reader’s zone', () => {
    expect(moveDeadlineToDay(null, '2026-12-10')).toMatch(/^2026-12-10T23:59:59[+-]\d{2}:\d{2}$/);
  });
});
