/**
 * F3 deadlines in working days ("within 10 working days of the incident", GitLab handbook).
 *
 * Semantics of `addWorkingDays(from, days, calendar)`:
 * - `from` is an instant with an explicit UTC offset; only its LOCAL DATE in `calendar.timeZone`
 *   matters (23:30-05:00 on Jan 2 is already Jan 3 in Copenhagen).
 * - Counting starts on the day AFTER that local date; each day that is a working weekday and not
 *   a holiday counts as one. The due moment is the END of the Nth counted day: 23:59:59.999 local
 *   time. So resolving on Friday 15:00 with N=1 is due Monday 23:59:59.999 (Tuesday if Monday is
 *   a holiday). Whole days, not hours, so the deadline does not depend on the hour of resolution.
 * - `days = 0` means the end of the same local day if it is a working day, else the end of the
 *   next working day.
 * - The result is ISO 8601 with the offset the calendar's zone has ON THE DUE DATE (DST-aware),
 *   e.g. `2026-03-30T23:59:59.999+02:00` in Europe/Copenhagen; a plain `UTC` zone prints `Z`.
 * - Holidays are local dates; a holiday on a non-working weekday changes nothing.
 * - Never after LATEST_DUE (the last instant of year 9999 UTC, which every ISO 8601 date field
 *   accepts): a deadline past it is that instant, printed in UTC.
 *
 * Bad input (negative or fractional days, an offset-less or invalid `from`, an unknown zone, no
 * working weekdays, a malformed holiday) throws a RangeError naming the problem.
 */
import { DateTime, IANAZone } from 'luxon';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // luxon weekday numbers, 1 = Monday

export interface WorkingCalendar {
  timeZone: string; // IANA, e.g. Europe/Copenhagen
  workingWeekdays: Weekday[];
  holidays: string[]; // 'YYYY-MM-DD' local dates
}

/** The latest deadline: a later one would print as `+010000-…`, which no date field accepts. */
export const LATEST_DUE = '9999-12-31T23:59:59.999Z';
const LATEST_DUE_MS = Date.parse(LATEST_DUE);

/** Monday to Friday, the usual working week. */
export const defaultWorkingWeekdays: Weekday[] = [1, 2, 3, 4, 5];

/** Zones already asked about: Luxon builds an Intl formatter to answer, costly for every deadline computed. */
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone.trim() !== '' && IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1_000) zoneValidity.set(zone, valid);
  }
  return valid;
}

export function isWorkingDay(localDate: string, calendar: WorkingCalendar): boolean {
  return workingDayTest(calendar)(parseLocalDate(localDate, 'localDate'));
}

export function addWorkingDays(from: string, days: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  }
  if (!isValidTimeZone(calendar.timeZone)) {
    throw new RangeError(`Unknown time zone "${calendar.timeZone}"`);
  }
  const isWorking = workingDayTest(calendar);
  const start = parseInstant(from).setZone(calendar.timeZone);

  // Walk calendar dates in UTC so the stepping itself never meets a DST gap.
  let day = DateTime.utc(start.year, start.month, start.day);
  if (days === 0) {
    while (!isWorking(day)) day = day.plus({ days: 1 });
  } else {
    for (let counted = 0; counted < days; ) {
      day = day.plus({ days: 1 });
      if (isWorking(day)) counted += 1;
    }
  }

  const due = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: 23, minute: 59, second: 59, millisecond: 999 },
    { zone: calendar.timeZone },
  );
  if (due.toMillis() > LATEST_DUE_MS) return LATEST_DUE;
  return due.toISO() ?? invalid(`due date in ${calendar.timeZone}`);
}

/** Validates the calendar once and returns a fast per-date test (dates as UTC midnights). */
function workingDayTest(calendar: WorkingCalendar): (date: DateTime) => boolean {
  const weekdays = new Set<number>(calendar.workingWeekdays);
  if (weekdays.size === 0) throw new RangeError('A working calendar needs at least one working weekday');
  for (const weekday of weekdays) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(`Working weekdays are 1 (Monday) to 7 (Sunday), got ${weekday}`);
    }
  }
  const holidays = new Set(calendar.holidays.map((h) => parseLocalDate(h, 'holiday').toISODate()));
  return (date) => weekdays.has(date.weekday) && !holidays.has(date.toISODate());
}

function parseLocalDate(value: string, what: string): DateTime {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone: 'utc' }) : null;
  if (!date?.isValid) throw new RangeError(`${what} must be a date as YYYY-MM-DD, got "${value}"`);
  return date;
}

// An offset is required: without one the instant would depend on the machine's time zone.
function parseInstant(value: string): DateTime {
  const hasOffset = /T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(value);
  const instant = hasOffset ? DateTime.fromISO(value, { setZone: true }) : null;
  if (!instant?.isValid) {
    throw new RangeError(`from must be an ISO 8601 date-time with a UTC offset, got "${value}"`);
  }
  return instant;
}

function invalid(what: string): never {
  throw new RangeError(`Could not compute the ${what}`);
}
