import type { Kysely } from 'kysely';
import { epochMsType, withIdColumn } from '../dialect.js';

/**
 * Inbound alert webhooks (docs/integrations.md, ADR 0011):
 * - alert_sources: the endpoints admins create, one per sending system, with its secret (kept as
 *   given: HMAC schemes need it to sign again) and how its alerts become incidents;
 * - alert_deliveries: every signed delivery, its outcome, and its delivery id: (source, delivery id)
 *   is unique, so a replayed delivery is refused;
 * - alert_events: the source's events already on a timeline ((source, key) unique), so a repeated
 *   notification adds nothing;
 * - incident_external_ids: an incident's id in another system; (source, external id) is unique, so two
 *   deliveries of one alert at the same moment make one incident.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('alert_sources'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('secret_rotated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('alert_deliveries'))
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('delivery_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('incident_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_deliveries_replay_idx').on('alert_deliveries').columns(['source_id', 'delivery_id']).unique().execute();
  await db.schema.createIndex('alert_deliveries_recent_idx').on('alert_deliveries').columns(['source_id', 'id']).execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_events_pk', ['source_id', 'event_key'])
    .execute();

  await db.schema
    .createTable('incident_external_ids')
    .addColumn('incident_id', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_external_ids_pk', ['source', 'external_id'])
    .execute();
  await db.schema.createIndex('incident_external_ids_incident_idx').on('incident_external_ids').columns(['incident_id']).execute();
  await db.schema.createIndex('incident_external_ids_external_idx').on('incident_external_ids').columns(['external_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['incident_external_ids', 'alert_events', 'alert_deliveries', 'alert_sources']) await db.schema.dropTable(table).execute();
}
