import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The few things that differ between SQLite and PostgreSQL, one function each. Full-text search,
 * the largest difference, has its own module: search-dialect.ts.
 */
export type DialectName = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const dialectOf = (db: Kysely<any>): DialectName =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/** An auto-incrementing integer primary key named `id`. */
export function withIdColumn<T extends string>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

/** Epoch milliseconds need 64 bits; pg's int8 is parsed as a JS number in kysely.ts. */
export const epochMsType = 'bigint' as const;

export const notNullDefault =
  (value: string | number) =>
  (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    col.notNull().defaultTo(typeof value === 'number' ? value : sql.lit(value));

/**
 * Serialises the transactions that take the same lock until they end: an advisory lock on
 * PostgreSQL; nothing on SQLite, where Kysely runs one transaction at a time on its one connection.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function transactionLock(trx: Kysely<any>, key: number): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${key}::bigint)`.execute(trx);
}

/** A unique constraint refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * Epoch milliseconds of an ISO 8601 text column kept with its original offset (the incidents' key
 * timestamps), rounded to the millisecond; null stays null.
 */
export const epochMsOfIso = (dialect: DialectName, column: string) =>
  dialect === 'postgres'
    ? sql<number>`round(extract(epoch from cast(${sql.ref(column)} as timestamptz)) * 1000)`
    : sql<number>`cast(round((julianday(${sql.ref(column)}) - 2440587.5) * 86400000.0) as integer)`;

/** A FROM item listing the strings of a JSON array text column as rows of one column, `alias.value`. */
export const jsonTextElements = (dialect: DialectName, column: string, alias: string) =>
  dialect === 'postgres'
    ? sql`jsonb_array_elements_text(cast(${sql.ref(column)} as jsonb)) as ${sql.id(alias)}(value)`
    : sql`json_each(${sql.ref(column)}) as ${sql.id(alias)}`;
