import type { TimelinePrecision } from '../timeline/timeline.schema.js';
import type { Precision } from './clock.js';

/** The importer reads finer kinds of precision than the timeline keeps: an hour or a bare day is approximate at best. */
const timelinePrecisionOf: Record<Precision, TimelinePrecision> = {
  second: 'exact',
  minute: 'minute',
  hour: 'approximate',
  approximate: 'approximate',
  range: 'range',
  day: 'unknown',
  unknown: 'unknown',
};

export const toTimelinePrecision = (precision: Precision): TimelinePrecision => timelinePrecisionOf[precision];

/**
 * Gives every entry an instant to be ordered by. An entry whose time is unknown takes the instant of
 * the timed entry before it in the document (or, at the top, the one after it) as an ordering anchor,
 * and its precision says 'unknown', so the anchor is never shown as its time. Without any timed entry
 * there is nothing to anchor to: null.
 */
export function anchorUntimed<T extends { occurredAt: string | null; precision: Precision }>(
  entries: T[],
): Array<T & { occurredAt: string; timelinePrecision: TimelinePrecision }> | null {
  const firstKnown = entries.find((entry) => entry.occurredAt !== null)?.occurredAt;
  if (firstKnown === undefined || firstKnown === null) return null;
  let anchor = firstKnown;
  return entries.map((entry) => {
    if (entry.occurredAt !== null) anchor = entry.occurredAt;
    return { ...entry, occurredAt: anchor, timelinePrecision: entry.occurredAt === null ? 'unknown' : toTimelinePrecision(entry.precision) };
  });
}
