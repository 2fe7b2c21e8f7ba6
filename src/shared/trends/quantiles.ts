/**
 * Distributions, never a lone mean: incident durations are heavy-tailed, so a trend shows the
 * median, the quartiles and the 90th percentile of each period. Percentiles interpolate linearly
 * between the two nearest ranks (PostgreSQL's percentile_cont, R's type 7): SQLite computes the
 * same with distributionOf in its hindsight_distribution aggregate (server/db/sqlite-functions.ts).
 */

/** The percentiles every distribution carries, as whole percents. */
export const distributionPercents = [0, 25, 50, 75, 90, 100] as const;

export interface Distribution {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  p90: number | null;
  max: number | null;
}

export const emptyDistribution: Distribution = { count: 0, min: null, q1: null, median: null, q3: null, p90: null, max: null };

/** The 0-based position of percent `p` among `n` sorted values: the value at `lower` plus `fraction` of the step to the next. */
export function quantilePosition(n: number, p: number): { lower: number; fraction: number } {
  const scaled = (n - 1) * p; // an integer: the exact (n - 1) * p / 100, without floating-point error
  return { lower: Math.floor(scaled / 100), fraction: (scaled % 100) / 100 };
}

/** Percent `p` of `n` sorted values, given the value at each rank it needs: `valueAt(rank)`, 1-based. */
export function quantileFromRanks(n: number, p: number, valueAt: (rank: number) => number | undefined): number | null {
  if (n === 0) return null;
  const { lower, fraction } = quantilePosition(n, p);
  const low = valueAt(lower + 1);
  if (low === undefined) throw new RangeError(`The value at rank ${lower + 1} of ${n} is missing`);
  if (fraction === 0) return low;
  const high = valueAt(lower + 2);
  if (high === undefined) throw new RangeError(`The value at rank ${lower + 2} of ${n} is missing`);
  return low + (high - low) * fraction;
}

/** The distribution of `n` sorted values known at their ranks. */
export function distributionFromRanks(n: number, valueAt: (rank: number) => number | undefined): Distribution {
  if (n === 0) return emptyDistribution;
  const at = (p: number) => quantileFromRanks(n, p, valueAt);
  return { count: n, min: at(0), q1: at(25), median: at(50), q3: at(75), p90: at(90), max: at(100) };
}

/** The distribution of plain values (any order). */
export function distributionOf(values: readonly number[]): Distribution {
  const sorted = Float64Array.from(values).sort(); // a typed array sorts numerically, and fast
  return distributionFromRanks(sorted.length, (rank) => sorted[rank - 1]);
}

/** A distribution with every value passed through `f` (milliseconds to minutes, say). */
export function mapDistribution(d: Distribution, f: (value: number) => number): Distribution {
  const m = (value: number | null) => (value === null ? null : f(value));
  return { count: d.count, min: m(d.min), q1: m(d.q1), median: m(d.median), q3: m(d.q3), p90: m(d.p90), max: m(d.max) };
}
