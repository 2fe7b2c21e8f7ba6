import type { Kysely } from 'kysely';
import { epochMsType, withIdColumn } from '../dialect.js';

/**
 * Tracker sync (F13, docs/integrations.md): connections to GitHub, GitLab or Jira projects, the
 * services each serves, who each person is there, the issue made from each action item, and the
 * webhook deliveries already applied (so a replayed delivery changes nothing).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('tracker_connections'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('webhook_secret', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('tracker_services')
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('tracker_connections.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull().primaryKey())
    .execute();
  await db.schema
    .createTable('tracker_people')
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('tracker_connections.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('external_user', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tracker_people_pk', ['connection_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('tracker_issues')
    .addColumn('action_item_id', 'integer', (c) => c.notNull().primaryKey().references('action_items.id').onDelete('cascade'))
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('tracker_connections.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('issue_key', 'text')
    .addColumn('url', 'text')
    .addColumn('assignee', 'text')
    .addColumn('error', 'text')
    .addColumn('last_event_at_ms', epochMsType, (c) => c.notNull().defaultTo(0))
    .addColumn('status_before_close', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tracker_issues_external_idx').on('tracker_issues').columns(['connection_id', 'external_id']).unique().execute();
  await db.schema
    .createTable('tracker_deliveries')
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('tracker_connections.id').onDelete('cascade'))
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tracker_deliveries_pk', ['connection_id', 'delivery_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['tracker_deliveries', 'tracker_issues', 'tracker_people', 'tracker_services', 'tracker_connections']) await db.schema.dropTable(table).execute();
}
