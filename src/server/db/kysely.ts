import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { BackgroundCheckpointer, FALLBACK_AUTOCHECKPOINT_PAGES } from './checkpointer.js';
import type { DialectName } from './dialect.js';
import { registerDirect } from './direct.js';
import { ChangeDetector, enableReadCache } from './read-cache.js';
import type { Database } from './schema.js';
import { registerSqliteFunctions } from './sqlite-functions.js';

const require = createRequire(import.meta.url);

// Parse int8 (bigint, COUNT(*)) as a JS number: our values (ids, epoch ms, counts) fit in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the database is, as configured (the event platform opens a listening connection there). */
  database: Config['database'];
  close(): Promise<void>;
  /** SQLite in a file, when serving: checkpoints the WAL off the event loop (db/checkpointer.ts). */
  checkpointer: BackgroundCheckpointer | null;
  /** PostgreSQL: the pool's connections now, for /metrics. */
  poolStats?: () => PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export interface OpenOptions {
  /** false for short commands (migrate, admin create): SQLite's own checkpoints suffice there. */
  backgroundCheckpoints?: boolean;
}

export function openDatabase(database: Config['database'], { backgroundCheckpoints = true }: OpenOptions = {}): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool replaces it on next use.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: 'postgres', database, close: () => db.destroy(), checkpointer: null, poolStats };
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SqliteDatabase(database.file);
  // WAL lets readers proceed during a write; NORMAL sync is durable across app crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  registerSqliteFunctions(sqlite);
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const changes = new ChangeDetector(() => dataVersion.get() as number);
  const statements = withStatementCache(sqlite, changes);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: statements }) });
  enableReadCache(db, changes);
  registerDirect(db, {
    run: (sql, parameters) => {
      const statement = statements.prepare(sql);
      if (statement.reader) return statement.all(parameters);
      statement.run(parameters);
      return [];
    },
    idle: () => !sqlite.inTransaction,
  });
  if (database.file === ':memory:' || !backgroundCheckpoints) return { db, dialect: 'sqlite', database, close: () => db.destroy(), checkpointer: null };
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = new BackgroundCheckpointer(database.file, require.resolve('better-sqlite3'));
  return {
    db,
    dialect: 'sqlite',
    database,
    checkpointer,
    close: async () => {
      try {
        await checkpointer.close();
      } finally {
        await db.destroy();
      }
    },
  };
}

/**
 * Transactions begin IMMEDIATE: they take the write lock at BEGIN, waiting up to busy_timeout for
 * it. A deferred BEGIN reads first and upgrades to a writer later; when another process (the
 * `hindsight admin` command line beside a running server) committed in between, SQLite answers
 * "database is locked" at once, since waiting could not help that snapshot.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running a primary-key
 * lookup, so prepared statements are kept per SQL text (queries use parameters, so the set of
 * texts is small). Safe because Kysely runs one query at a time on its single SQLite connection.
 * It also counts the writes, for the read cache (db/read-cache.ts).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, changes: ChangeDetector, capacity = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      // Kysely prepares every statement right before running it.
      if (!statement.readonly) changes.noteWrite();
      return statement;
    },
  };
}
