import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import { directRunner } from './direct.js';

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
  const direct = directRunner(db);
  if (direct) return direct.run(compiled.sql, parameters) as Row[];
  const result = await db.executeQuery<Row>({ ...compiled, parameters } as CompiledQuery<Row>);
  return result.rows;
}

/**
 * An insert compiled once per table, column list and number of rows: the rows' own order gives the
 * parameters, so callers pass rows whose keys always come in the same order (rows built by one
 * function). `returning` names one column, or '*' for all.
 */
export async function insertPrepared<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  values: Record<string, unknown> | Array<Record<string, unknown>>,
  returning?: string,
): Promise<Array<Record<string, unknown>>> {
  const rows = Array.isArray(values) ? values : [values];
  if (rows.length === 0) return [];
  const build = (db: Kysely<DB>) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row shape is the caller's, checked at its call site
    const insert = (db as Kysely<any>).insertInto(table).values(rows);
    const returned = returning === '*' ? insert.returningAll() : returning ? insert.returning(returning) : insert;
    return returned as unknown as Compilable<Record<string, unknown>>;
  };
  // Larger batches (imports) are rare and of any size: compiling one statement per size would not pay.
  if (rows.length > MAX_PREPARED_ROWS) return (await db.executeQuery(build(db).compile())).rows;
  const name = `insert:${table}:${Object.keys(rows[0]!).join(',')}:${rows.length}:${returning ?? ''}`;
  return runPrepared(db, name, build, rows.length === 1 ? Object.values(rows[0]!) : rows.flatMap((row) => Object.values(row)));
}

const MAX_PREPARED_ROWS = 8;
