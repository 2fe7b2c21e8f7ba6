import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.js';
import { writeTransaction } from './group-commit.js';
import { openDatabase, type DatabaseHandle } from './kysely.js';
import type { Database } from './schema.js';

/** A small table of the tests' own, beside the app's schema. */
type NotesDb = Database & { notes: { id: Generated<number>; body: string } };

const countNotes = async (db: Kysely<NotesDb>) => Number((await db.selectFrom('notes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const bodiesOf = async (db: Kysely<NotesDb>) => (await db.selectFrom('notes').select('body').orderBy('id').execute()).map((row) => row.body);

describe('writeTransaction on SQLite', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let db: Kysely<NotesDb>;
  /** A second connection to the same file: it sees only what has been committed. */
  let other: SqliteDatabase.Database;
  let file: string;
  const committedCount = () => other.prepare('SELECT count(*) FROM notes').pluck().get() as number;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-group-commit-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    file = path.join(dir, `${Math.random().toString(36).slice(2)}.db`);
    handle = openDatabase({ kind: 'sqlite', file });
    db = handle.db.withTables<{ notes: NotesDb['notes'] }>();
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('body', 'text', (column) => column.notNull())
      .execute();
    other = new SqliteDatabase(file, { readonly: true });
  });
  afterEach(async () => {
    other.close();
    await handle.close();
  });

  it('runs calls made together in one transaction, in order: each sees the earlier ones, no other connection sees any before the commit', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        writeTransaction(db, async (trx) => {
          await trx.insertInto('notes').values({ body: `note ${n}` }).execute();
          return { n, seenInside: await countNotes(trx), committedOutside: committedCount() };
        }),
      ),
    );
    expect(results).toEqual([
      { n: 1, seenInside: 1, committedOutside: 0 },
      { n: 2, seenInside: 2, committedOutside: 0 },
      { n: 3, seenInside: 3, committedOutside: 0 },
      { n: 4, seenInside: 4, committedOutside: 0 },
      { n: 5, seenInside: 5, committedOutside: 0 },
    ]);
    expect(committedCount()).toBe(5);
  });

  it('answers each caller only after the commit', async () => {
    const committedWhenAnswered = await Promise.all(
      [1, 2, 3].map((n) => writeTransaction(db, (trx) => trx.insertInto('notes').values({ body: `note ${n}` }).execute()).then(() => committedCount())),
    );
    expect(committedWhenAnswered).toEqual([3, 3, 3]);
  });

  it('rolls back a failing call alone: its caller gets its own error, the others commit and get their results', async () => {
    const boom = new Error('boom');
    const outcomes = await Promise.allSettled([
      writeTransaction(db, async (trx) => (await trx.insertInto('notes').values({ body: 'first' }).returning('id').executeTakeFirstOrThrow()).id),
      writeTransaction(db, async (trx) => {
        await trx.insertInto('notes').values({ body: 'failing' }).execute();
        throw boom;
      }),
      writeTransaction(db, async (trx) => {
        await trx.insertInto('notes').values({ body: 'third' }).execute();
        return bodiesOf(trx);
      }),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: boom },
      { status: 'fulfilled', value: ['first', 'third'] },
    ]);
    expect(await bodiesOf(db)).toEqual(['first', 'third']);
    expect(committedCount()).toBe(2);
  });

  it('when one call aborts the whole transaction, fails that call alone and runs the others again', async () => {
    // RAISE(ROLLBACK) ends the transaction itself, which a savepoint cannot contain.
    await sql`CREATE TRIGGER refuse_poison BEFORE INSERT ON notes WHEN NEW.body = 'poison' BEGIN SELECT RAISE(ROLLBACK, 'poison refused'); END`.execute(db);
    const outcomes = await Promise.allSettled(
      ['first', 'poison', 'third'].map((body) =>
        writeTransaction(db, async (trx) => {
          await trx.insertInto('notes').values({ body }).execute();
          return body;
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('poison refused');
    expect(await bodiesOf(db)).toEqual(['first', 'third']);
    expect(committedCount()).toBe(2);
  });

  it('answers a failing call only after the commit, like the others', async () => {
    const committedWhenAnswered = await Promise.all([
      writeTransaction(db, async () => {
        throw new Error('fails first');
      }).catch(() => committedCount()),
      writeTransaction(db, (trx) => trx.insertInto('notes').values({ body: 'kept' }).execute()).then(() => committedCount()),
    ]);
    expect(committedWhenAnswered).toEqual([1, 1]);
  });

  it('holds the write lock from BEGIN: another process cannot commit between a call\'s read and its write', async () => {
    // A deferred BEGIN let the other process commit there, and the call then failed at once with
    // "database is locked" (SQLITE_BUSY_SNAPSHOT) whatever the busy timeout: defect 9 of issue 12.
    const outsider = new SqliteDatabase(file);
    outsider.pragma('busy_timeout = 0');
    try {
      const outsideWrite = { error: undefined as unknown };
      const outcomes = await Promise.allSettled([
        writeTransaction(db, async (trx) => {
          await countNotes(trx);
          try {
            outsider.prepare("INSERT INTO notes (body) VALUES ('outside')").run();
          } catch (error) {
            outsideWrite.error = error;
          }
          await trx.insertInto('notes').values({ body: 'first' }).execute();
        }),
        writeTransaction(db, (trx) => trx.insertInto('notes').values({ body: 'second' }).execute()),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(outsideWrite.error).toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
      outsider.prepare("INSERT INTO notes (body) VALUES ('outside')").run();
      expect(await bodiesOf(db)).toEqual(['first', 'second', 'outside']);
    } finally {
      outsider.close();
    }
  });

  it('commits a long queue every 32 calls', async () => {
    const committedOutside = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writeTransaction(db, async (trx) => {
          await trx.insertInto('notes').values({ body: `note ${i}` }).execute();
          return committedCount();
        }),
      ),
    );
    expect(committedOutside).toEqual([...Array<number>(32).fill(0), ...Array<number>(8).fill(32)]);
    expect(committedCount()).toBe(40);
  });

  it('runs a call made alone as an ordinary transaction: a failure leaves nothing', async () => {
    await expect(
      writeTransaction(db, async (trx) => {
        await trx.insertInto('notes').values({ body: 'alone' }).execute();
        throw new Error('alone and failing');
      }),
    ).rejects.toThrow('alone and failing');
    expect(await writeTransaction(db, async (trx) => (await trx.insertInto('notes').values({ body: 'alone' }).execute(), 'done'))).toBe('done');
    expect(await bodiesOf(db)).toEqual(['alone']);
  });
});

describe.runIf(databaseKinds.includes('postgres'))('writeTransaction on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Kysely<NotesDb>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    db = database.handle.db.withTables<{ notes: NotesDb['notes'] }>();
    await db.schema
      .createTable('notes')
      .addColumn('id', 'serial', (column) => column.primaryKey())
      .addColumn('body', 'text', (column) => column.notNull())
      .execute();
  });
  afterAll(() => database?.drop());
  beforeEach(() => db.deleteFrom('notes').execute());

  it('runs each call as its own transaction, even calls made together', async () => {
    const transactionIds = await Promise.all(
      [1, 2, 3].map((n) =>
        writeTransaction(db, async (trx) => {
          await trx.insertInto('notes').values({ body: `note ${n}` }).execute();
          return (await sql<{ id: string }>`SELECT txid_current()::text AS id`.execute(trx)).rows[0]!.id;
        }),
      ),
    );
    expect(new Set(transactionIds).size).toBe(3);
    expect(await countNotes(db)).toBe(3);
  });

  it('commits a call that succeeds and returns its result; a call that fails leaves nothing', async () => {
    expect(await writeTransaction(db, async (trx) => (await trx.insertInto('notes').values({ body: 'kept' }).returning('body').executeTakeFirstOrThrow()).body)).toBe('kept');
    await expect(
      writeTransaction(db, async (trx) => {
        await trx.insertInto('notes').values({ body: 'dropped' }).execute();
        throw new Error('fails');
      }),
    ).rejects.toThrow('fails');
    expect(await bodiesOf(db)).toEqual(['kept']);
  });
});
