import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.js';
import { retryOnDeadlock, writeTransaction } from './group-commit.js';

describe('retryOnDeadlock', () => {
  it('reruns work PostgreSQL aborted to break a deadlock or a serialization conflict, and nothing else', async () => {
    let runs = 0;
    const flaky = () => (++runs < 3 ? Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' })) : Promise.resolve('done'));
    expect(await retryOnDeadlock(flaky)).toBe('done');
    expect(runs).toBe(3);
    runs = 0;
    await expect(retryOnDeadlock(() => (++runs, Promise.reject(Object.assign(new Error('unique'), { code: '23505' }))))).rejects.toThrow('unique');
    expect(runs).toBe(1);
    await expect(retryOnDeadlock(() => Promise.reject(Object.assign(new Error('again'), { code: '40001' })))).rejects.toThrow('again');
  });
});

// A real deadlock needs two connections at once: PostgreSQL only (SQLite runs one transaction at a time).
describe.runIf(databaseKinds.includes('postgres'))('write transactions that lock rows in opposite orders on postgres', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await sql`create table pairs (id integer primary key, n integer not null)`.execute(database.handle.db);
    await sql`insert into pairs values (1, 0), (2, 0)`.execute(database.handle.db);
  });
  afterAll(() => database.drop());

  it('both commit: the one PostgreSQL aborts to break the deadlock runs again', async () => {
    const db = database.handle.db;
    let bothHoldFirstLock: () => void = () => {};
    let holding = 0;
    const barrier = new Promise<void>((resolve) => (bothHoldFirstLock = resolve));
    const bump = (first: number, second: number) =>
      writeTransaction(db, async (trx) => {
        await sql`update pairs set n = n + 1 where id = ${first}`.execute(trx);
        if (++holding === 2) bothHoldFirstLock();
        await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        await sql`update pairs set n = n + 1 where id = ${second}`.execute(trx);
      });
    await Promise.all([bump(1, 2), bump(2, 1)]);
    const rows = await sql<{ id: number; n: number }>`select id, n from pairs order by id`.execute(db);
    expect(rows.rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });
});
