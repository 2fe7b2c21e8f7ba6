import type { Kysely } from 'kysely';
import { epochMsType, notNullDefault, withIdColumn } from '../dialect.js';

/**
 * Accounts and access (F22): users, sessions, API tokens, the audit log, restricted incidents and
 * their members, plus the short-lived state of OpenID Connect sign-ins and the sign-in throttle.
 * Secrets are never stored: sessions and API tokens keep only a SHA-256 hash of the random token.
 * Instants are UTC ISO text from Date#toISOString, so they also compare correctly as text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique()) // stored trimmed and lower-cased
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('disabled', 'integer', notNullDefault(0))
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_oidc_identity_unique', ['oidc_issuer', 'oidc_subject'])
    .execute();

  await withIdColumn(db, db.schema.createTable('sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await withIdColumn(db, db.schema.createTable('api_tokens'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role_ceiling', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').columns(['user_id', 'id']).execute();

  // No foreign keys: the log outlives what it describes and must never block a change.
  await withIdColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'integer')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_incident_idx').on('audit_log').columns(['incident_id', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_user_id', 'id']).execute();

  await db.schema
    .createTable('incident_members')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('incident_members_pk', ['incident_id', 'user_id'])
    .execute();
  await db.schema.createIndex('incident_members_user_idx').on('incident_members').columns(['user_id', 'incident_id']).execute();

  await db.schema.alterTable('incidents').addColumn('restricted', 'integer', notNullDefault(0)).execute();

  // An OpenID Connect sign-in between the redirect to the provider and its callback (minutes).
  await withIdColumn(db, db.schema.createTable('oidc_logins'))
    .addColumn('handle_hash', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oidc_logins_expires_idx').on('oidc_logins').column('expires_at').execute();

  // Failed sign-ins per client address and per email, in fixed windows, shared by every app instance.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_started_ms', epochMsType, (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_throttle_window_idx').on('sign_in_throttle').column('window_started_ms').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttle').execute();
  await db.schema.dropTable('oidc_logins').execute();
  await db.schema.alterTable('incidents').dropColumn('restricted').execute();
  await db.schema.dropTable('incident_members').execute();
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
}
