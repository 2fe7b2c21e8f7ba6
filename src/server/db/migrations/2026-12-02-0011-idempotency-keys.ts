import type { Kysely } from 'kysely';
import { epochMsType, withIdColumn } from '../dialect.js';

/**
 * Idempotency-Key on API writes (src/server/idempotency/): the first request with a key reserves
 * it; its answer is stored so a retry gets the same answer instead of a second record.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('idempotency_keys'))
    .addColumn('owner', 'text', (c) => c.notNull()) // user:<id>: keys are per user
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer') // null while the first request runs
    .addColumn('response', 'text')
    .addColumn('location', 'text')
    .addColumn('created_at_ms', epochMsType, (c) => c.notNull())
    .addUniqueConstraint('idempotency_keys_owner_key_unique', ['owner', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at_ms').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
