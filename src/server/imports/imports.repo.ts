import type { Generated, Insertable } from 'kysely';
import type { Executor } from '../context.js';

/** The imports table (migration 2026-12-02-0010): known only to this feature. */
interface ImportsTable {
  id: Generated<number>;
  name: string;
  content_hash: string;
  incident_ids: string;
  imported_by_user_id: number | null;
  created_at: string;
}

const withImports = (db: Executor) => db.withTables<{ imports: ImportsTable }>();

export async function findImport(db: Executor, name: string, contentHash: string): Promise<number[] | null> {
  const row = await withImports(db).selectFrom('imports').select('incident_ids').where('name', '=', name).where('content_hash', '=', contentHash).executeTakeFirst();
  return row ? (JSON.parse(row.incident_ids) as number[]) : null;
}

export async function insertImport(db: Executor, values: Insertable<ImportsTable>): Promise<void> {
  await withImports(db).insertInto('imports').values(values).execute();
}
