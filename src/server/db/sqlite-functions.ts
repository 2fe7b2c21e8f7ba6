import type SqliteDatabase from 'better-sqlite3';
import { distributionOf } from '../../shared/trends/quantiles.js';

/** The SQL aggregate that gives SQLite what PostgreSQL's percentile_cont gives the trends (db/dialect.ts: distributionAggregate). */
export const DISTRIBUTION_AGGREGATE = 'hindsight_distribution';

/**
 * SQLite has no percentile aggregate. This one collects a group's non-null values and returns their
 * distribution (count, min, quartiles, p90, max; shared/trends/quantiles.ts) as JSON text, so a
 * percentile is one pass of GROUP BY, as on PostgreSQL, instead of ranking every row with window functions.
 */
export function registerSqliteFunctions(sqlite: SqliteDatabase.Database): void {
  sqlite.aggregate<number[]>(DISTRIBUTION_AGGREGATE, {
    start: () => [],
    step: (values, value) => {
      if (value !== null) values.push(Number(value));
    },
    result: (values) => JSON.stringify(distributionOf(values)),
    deterministic: true,
  });
}
