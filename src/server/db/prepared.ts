import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

const compiledQueries = new Map<string, CompiledQuery>();

/**
 * Runs a hot query compiled once per dialect, with fresh parameters, skipping Kysely's per-call
 * build and compile. `build` must place its parameters in the order `parameters` gives them.
 */
export async function runPrepared<Row, DB>(
  db: Kysely<DB>,
  name: string,
  build: (db: Kysely<DB>) => Compilable<Row>,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const key = `${dialectOf(db)}:${name}`;
  let compiled = compiledQueries.get(key);
  if (!compiled) {
    compiled = build(db).compile();
    if (compiled.parameters.length !== parameters.length) throw new Error(`Prepared query ${name} expects ${compiled.parameters.length} parameters`);
    compiledQueries.set(key, compiled);
  }
  const result = await db.executeQuery<Row>({ ...compiled, parameters } as CompiledQuery<Row>);
  return result.rows;
}

/**
 * A one-row insert compiled once per table and column list: the values' own order gives the
 * parameters, so callers pass rows whose keys always come in the same order.
 */
export async function insertPrepared<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  values: Record<string, unknown>,
  returning?: string,
): Promise<Array<Record<string, unknown>>> {
  const columns = Object.keys(values);
  const name = `insert:${table}:${columns.join(',')}:${returning ?? ''}`;
  return runPrepared(
    db,
    name,
    (db) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row shape is the caller's, checked at its call site
      const insert = (db as Kysely<any>).insertInto(table).values(values);
      return (returning ? insert.returning(returning) : insert) as unknown as Compilable<Record<string, unknown>>;
    },
    Object.values(values),
  );
}
