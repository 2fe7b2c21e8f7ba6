import type { Kysely } from 'kysely';
import type { Actor } from './access/actor.js';
import { systemActor } from './access/actor.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/kysely.js';
import type { DialectName } from './db/dialect.js';
import type { Database } from './db/schema.js';
import type { EventJob } from './events/event-jobs.js';
import { EventPlatform } from './events/event-platform.js';
import type { FactorDeletedReaction } from './factors/factor-reactions.js';
import type { IncidentReaction } from './incidents/incident-reactions.js';
import type { JobDefinition } from './jobs/job-definition.js';
import type { JobSchedule } from './jobs/schedules.js';
import { appHooks } from './wiring.js';

/**
 * What every feature's service needs: the database, the configuration, a clock tests can set, who
 * is acting, and the event platform changes report to. Each request gets its own copy with its
 * caller as `actor` (null: anonymous), so visibility rules and the audit log apply wherever a
 * service is called from.
 */
export interface AppContext {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  now: () => Date;
  actor: Actor | null;
  events: EventPlatform;
  /** What features do for each other inside a change's transaction (server/wiring.ts). */
  hooks: AppHooks;
}

export interface AppHooks {
  incidentChanged: readonly IncidentReaction[];
  factorDeleted: readonly FactorDeletedReaction[];
  /** Durable work that follows events, enqueued with them (events/event-jobs.ts). */
  eventJobs: ReadonlyArray<EventJob<unknown>>;
  /** Every kind of job this version runs, and the periodic ones. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  jobs: ReadonlyArray<JobDefinition<any>>;
  jobSchedules: readonly JobSchedule[];
}

export type Executor = Kysely<Database>;

/** The context of a process (server, command line, test), acting as the system until a request names its caller. */
export function createAppContext(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'database'>, config: Config, now: () => Date = () => new Date()): AppContext {
  return {
    db: handle.db,
    dialect: handle.dialect,
    config,
    now,
    actor: systemActor,
    events: new EventPlatform(handle.db, handle.dialect, handle.database),
    hooks: appHooks(),
  };
}
