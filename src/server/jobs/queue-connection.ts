import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';

/**
 * The handle the runner keeps the queue's own books with (claims, leases, outcomes). On SQLite it
 * is the app's one connection. On PostgreSQL it is a small pool of its own, whose sessions:
 *
 * - commit asynchronously (synchronous_commit=off): a claim or an outcome lost to a crash of
 *   PostgreSQL itself (not of the app) only means the job runs again, which at-least-once allows.
 *   The job itself (enqueued in the change's transaction) and the steps `once` records are
 *   written through the app's pool and stay fully durable; a later durable commit flushes the
 *   asynchronous ones before it anyway. On this machine an fsync under load cost ~8 ms a commit.
 * - never use bitmap scans: every queue query wants the claim index in order. After a burst of
 *   enqueues the table's statistics are stale and the planner picks a bitmap scan and a sort of
 *   every queued job: 20 ms per claim with 10,000 queued, against 0.05 ms in index order.
 *
 * The int8 parser set in db/kysely.ts applies to this pool too (pg's type parsers are global).
 */
export function openQueueConnection(ctx: AppContext): { db: Kysely<Database>; close(): Promise<void> } {
  const database = ctx.config.database;
  if (database.kind !== 'postgres') return { db: ctx.db, close: async () => undefined };
  const pool = new pg.Pool({ connectionString: database.url, max: 2, options: '-c synchronous_commit=off -c enable_bitmapscan=off' });
  pool.on('error', (error) => console.warn(`PostgreSQL connection of the job queue lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}
