import { sql } from 'kysely';
import type { Executor } from '../context.js';
import type { DialectName } from './dialect.js';

/**
 * SQLite's planner statistics (sqlite_stat1), kept as its documentation advises for a connection
 * kept open: every table checked when the server starts (after migrations, so new indexes are
 * included), the tables it has queried daily (retention.prune). Without statistics SQLite guesses
 * its plans. Each ANALYZE reads at most ANALYSIS_LIMIT rows of an index: every table of a 350 MB
 * database without statistics took 115 ms, so the write lock is never held long. PostgreSQL's
 * autovacuum keeps its own (docs/operations.md).
 */
const ANALYSIS_LIMIT = 1000;

export async function updatePlannerStatistics(db: Executor, dialect: DialectName, tables: 'all' | 'queried'): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql.raw(`pragma analysis_limit = ${ANALYSIS_LIMIT}`).execute(db);
  await sql.raw(tables === 'all' ? 'pragma optimize = 0x10002' : 'pragma optimize').execute(db);
}
