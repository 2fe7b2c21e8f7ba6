import { describe, it, expect } from 'vitest';
import {
  addWorkingDays,
  defaultWorkingWeekdays,
  isValidTimeZone,
  isWorkingDay,
  type WorkingCalendar,
} from './working-days.js';

const cal = (timeZone: string, holidays: string[] = [], workingWeekdays = defaultWorkingWeekdays): WorkingCalendar => ({
  timeZone,
  holidays,
  workingWeekdays,
});
const cph = (holidays: string[] = []) => cal('Europe/Copenhagen', holidays);
const ny = cal('America/New_York');
const sunToThu = cal('Asia/Jerusalem', [], [7, 1, 2, 3, 4]);
const everyDay = (timeZone: string) => cal(timeZone, [], [1, 2, 3, 4, 5, 6, 7]);

// 2026: Jan 1 is a Thursday; EU DST starts Mar 29 and ends Oct 25; US DST starts Mar 8 and ends Nov 1.
describe('addWorkingDays', () => {
  const cases: Array<[string, string, number, WorkingCalendar, string]> = [
    // weekends
    ['Friday afternoon + 1 is Monday', '2026-01-09T15:00:00+01:00', 1, cph(), '2026-01-12T23:59:59.999+01:00'],
    ['Wednesday + 2 is Friday', '2026-01-07T09:00:00+01:00', 2, cph(), '2026-01-09T23:59:59.999+01:00'],
    ['Saturday + 1 is Monday', '2026-01-10T12:00:00+01:00', 1, cph(), '2026-01-12T23:59:59.999+01:00'],
    ['Monday + 10 (the GitLab default) skips two weekends', '2026-01-05T10:00:00+01:00', 10, cph(), '2026-01-19T23:59:59.999+01:00'],
    ['0 on a working day is the end of that day', '2026-01-07T09:00:00+01:00', 0, cph(), '2026-01-07T23:59:59.999+01:00'],
    ['0 on a Saturday is the end of Monday', '2026-01-10T09:00:00+01:00', 0, cph(), '2026-01-12T23:59:59.999+01:00'],
    // holidays
    ['Friday + 1 with a Monday holiday is Tuesday', '2026-01-09T15:00:00+01:00', 1, cph(['2026-01-12']), '2026-01-13T23:59:59.999+01:00'],
    ['a holiday on a Saturday changes nothing', '2026-01-09T15:00:00+01:00', 1, cph(['2026-01-10']), '2026-01-12T23:59:59.999+01:00'],
    ['consecutive holidays (Christmas) are all skipped', '2026-12-23T10:00:00+01:00', 1,
      cph(['2026-12-24', '2026-12-25', '2026-12-26']), '2026-12-28T23:59:59.999+01:00'],
    ['0 on a holiday is the end of the next working day', '2026-01-12T10:00:00+01:00', 0, cph(['2026-01-12']), '2026-01-13T23:59:59.999+01:00'],
    // month and year ends
    ['across a month end', '2026-01-30T15:00:00+01:00', 1, cph(), '2026-02-02T23:59:59.999+01:00'],
    ['across February into March', '2026-02-26T15:00:00+01:00', 2, cph(), '2026-03-02T23:59:59.999+01:00'],
    ['across the year end with New Year holidays', '2026-12-30T10:00:00+01:00', 3,
      cph(['2026-12-31', '2027-01-01']), '2027-01-06T23:59:59.999+01:00'],
    // DST
    ['Copenhagen: due after the spring change gets +02:00', '2026-03-27T15:00:00+01:00', 1, cph(), '2026-03-30T23:59:59.999+02:00'],
    ['Copenhagen: due on the spring-change Sunday itself', '2026-03-28T12:00:00+01:00', 1, everyDay('Europe/Copenhagen'),
      '2026-03-29T23:59:59.999+02:00'],
    ['Copenhagen: due after the autumn change gets +01:00', '2026-10-23T15:00:00+02:00', 1, cph(), '2026-10-26T23:59:59.999+01:00'],
    ['Copenhagen: due on the autumn-change Sunday itself', '2026-10-24T12:00:00+02:00', 1, everyDay('Europe/Copenhagen'),
      '2026-10-25T23:59:59.999+01:00'],
    ['New York: across the March change', '2026-03-06T17:00:00-05:00', 1, ny, '2026-03-09T23:59:59.999-04:00'],
    ['New York: across the November change', '2026-10-30T12:00:00-04:00', 1, ny, '2026-11-02T23:59:59.999-05:00'],
    ['New York: 10 working days spanning the March change', '2026-03-02T09:00:00-05:00', 10, ny, '2026-03-16T23:59:59.999-04:00'],
    // from in another offset: only the local date in the calendar's zone counts
    ['23:30 New York on Friday is already Saturday in Copenhagen', '2026-01-02T23:30:00-05:00', 0, cph(), '2026-01-05T23:59:59.999+01:00'],
    ['the same instant in New York is still Friday', '2026-01-02T23:30:00-05:00', 0, ny, '2026-01-02T23:59:59.999-05:00'],
    ['Thursday 23:30 New York is Friday in Copenhagen, + 1 is Monday', '2026-01-01T23:30:00-05:00', 1, cph(), '2026-01-05T23:59:59.999+01:00'],
    ['Monday morning at +14:00 is still Sunday in Copenhagen', '2026-01-05T08:00:00+14:00', 1, cph(), '2026-01-05T23:59:59.999+01:00'],
    ['Z input: 23:30Z Thursday is Friday in Copenhagen', '2026-01-08T23:30:00Z', 1, cph(), '2026-01-12T23:59:59.999+01:00'],
    ['the UTC zone prints Z', '2026-01-09T15:00:00+01:00', 1, cal('UTC'), '2026-01-12T23:59:59.999Z'],
    // custom working week
    ['Sunday–Thursday: Thursday + 1 is Sunday', '2026-01-08T15:00:00+02:00', 1, sunToThu, '2026-01-11T23:59:59.999+02:00'],
    ['Sunday–Thursday: 0 on a Friday is Sunday', '2026-01-09T10:00:00+02:00', 0, sunToThu, '2026-01-11T23:59:59.999+02:00'],
    ['Sunday–Thursday: Sunday + 5 is the next Sunday', '2026-01-11T10:00:00+02:00', 5, sunToThu, '2026-01-18T23:59:59.999+02:00'],
    // the end of year 9999 (ISO 8601's four-digit years): never a deadline after it
    ['a deadline past year 9999 is its last instant', '9999-12-31T12:00:00Z', 10, cph(), '9999-12-31T23:59:59.999Z'],
    ['so is one whose local end of day is past it', '9999-12-31T12:00:00Z', 0, cal('America/New_York'), '9999-12-31T23:59:59.999Z'],
    ['one just before it keeps its zone', '9999-12-30T12:00:00Z', 0, cph(), '9999-12-30T23:59:59.999+01:00'],
  ];
  it.each(cases)('%s', (_name, from, days, calendar, expected) => {
    expect(addWorkingDays(from, days, calendar)).toBe(expected);
  });

  const errors: Array<[string, string, number, WorkingCalendar, RegExp]> = [
    ['negative days', '2026-01-05T10:00:00Z', -1, cph(), /non-negative integer/],
    ['fractional days', '2026-01-05T10:00:00Z', 1.5, cph(), /non-negative integer/],
    ['NaN days', '2026-01-05T10:00:00Z', Number.NaN, cph(), /non-negative integer/],
    ['infinite days', '2026-01-05T10:00:00Z', Number.POSITIVE_INFINITY, cph(), /non-negative integer/],
    ['from without an offset', '2026-01-05T10:00:00', 1, cph(), /UTC offset/],
    ['from as a bare date', '2026-01-05', 1, cph(), /UTC offset/],
    ['from that is not a date', 'yesterday', 1, cph(), /UTC offset/],
    ['from with an impossible date', '2026-02-30T10:00:00Z', 1, cph(), /UTC offset/],
    ['unknown time zone', '2026-01-05T10:00:00Z', 1, cal('Mars/Olympus_Mons'), /Unknown time zone/],
    ['no working weekdays', '2026-01-05T10:00:00Z', 1, cal('UTC', [], []), /at least one working weekday/],
    ['a weekday out of range', '2026-01-05T10:00:00Z', 1, cal('UTC', [], [1, 8 as 1]), /1 \(Monday\) to 7/],
    ['a malformed holiday', '2026-01-05T10:00:00Z', 1, cph(['2026-1-6']), /holiday must be a date/],
    ['an impossible holiday', '2026-01-05T10:00:00Z', 1, cph(['2026-02-30']), /holiday must be a date/],
  ];
  it.each(errors)('throws a RangeError for %s', (_name, from, days, calendar, message) => {
    expect(() => addWorkingDays(from, days, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays(from, days, calendar)).toThrow(message);
  });
});

describe('isWorkingDay', () => {
  const cases: Array<[string, string, WorkingCalendar, boolean]> = [
    ['a Monday', '2026-01-05', cph(), true],
    ['a Friday', '2026-01-09', cph(), true],
    ['a Saturday', '2026-01-10', cph(), false],
    ['a Sunday', '2026-01-11', cph(), false],
    ['a weekday holiday', '2026-12-24', cph(['2026-12-24']), false],
    ['a weekend holiday', '2026-12-26', cph(['2026-12-26']), false],
    ['the day after a holiday', '2026-12-28', cph(['2026-12-24', '2026-12-25']), true],
    ['Sunday in a Sunday–Thursday week', '2026-01-11', sunToThu, true],
    ['Friday in a Sunday–Thursday week', '2026-01-09', sunToThu, false],
  ];
  it.each(cases)('%s', (_name, date, calendar, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it.each(['2026-1-5', '2026-02-30', '2026-01-05T10:00:00Z', ''])('throws a RangeError for "%s"', (date) => {
    expect(() => isWorkingDay(date, cph())).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  const cases: Array<[string, boolean]> = [
    ['Europe/Copenhagen', true],
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['not a zone', false],
    ['', false],
  ];
  it.each(cases)('%s → %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});
