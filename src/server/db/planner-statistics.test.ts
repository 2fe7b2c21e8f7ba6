import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { updatePlannerStatistics } from './planner-statistics.js';

// SQLite only: PostgreSQL's autovacuum keeps its statistics, and updatePlannerStatistics leaves it alone.
describe('planner statistics on sqlite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  it('are gathered at start for every indexed table that has none', async () => {
    const { db } = database.handle;
    await sql`create table planner_probe (id integer primary key, kind text not null)`.execute(db);
    await sql`create index planner_probe_kind on planner_probe (kind)`.execute(db);
    for (let i = 0; i < 300; i++) await sql`insert into planner_probe (kind) values (${i % 3 ? 'label' : 'service'})`.execute(db);
    const probed = async () => (await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'planner_probe' and idx = 'planner_probe_kind'`.execute(db).catch(() => ({ rows: [] }))).rows;
    expect(await probed()).toEqual([]);
    await updatePlannerStatistics(db, 'sqlite', 'all');
    expect(await probed()).toEqual([{ stat: '300 150' }]);
  });
});
