import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/kysely.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { DatabaseKind } from './databases.js';

/**
 * A database several app instances share, for tests of what happens across instances and
 * restarts: a fresh PostgreSQL database, or a SQLite file in a temporary folder.
 */
export interface SharedDatabase {
  kind: DatabaseKind;
  /** What a spawned server needs to use it: DATABASE_URL, or HINDSIGHT_DATA_DIR. */
  env: Record<string, string>;
  /**
   * The handle of one more app instance, migrated. On PostgreSQL each call opens a pool of its own,
   * as another instance would. A SQLite file belongs to one process (ADR 0002), so there every call
   * answers that process's one handle.
   */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const urlOf = (database: string) => Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString();

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

export async function createSharedDatabase(kind: DatabaseKind): Promise<SharedDatabase> {
  const handles: DatabaseHandle[] = [];
  const opened = async (handle: DatabaseHandle) => {
    await migrateToLatest(handle.db);
    handles.push(handle);
    return handle;
  };
  const closeAll = () => Promise.all(handles.splice(0).map((handle) => handle.close()));
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-instances-'));
    let only: Promise<DatabaseHandle> | undefined;
    return {
      kind,
      env: { HINDSIGHT_DATA_DIR: dir },
      open: () => (only ??= opened(openDatabase({ kind: 'sqlite', file: path.join(dir, 'hindsight.db') }, { backgroundCheckpoints: false }))),
      drop: async () => {
        await closeAll();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `hindsight_instances_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await onAdmin(`CREATE DATABASE ${name}`);
  return {
    kind,
    env: { DATABASE_URL: urlOf(name) },
    open: () => opened(openDatabase({ kind: 'postgres', url: urlOf(name), poolSize: 5 })),
    drop: async () => {
      await closeAll();
      await onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
