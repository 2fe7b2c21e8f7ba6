import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../../test/support/databases.js';
import { openDatabase, type DatabaseHandle } from './kysely.js';
import { cachedRead, ChangeDetector, readThrough } from './read-cache.js';
import type { Database } from './schema.js';

/** A small table of the tests' own, beside the app's schema. */
type NotesDb = Database & { notes: { id: Generated<number>; body: string } };

const opened: DatabaseHandle[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A SQLite database with one small table. readThrough must be given `handle.db` itself (the read
 * cache belongs to that object); `notes` is a typed view of the same connection for the queries.
 */
async function openNotes(file = ':memory:') {
  const handle = openDatabase({ kind: 'sqlite', file });
  opened.push(handle);
  const notes: Kysely<NotesDb> = handle.db.withTables<{ notes: NotesDb['notes'] }>();
  await notes.schema
    .createTable('notes')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('body', 'text', (column) => column.notNull())
    .execute();
  const bodies = vi.fn(async () => (await notes.selectFrom('notes').select('body').orderBy('id').execute()).map((row) => row.body));
  return { handle, notes, bodies };
}

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-read-cache-'));
  tempDirs.push(dir);
  return path.join(dir, 'hindsight.db');
}

const pastDataVersionInterval = () => new Promise((resolve) => setTimeout(resolve, 120));

describe('ChangeDetector', () => {
  function detector() {
    const clock = { ms: 1_000 };
    const database = { version: 1 };
    const dataVersion = vi.fn(() => database.version);
    return { changes: new ChangeDetector(dataVersion, () => clock.ms), clock, database, dataVersion };
  }

  it('gives the same stamp while nothing is written, and a new one after each noteWrite', () => {
    const { changes } = detector();
    const first = changes.stamp();
    expect(changes.stamp()).toBe(first);
    changes.noteWrite();
    const second = changes.stamp();
    expect(second).not.toBe(first);
    changes.noteWrite();
    expect(changes.stamp()).not.toBe(second);
  });

  it("notices another connection's commit (a new data_version) only once 100 ms of its clock have passed since it last looked", () => {
    const { changes, clock, database } = detector();
    const before = changes.stamp();
    database.version = 2;
    clock.ms += 99;
    expect(changes.stamp()).toBe(before);
    clock.ms += 1;
    expect(changes.stamp()).not.toBe(before);
  });

  it('asks for data_version at most once per 100 ms', () => {
    const { changes, clock, dataVersion } = detector();
    for (let i = 0; i < 10; i++) {
      changes.stamp();
      clock.ms += 10;
    }
    expect(dataVersion).toHaveBeenCalledTimes(1);
    clock.ms += 5;
    changes.stamp();
    expect(dataVersion).toHaveBeenCalledTimes(2);
  });
});

describe('readThrough on SQLite', () => {
  it('serves a second read of the same key from memory while nothing is written', async () => {
    const { handle, notes, bodies } = await openNotes();
    await notes.insertInto('notes').values({ body: 'first' }).execute();
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['first']);
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['first']);
    expect(bodies).toHaveBeenCalledTimes(1);

    const other = vi.fn(async () => 'other value');
    expect(await readThrough(handle.db, 'another key', other)).toBe('other value');
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('answers cachedRead from memory only what readThrough kept, and nothing once anything was written', async () => {
    const { handle, notes, bodies } = await openNotes();
    expect(cachedRead(handle.db, 'notes')).toBeUndefined();
    await readThrough(handle.db, 'notes', bodies);
    expect(cachedRead(handle.db, 'notes')).toEqual([]);
    await notes.insertInto('notes').values({ body: 'a' }).execute();
    expect(cachedRead(handle.db, 'notes')).toBeUndefined();
    await handle.db.transaction().execute(async (trx) => expect(cachedRead<Database, string[]>(trx, 'notes')).toBeUndefined());
  });

  it('does not keep a load that found nothing', async () => {
    const { handle } = await openNotes();
    const missing = vi.fn(async () => undefined);
    await readThrough(handle.db, 'missing', missing);
    await readThrough(handle.db, 'missing', missing);
    expect(missing).toHaveBeenCalledTimes(2);
  });

  it('loads again after any write through Kysely: insert, update, delete, raw SQL, schema change', async () => {
    const { handle, notes, bodies } = await openNotes();
    const writes: Array<[string, () => Promise<unknown>, string[]]> = [
      ['insert', () => notes.insertInto('notes').values({ body: 'a' }).execute(), ['a']],
      ['update', () => notes.updateTable('notes').set({ body: 'b' }).execute(), ['b']],
      ['raw insert', () => sql`INSERT INTO notes (body) VALUES ('c')`.execute(notes), ['b', 'c']],
      ['delete', () => notes.deleteFrom('notes').where('body', '=', 'b').execute(), ['c']],
      ['schema change', () => notes.schema.createIndex('notes_body').on('notes').column('body').execute(), ['c']],
    ];
    await readThrough(handle.db, 'notes', bodies);
    for (const [name, write, expected] of writes) {
      const loadsBefore = bodies.mock.calls.length;
      await write();
      expect(await readThrough(handle.db, 'notes', bodies), name).toEqual(expected);
      expect(bodies.mock.calls.length, name).toBe(loadsBefore + 1);
      await readThrough(handle.db, 'notes', bodies);
      expect(bodies.mock.calls.length, `${name}, read again`).toBe(loadsBefore + 1);
    }
  });

  it('empties the whole cache on a write, not only the key that was read next', async () => {
    const { handle, notes, bodies } = await openNotes();
    const unrelated = vi.fn(async () => 'unrelated');
    await readThrough(handle.db, 'unrelated', unrelated);
    await notes.insertInto('notes').values({ body: 'a' }).execute();
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['a']);
    await readThrough(handle.db, 'unrelated', unrelated);
    expect(unrelated).toHaveBeenCalledTimes(2);
  });

  it('does not keep a value whose load began before a write that a later read has already seen past', async () => {
    const { handle, notes, bodies } = await openNotes();
    await notes.insertInto('notes').values({ body: 'old' }).execute();
    let selected!: () => void;
    let release!: () => void;
    const didSelect = new Promise<void>((resolve) => (selected = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = readThrough(handle.db, 'notes', async () => {
      const rows = await bodies();
      selected();
      await gate; // the load is still running...
      return rows;
    });
    await didSelect;
    await notes.updateTable('notes').set({ body: 'new' }).execute(); // ...when this is written
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['new']);

    release();
    expect(await slow).toEqual(['old']);
    const loads = bodies.mock.calls.length;
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['new']);
    expect(bodies.mock.calls.length).toBe(loads);
  });

  it('always loads inside a transaction, never from or into the cache of the handle', async () => {
    const { handle, notes, bodies } = await openNotes();
    await notes.insertInto('notes').values({ body: 'committed' }).execute();
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['committed']);

    const inside = vi.fn(async () => 'read in the transaction');
    await handle.db.transaction().execute(async (trx) => {
      expect(await readThrough<Database, string>(trx, 'notes', inside)).toBe('read in the transaction');
      expect(await readThrough<Database, string>(trx, 'notes', inside)).toBe('read in the transaction');
    });
    expect(inside).toHaveBeenCalledTimes(2);
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['committed']);
  });

  it('notices a commit by another connection on the same file once 100 ms have passed', async () => {
    const file = tempFile();
    const { handle, bodies } = await openNotes(file);
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual([]);

    const other = new SqliteDatabase(file);
    try {
      other.prepare("INSERT INTO notes (body) VALUES ('from another process')").run();
    } finally {
      other.close();
    }
    await pastDataVersionInterval();
    expect(await readThrough(handle.db, 'notes', bodies)).toEqual(['from another process']);
    expect(bodies).toHaveBeenCalledTimes(2);
  });
});

describe.runIf(databaseKinds.includes('postgres'))('readThrough on PostgreSQL', () => {
  it('always loads: other app instances may write at any time', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const load = vi.fn(async () => (await sql<{ answer: number }>`SELECT 42 AS answer`.execute(database.handle.db)).rows[0]);
      expect(await readThrough(database.handle.db, 'answer', load)).toEqual({ answer: 42 });
      expect(await readThrough(database.handle.db, 'answer', load)).toEqual({ answer: 42 });
      expect(load).toHaveBeenCalledTimes(2);
      expect(cachedRead(database.handle.db, 'answer')).toBeUndefined();
    } finally {
      await database.drop();
    }
  });
});
