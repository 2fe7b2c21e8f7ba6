import type { Kysely } from 'kysely';
import { epochMsType, withIdColumn } from '../dialect.js';

/**
 * Notifications (F14) and reminders (F3): each user's preferences, the outbound webhook endpoints
 * admins manage, and one row per delivery (a message to one recipient on one channel), unique by its
 * delivery key so no retry, restart or second instance ever sends it twice.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('preferences', 'text', (c) => c.notNull()) // JSON, shared/notifications/preferences.schema.ts
    .addColumn('digest_hour', 'integer') // null: no digest; else the local hour the digest goes
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('webhook_endpoints'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull()) // JSON list of message kinds; [] = every kind
    .addColumn('secret', 'text', (c) => c.notNull()) // whsec_<base64>, shown once when created
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('notification_deliveries'))
    .addColumn('delivery_key', 'text', (c) => c.notNull().unique())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // email | slack | webhook
    .addColumn('user_id', 'integer') // the recipient, when a person
    .addColumn('target', 'text', (c) => c.notNull()) // e-mail address, Slack channel or user, endpoint id
    .addColumn('incident_id', 'integer')
    .addColumn('message', 'text', (c) => c.notNull()) // JSON: subject, text, html, link, data
    .addColumn('state', 'text', (c) => c.notNull()) // queued | digest | sent | skipped
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_at_ms', epochMsType)
    .addColumn('detail', 'text') // the peer's answer (message id, HTTP status) or why it was skipped
    .execute();
  await db.schema.createIndex('notification_deliveries_digest').on('notification_deliveries').columns(['user_id', 'state']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('webhook_endpoints').execute();
  await db.schema.dropTable('notification_preferences').execute();
}
