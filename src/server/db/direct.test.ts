import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from './group-commit.js';
import { openDatabase, type DatabaseHandle } from './kysely.js';
import { runPrepared } from './prepared.js';

type NotesDb = { notes: { id: number; body: string } };

let handle: DatabaseHandle;
afterEach(() => handle.close());

async function openNotes(): Promise<Kysely<NotesDb>> {
  handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await sql`CREATE TABLE notes (id integer primary key, body text not null)`.execute(handle.db);
  return handle.db as unknown as Kysely<NotesDb>;
}

const countNotes = async (db: Kysely<NotesDb>) =>
  (await runPrepared(db, 'direct-test:count', (db) => db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')), []))[0]!.n;

describe('precompiled statements run directly on SQLite', () => {
  it('outside a transaction, wait while one holds the connection, and never read what it has not committed', async () => {
    const db = await openNotes();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, body: 'uncommitted' }).execute();
      await gate;
    });
    await new Promise((resolve) => setImmediate(resolve)); // the transaction has written
    let seen: number | undefined;
    const read = countNotes(db).then((n) => (seen = n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toBeUndefined(); // waiting for the connection, not reading inside the transaction
    release();
    await transaction;
    await read;
    expect(seen).toBe(1);
  });

  it('inside a group-committed transaction, see its own writes at once', async () => {
    const db = await openNotes();
    const counts = await Promise.all(
      [1, 2].map((id) =>
        writeTransaction(db, async (trx) => {
          await trx.insertInto('notes').values({ id, body: `note ${id}` }).execute();
          return countNotes(trx);
        }),
      ),
    );
    expect(counts).toEqual([1, 2]);
  });
});
