import { sql, type RawBuilder } from 'kysely';

/**
 * A summary of a set of versioned rows for a cache key: `count:sum(id):sum(version):max(updated_at)`.
 * Ids are never reused and versions only grow, so an insert, delete or edit changes it; the last
 * change time catches what sums cannot (a restored backup that brings back other rows with the
 * same ids and versions). `alias` is the rows' table alias in the subquery.
 */
export const versionedRowsSummary = (alias: string): RawBuilder<string> =>
  sql<string>`count(*) || ':' || coalesce(sum(${sql.ref(`${alias}.id`)}), 0) || ':' || coalesce(sum(${sql.ref(`${alias}.version`)}), 0) || ':' || coalesce(max(${sql.ref(`${alias}.updated_at`)}), '')`;

/** The same for append-only rows (no version): `count:sum(id):max(created_at)`. */
export const appendedRowsSummary = (alias: string): RawBuilder<string> =>
  sql<string>`count(*) || ':' || coalesce(sum(${sql.ref(`${alias}.id`)}), 0) || ':' || coalesce(max(${sql.ref(`${alias}.created_at`)}), '')`;
