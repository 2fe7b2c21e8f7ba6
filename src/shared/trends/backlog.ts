import { DateTime } from 'luxon';
import { addWorkingDays, type WorkingCalendar } from '../policy/working-days.js';

/** How long an open action item has been open, by day thresholds (days since it was created). */
export const ageBands = [
  { key: 'week', label: 'Under 1 week', maxDays: 7 },
  { key: 'month', label: '1–4 weeks', maxDays: 28 },
  { key: 'quarter', label: '1–3 months', maxDays: 91 },
  { key: 'half', label: '3–6 months', maxDays: 182 },
  { key: 'older', label: 'Over 6 months', maxDays: Number.POSITIVE_INFINITY },
] as const;
export type AgeBand = (typeof ageBands)[number]['key'];

/** The age band of an item created `ageMs` ago. */
export function ageBandOf(ageMs: number): AgeBand {
  const days = ageMs / 86_400_000;
  return ageBands.find((band) => days < band.maxDays)!.key;
}

/** The creation instants that start each age band, newest first: an item is in band i when created in [starts[i], starts[i - 1]). */
export const ageBandStarts = (now: Date): string[] => ageBands.slice(0, -1).map((band) => new Date(now.getTime() - band.maxDays * 86_400_000).toISOString());

/**
 * The instant before which an item must have been created to be open past `days` working days at
 * `now`: its deadline (addWorkingDays from its creation, the end of that local day) has passed.
 * Deadlines depend only on the local day of creation, so this is the start of the day after the
 * latest such day.
 */
export function openPastCutoff(now: Date, days: number, calendar: WorkingCalendar): string {
  const nowMs = now.getTime();
  let day = DateTime.fromJSDate(now).setZone(calendar.timeZone).startOf('day');
  // At most `days` working days plus the weekends and holidays between them: bounded by the walk itself.
  for (let steps = 0; steps < 10_000; steps++) {
    if (Date.parse(addWorkingDays(day.toISO()!, days, calendar)) < nowMs) return day.plus({ days: 1 }).toUTC().toISO()!;
    day = day.minus({ days: 1 });
  }
  throw new RangeError(`No working day found within 10,000 days before ${now.toISOString()}`);
}
