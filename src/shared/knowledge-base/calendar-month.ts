import { DateTime } from 'luxon';

/** A calendar month in a time zone, as UTC instants: [startIso, endIso). */
export interface CalendarMonth {
  month: string;
  startIso: string;
  endIso: string;
}

/** The calendar month that `now` falls in, in `timeZone` ("this month" is the organisation's, not the server's). */
export function calendarMonthOf(now: Date, timeZone: string): CalendarMonth {
  const start = DateTime.fromJSDate(now).setZone(timeZone).startOf('month');
  return { month: start.toFormat('yyyy-MM'), startIso: start.toUTC().toISO()!, endIso: start.plus({ months: 1 }).toUTC().toISO()! };
}

/** The calendar day of `now` in `timeZone`, YYYY-MM-DD. */
export const calendarDayOf = (now: Date, timeZone: string): string => DateTime.fromJSDate(now).setZone(timeZone).toISODate()!;
