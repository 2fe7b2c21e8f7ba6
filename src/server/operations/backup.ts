import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Config } from '../config.js';
import { CliError } from './startup-errors.js';

/**
 * `hindsight backup` and `hindsight restore` (docs/operations.md, "Backups"). SQLite uses its
 * online backup API: one consistent snapshot while the server keeps writing (WAL readers do not
 * block writers). PostgreSQL uses pg_dump/pg_restore in the custom format. A relative file is
 * taken from the current folder; the folder is created when missing; the backup is written beside
 * it under a temporary name and renamed, so a failed backup never leaves a truncated file.
 */
export async function backupDatabase(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    throw new CliError(`Cannot create the folder ${path.dirname(target)}: ${(error as Error).message}`);
  }
  const partial = `${target}.partial-${process.pid}`;
  try {
    if (config.database.kind === 'sqlite') await backupSqlite(config.database.file, partial);
    else await run('pg_dump', ['--format=custom', '--no-owner', '--file', partial], config.database.url);
    fs.renameSync(partial, target);
    return target;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Replaces the database's content with the backup's. The server must be stopped. */
export async function restoreDatabase(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`No backup at ${source}`);
  if (config.database.kind === 'postgres') {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error'], config.database.url, [source]);
    return;
  }
  checkSqliteBackup(source);
  const live = config.database.file;
  fs.mkdirSync(path.dirname(live), { recursive: true });
  if (fs.existsSync(live)) refuseWhileOpen(live);
  const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(live, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }
}

/** Pages per backup step: all of them, so the copy is one snapshot instead of restarting after each write. */
const ALL_PAGES = 0x7fffffff;

async function backupSqlite(file: string, target: string): Promise<void> {
  if (!fs.existsSync(file)) throw new CliError(`No database at ${file} (check HINDSIGHT_DATA_DIR)`);
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  // A self-contained file: reading it later (restore) leaves no -wal and -shm files beside it.
  const copy = new SqliteDatabase(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function checkSqliteBackup(file: string): void {
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('quick_check', { simple: true }) === 'ok';
    const hindsight = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incidents'").get();
    if (!ok || !hindsight) throw new CliError(`${file} is not a Hindsight SQLite backup${ok ? '' : ' (it is damaged)'}`);
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(`${file} is not a Hindsight SQLite backup: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Restoring under a running server would leave it serving what it cached: refuse while another process has the file open. */
function refuseWhileOpen(file: string): void {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch {
    throw new CliError(`${file} is in use: stop the server before restoring`);
  } finally {
    db.close();
  }
}

/** Runs a PostgreSQL client tool on the database; the password goes in the environment, not the command line. */
function run(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string, trailing: string[] = []): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, '--dbname', url.toString(), ...trailing], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CliError(error.code === 'ENOENT' ? `${tool} was not found: install the PostgreSQL client tools (the server's major version or newer)` : `${tool}: ${error.message}`)),
    );
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new CliError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}
