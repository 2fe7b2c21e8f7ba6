import { DateTime } from 'luxon';

/**
 * A trend's periods: weeks (Monday), calendar months or quarters in the organisation's zone, so
 * "March" is March where the organisation works, not on the server. Each bucket is an interval of
 * UTC instants [from, to).
 */
export const trendIntervals = ['week', 'month', 'quarter'] as const;
export type TrendInterval = (typeof trendIntervals)[number];

export interface TrendBucket {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** The most periods one trend shows. */
export const MAX_BUCKETS = 120;

/** How far back a trend reaches by default: a year of months, a quarter of weeks, two years of quarters. */
const defaultSpan: Record<TrendInterval, { weeks?: number; months?: number }> = { week: { weeks: 12 }, month: { months: 11 }, quarter: { months: 21 } };

export class BucketRangeError extends RangeError {
  constructor(
    readonly field: 'from' | 'to' | 'interval',
    message: string,
  ) {
    super(message);
  }
}

const keyOf = (start: DateTime, interval: TrendInterval): string =>
  interval === 'week' ? start.toISODate()! : interval === 'month' ? start.toFormat('yyyy-MM') : `${start.year}-Q${start.quarter}`;

const labelOf = (start: DateTime, interval: TrendInterval): string =>
  interval === 'week' ? `${start.toFormat('d LLL yyyy')}` : interval === 'month' ? start.toFormat('LLL yyyy') : `Q${start.quarter} ${start.year}`;

/**
 * The buckets from the period holding local day `from` to the one holding local day `to` (both
 * YYYY-MM-DD, inclusive); by default the periods up to and including today's.
 */
export function trendBuckets(input: { from?: string | undefined; to?: string | undefined; interval: TrendInterval }, now: Date, timeZone: string): TrendBucket[] {
  const { interval } = input;
  const unit = interval === 'week' ? 'week' : interval === 'month' ? 'month' : 'quarter';
  const day = (value: string) => DateTime.fromISO(value, { zone: timeZone }).startOf('day');
  const last = (input.to ? day(input.to) : DateTime.fromJSDate(now).setZone(timeZone)).startOf(unit);
  const first = (input.from ? day(input.from) : last.minus(defaultSpan[interval])).startOf(unit);
  if (!first.isValid) throw new BucketRangeError('from', 'must be a YYYY-MM-DD date');
  if (!last.isValid) throw new BucketRangeError('to', 'must be a YYYY-MM-DD date');
  if (first > last) throw new BucketRangeError('to', 'must not be before from');
  const buckets: TrendBucket[] = [];
  for (let start = first; start <= last; start = start.plus({ [`${unit}s`]: 1 })) {
    if (buckets.length === MAX_BUCKETS) throw new BucketRangeError('interval', `the period holds more than ${MAX_BUCKETS} ${unit}s: choose a longer interval or a shorter period`);
    buckets.push({ key: keyOf(start, interval), label: labelOf(start, interval), from: start.toUTC().toISO()!, to: start.plus({ [`${unit}s`]: 1 }).toUTC().toISO()! });
  }
  return buckets;
}

/** The index of the bucket holding instant `ms`, or -1. */
export function bucketIndexOf(buckets: readonly TrendBucket[], ms: number): number {
  return buckets.findIndex((bucket) => ms >= Date.parse(bucket.from) && ms < Date.parse(bucket.to));
}
