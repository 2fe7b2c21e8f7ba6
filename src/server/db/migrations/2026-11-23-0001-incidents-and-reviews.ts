import type { Kysely } from 'kysely';
import { epochMsType, notNullDefault, withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('incidents'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('user_facing', 'integer', notNullDefault(0))
    .addColumn('services', 'text', notNullDefault('[]'))
    .addColumn('labels', 'text', notNullDefault('[]'))
    .addColumn('commander', 'text')
    .addColumn('responders', 'text', notNullDefault('[]'))
    .addColumn('customer_impact', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('impact_started_at', 'text')
    .addColumn('detected_at', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('mitigated_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('started_at_ms', epochMsType, (c) => c.notNull())
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_started_idx').on('incidents').columns(['started_at_ms', 'id']).execute();
  await db.schema.createIndex('incidents_status_idx').on('incidents').columns(['status', 'id']).execute();

  await db.schema
    .createTable('incident_tags')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_tags_pk', ['incident_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('incident_tags_value_idx').on('incident_tags').columns(['kind', 'value', 'incident_id']).execute();

  await withIdColumn(db, db.schema.createTable('reviews'))
    .addColumn('incident_id', 'integer', (c) => c.notNull().unique().references('incidents.id').onDelete('cascade'))
    .addColumn('owner', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('due_at_ms', epochMsType)
    .addColumn('policy_required', 'integer', notNullDefault(0))
    .addColumn('policy_reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviews_due_idx').on('reviews').columns(['state', 'due_at_ms']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reviews').execute();
  await db.schema.dropTable('incident_tags').execute();
  await db.schema.dropTable('incidents').execute();
}
