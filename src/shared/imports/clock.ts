import { DateTime } from 'luxon';
import type { LeadingStamp, WrittenDate } from './when.js';
import { instantIn } from './zones.js';

export interface Day {
  year: number;
  month: number;
  day: number;
}

export type Precision = 'second' | 'minute' | 'hour' | 'approximate' | 'range' | 'day' | 'unknown';

export interface ResolvedStamp {
  occurredAt: string | null;
  /** The day, when known (also for entries whose time is unknown). */
  date: string | null;
  precision: Precision;
  zone: string | null;
}

/** Days later than this after the reference day are read as the previous year ("12-05" in a March report). */
const YEAR_LOOKAHEAD_DAYS = 62;
/** A time this much earlier than the previous entry's, with no new date written, is the next day. */
const MIDNIGHT_BACKSTEP_MINUTES = 6 * 60;

const isoDay = (d: Day) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function completeYear(written: WrittenDate, reference: Day | null): Day | null {
  if (written.year !== null) return { year: written.year, month: written.month, day: written.day };
  if (!reference) return null;
  const ref = DateTime.fromObject(reference);
  let candidate = DateTime.fromObject({ year: reference.year, month: written.month, day: written.day });
  if (candidate.diff(ref, 'days').days > YEAR_LOOKAHEAD_DAYS) candidate = candidate.minus({ years: 1 });
  return candidate.isValid ? { year: candidate.year, month: candidate.month, day: candidate.day } : null;
}

/**
 * The running day and time of a timeline as it is read top to bottom: a written date sets the day,
 * a time alone keeps it, and a time far earlier than the one before it has crossed midnight.
 */
export class TimelineClock {
  day: Day | null;
  private lastMinutes: number | null = null;

  constructor(
    start: Day | null,
    private readonly reference: Day | null,
  ) {
    this.day = start;
  }

  setDay(written: WrittenDate): void {
    const day = completeYear(written, this.reference ?? this.day);
    if (day) this.day = day;
    this.lastMinutes = null;
  }

  /** Resolve a stamp in the given zone (the entry's own zone wins). */
  resolve(stamp: LeadingStamp, zone: string): ResolvedStamp {
    if (stamp.date) this.setDay(stamp.date);
    const entryZone = stamp.zone ?? zone;
    if (!stamp.time) {
      return { occurredAt: null, date: stamp.date && this.day ? isoDay(this.day) : null, precision: stamp.date && !stamp.unknown ? 'day' : 'unknown', zone: entryZone };
    }
    const minutes = stamp.time.hour * 60 + stamp.time.minute;
    if (!stamp.date && this.day && this.lastMinutes !== null && minutes < this.lastMinutes - MIDNIGHT_BACKSTEP_MINUTES) {
      const next = DateTime.fromObject(this.day).plus({ days: 1 });
      this.day = { year: next.year, month: next.month, day: next.day };
    }
    this.lastMinutes = minutes;
    const precision: Precision = stamp.range
      ? 'range'
      : stamp.approximate
        ? 'approximate'
        : stamp.time.hourOnly
          ? 'hour'
          : stamp.time.hasSeconds
            ? 'second'
            : 'minute';
    if (!this.day) return { occurredAt: null, date: null, precision, zone: entryZone };
    const occurredAt = instantIn({ ...this.day, hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second }, entryZone);
    return { occurredAt, date: isoDay(this.day), precision, zone: entryZone };
  }
}
