import { DateTime } from 'luxon';

/** An ISO week (Monday to Sunday) in a time zone, as UTC instants: [startIso, endIso). */
export interface DigestWeek {
  week: string;
  startIso: string;
  endIso: string;
}

const weekOfStart = (start: DateTime): DigestWeek => ({ week: start.toFormat("kkkk-'W'WW"), startIso: start.toUTC().toISO()!, endIso: start.plus({ weeks: 1 }).toUTC().toISO()! });

/** The last complete week before `now`, in `timeZone`: what a Monday-morning digest reports. */
export const lastCompleteWeek = (now: Date, timeZone: string): DigestWeek => weekOfStart(DateTime.fromJSDate(now).setZone(timeZone).startOf('week').minus({ weeks: 1 }));

/** The week named `2026-W49`, in `timeZone`; null when there is no such week. */
export function namedWeek(week: string, timeZone: string): DigestWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const start = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: timeZone });
  return start.isValid && start.toFormat("kkkk-'W'WW") === week ? weekOfStart(start) : null;
}
