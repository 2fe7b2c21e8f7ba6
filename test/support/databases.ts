import { createAppContext } from '../../src/server/context.js';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/kysely.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

/**
 * Every test that touches the database runs on both: SQLite always, PostgreSQL when DATABASE_URL is
 * set or the local server answers. Each test file gets a fresh database of its own, dropped after.
 */
const localPostgres = 'postgres://postgres@127.0.0.1:5432/postgres';
const baseUrl = process.env.DATABASE_URL ?? localPostgres;

async function postgresReachable(): Promise<boolean> {
  if (process.env.DATABASE_URL) return true;
  const client = new pg.Client({ connectionString: localPostgres, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type DatabaseKind = 'sqlite' | 'postgres';
export const databaseKinds: DatabaseKind[] = (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];

const adminUrl = (database: string) => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl('postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops a test database once the pool's connections have really gone (pool.end resolves a little early). */
async function dropWhenReleased(name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await onAdmin(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if (attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface TestDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, empty database of `kind`, migrated to the latest schema unless `migrate` is false. */
export async function createTestDatabase(kind: DatabaseKind, { migrate = true }: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
    if (migrate) await migrateToLatest(handle.db);
    return { handle, drop: () => handle.close() };
  }
  const name = `hindsight_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await onAdmin(`CREATE DATABASE ${name}`);
  const handle = openDatabase({ kind: 'postgres', url: adminUrl(name), poolSize: 10 });
  if (migrate) await migrateToLatest(handle.db);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await dropWhenReleased(name);
    },
  };
}

/** The configuration the tests run with: defaults, UTC, no holidays, unless overridden. */
export const testConfig = (env: Record<string, string> = {}): Config =>
  // API rate limits off unless a test turns them on: suites send thousands of requests as one user.
  loadConfig({ HINDSIGHT_DATA_DIR: '/tmp/hindsight-test', HINDSIGHT_TIME_ZONE: 'UTC', HINDSIGHT_RATE_LIMIT_PER_MINUTE: '0', ...env });

export function testContext(handle: DatabaseHandle, config: Config = testConfig(), now: () => Date = () => new Date()): AppContext {
  return createAppContext(handle, config, now);
}
