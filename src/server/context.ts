import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DialectName } from './db/dialect.js';
import type { Database } from './db/schema.js';

/** What every feature's service needs: the database, the configuration and a clock tests can set. */
export interface AppContext {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  now: () => Date;
}

export type Executor = Kysely<Database>;
