import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Teams (issue 19, docs/teams.md):
 * - teams: a name and a unique slug (what filters name), the Slack channel of its weekly digest;
 * - team_services: the service tags it owns, lower-cased as incident_tags keeps them; indexed by
 *   service, the way trends and the digest reach incidents from a team;
 * - team_members: its accounts, who get its weekly digest by e-mail.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('teams'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('slack_channel', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_services')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_services_pk', ['team_id', 'service'])
    .execute();
  await db.schema.createIndex('team_services_service_idx').on('team_services').columns(['service']).execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user_idx').on('team_members').columns(['user_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['team_members', 'team_services', 'teams']) await db.schema.dropTable(table).execute();
}
