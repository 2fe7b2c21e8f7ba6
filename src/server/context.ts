import type { Kysely } from 'kysely';
import type { Actor } from './access/actor.js';
import type { Config } from './config.js';
import type { DialectName } from './db/dialect.js';
import type { Database } from './db/schema.js';

/**
 * What every feature's service needs: the database, the configuration, a clock tests can set, and
 * who is acting. Each request gets its own copy with its caller as `actor` (null: anonymous), so
 * visibility rules and the audit log apply wherever a service is called from.
 */
export interface AppContext {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  now: () => Date;
  actor: Actor | null;
}

export type Executor = Kysely<Database>;
