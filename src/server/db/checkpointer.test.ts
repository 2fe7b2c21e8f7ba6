import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Generated } from 'kysely';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BackgroundCheckpointer, FALLBACK_AUTOCHECKPOINT_PAGES, type CheckpointResult } from './checkpointer.js';
import { openDatabase } from './kysely.js';
import type { Database } from './schema.js';

/** A small table of the tests' own, beside the app's schema. */
type NotesDb = Database & { notes: { id: Generated<number>; body: string } };

const ROWS = 2_000;
const ROW_BYTES = 200;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-checkpointer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('BackgroundCheckpointer', () => {
  it('copies the WAL into the database file from its worker, and stops with the database', async () => {
    const file = path.join(dir, 'hindsight.db');
    const handle = openDatabase({ kind: 'sqlite', file });
    onTestFinished(() => handle.close()); // closing again is harmless
    expect(handle.checkpointer).toBeTruthy();
    const reports: CheckpointResult[] = [];
    handle.checkpointer!.onCheckpoint((result) => reports.push(result));

    const db = handle.db.withTables<{ notes: NotesDb['notes'] }>();
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('body', 'text', (column) => column.notNull())
      .execute();
    const rows = Array.from({ length: ROWS }, (_, i) => ({ body: `${i}:`.padEnd(ROW_BYTES, 'x') }));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < ROWS; i += 500) await trx.insertInto('notes').values(rows.slice(i, i + 500)).execute();
    });
    // The request path checkpoints only as a backstop, far beyond what was written here.
    const autocheckpoint = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db);
    expect(autocheckpoint.rows[0]?.wal_autocheckpoint).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);

    // 400 kB of rows is about 100 pages of 4 kB: only a checkpoint after the insert has that many frames.
    await vi.waitFor(() => expect(reports.some((report) => report.log >= 90 && report.checkpointed === report.log)).toBe(true), { timeout: 5_000, interval: 50 });
    expect(fs.statSync(file).size).toBeGreaterThan(ROWS * ROW_BYTES);

    await handle.close();
    // The last connection to close removes the WAL: the worker, with its connection, was gone before the app's closed.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('is not made for an in-memory database, nor for short commands that ask for none', async () => {
    for (const handle of [openDatabase({ kind: 'sqlite', file: ':memory:' }), openDatabase({ kind: 'sqlite', file: path.join(dir, 'cli.db') }, { backgroundCheckpoints: false })]) {
      try {
        expect(handle.checkpointer).toBeNull();
      } finally {
        await handle.close();
      }
    }
  });

  it('closes more than once, and a worker that cannot start is reported, not fatal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const broken = new BackgroundCheckpointer(path.join(dir, 'broken.db'), path.join(dir, 'no-such-driver.js'));
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('WAL checkpoint worker stopped')), { timeout: 5_000 });
      await broken.close();
      await broken.close();
    } finally {
      warn.mockRestore();
    }
  });
});
