import { type Generated, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.js';
import { insertPrepared } from './prepared.js';

type NotesDb = { notes: { id: Generated<number>; body: string; rank: number } };

describe.each(databaseKinds)('insertPrepared on %s', (kind) => {
  let database: TestDatabase;
  let db: Kysely<NotesDb>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db.withTables<NotesDb>() as unknown as Kysely<NotesDb>;
    await db.schema
      .createTable('notes')
      .addColumn('id', kind === 'postgres' ? 'serial' : 'integer', (column) => column.primaryKey())
      .addColumn('body', 'text', (column) => column.notNull())
      .addColumn('rank', 'integer', (column) => column.notNull())
      .execute();
  });
  afterAll(() => database.drop());

  const rows = (count: number, from: number) => Array.from({ length: count }, (_, i) => ({ body: `note ${from + i}`, rank: from + i }));

  it('inserts one row, a few rows and a large batch, each row with its own values, and returns what was asked', async () => {
    expect(await insertPrepared(db, 'notes', { body: 'one', rank: 0 }, 'id')).toEqual([{ id: expect.any(Number) }]);
    // The same sizes twice: the second run reuses the compiled statement with new values.
    for (const from of [1, 100]) {
      const few = await insertPrepared(db, 'notes', rows(3, from), '*');
      expect(few.map((row) => [row.body, row.rank])).toEqual(rows(3, from).map((row) => [row.body, row.rank]));
      const many = await insertPrepared(db, 'notes', rows(20, from + 3), '*');
      expect(many.map((row) => row.rank)).toEqual(rows(20, from + 3).map((row) => row.rank));
    }
    expect(await insertPrepared(db, 'notes', [])).toEqual([]);
    const stored = await db.selectFrom('notes').select(['body', 'rank']).orderBy('id').execute();
    expect(stored).toHaveLength(1 + 2 * 23);
    expect(stored.every((row) => row.body === (row.rank === 0 ? 'one' : `note ${row.rank}`))).toBe(true);
  });
});
