import { DateTime } from 'luxon';

/**
 * When the global incident review meets (F19): on some weekdays at one local time, in the
 * organisation's zone, e.g. Tuesdays and Thursdays at 15:00 ("twice a week"). A session is named by
 * its local day (YYYY-MM-DD), so at most one session a day.
 */
export interface Cadence {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Local time, HH:mm. */
  time: string;
  durationMinutes: number;
  timeZone: string;
}

export interface Session {
  /** The session's local day, YYYY-MM-DD: its name in URLs. */
  day: string;
  startsAt: string;
  endsAt: string;
}

/** Far enough to find any weekday of the cadence, with room for a skipped day at a DST gap. */
const SEARCH_DAYS = 15;

function sessionOn(day: DateTime, cadence: Cadence): Session {
  const [hour, minute] = cadence.time.split(':').map(Number) as [number, number];
  const start = day.set({ hour, minute, second: 0, millisecond: 0 });
  return { day: start.toISODate()!, startsAt: start.toUTC().toISO()!, endsAt: start.plus({ minutes: cadence.durationMinutes }).toUTC().toISO()! };
}

const meetsOn = (day: DateTime, cadence: Cadence) => cadence.weekdays.includes(day.weekday);

/** Whether `day` (YYYY-MM-DD) is a day the cadence meets on. */
export function isSessionDay(day: string, cadence: Cadence): boolean {
  const date = DateTime.fromISO(day, { zone: cadence.timeZone });
  return date.isValid && meetsOn(date, cadence);
}

/** The session held on `day` (which must be a session day). */
export const sessionOfDay = (day: string, cadence: Cadence): Session => sessionOn(DateTime.fromISO(day, { zone: cadence.timeZone }), cadence);

/** The first session that has not ended at `now` (the one in progress, or the next). */
export function currentOrNextSession(now: Date, cadence: Cadence): Session {
  const today = DateTime.fromJSDate(now).setZone(cadence.timeZone).startOf('day');
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = today.plus({ days: offset });
    if (!meetsOn(day, cadence)) continue;
    const session = sessionOn(day, cadence);
    if (Date.parse(session.endsAt) > now.getTime()) return session;
  }
  throw new RangeError('The cadence names no weekday');
}

/** The session before the one on `day`. */
export function previousSession(day: string, cadence: Cadence): Session {
  const date = DateTime.fromISO(day, { zone: cadence.timeZone });
  for (let offset = 1; offset < SEARCH_DAYS; offset++) {
    const earlier = date.minus({ days: offset });
    if (meetsOn(earlier, cadence)) return sessionOn(earlier, cadence);
  }
  throw new RangeError('The cadence names no weekday');
}

/** The session after the one on `day`. */
export function nextSession(day: string, cadence: Cadence): Session {
  const date = DateTime.fromISO(day, { zone: cadence.timeZone });
  for (let offset = 1; offset < SEARCH_DAYS; offset++) {
    const later = date.plus({ days: offset });
    if (meetsOn(later, cadence)) return sessionOn(later, cadence);
  }
  throw new RangeError('The cadence names no weekday');
}
