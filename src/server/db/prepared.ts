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
