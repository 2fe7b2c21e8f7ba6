import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { createAppContext } from '../context.js';
import { openDatabase, type DatabaseHandle } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { updatePlannerStatistics } from '../db/planner-statistics.js';
import { startJobs } from '../jobs/start-jobs.js';
import { reindexIfBehind } from '../search/search-index.job.js';
import { Readiness } from './readiness.js';
import { shutDown, trackConnections } from './shutdown.js';
import { CliError, explainStartupError } from './startup-errors.js';

/**
 * `hindsight serve` and `hindsight migrate`: what needs the whole server, loaded by main.ts only
 * for them, so that help and the client commands start at once.
 */

/** The package root, found from this file whether it runs from src/ (tsx) or dist/ (compiled). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Opens and migrates the database; a problem of the machine or the configuration becomes one line. */
async function openMigrated(config: Config, options: { backgroundCheckpoints: boolean }): Promise<{ handle: DatabaseHandle; applied: string[] }> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase(config.database, options);
    return { handle, applied: await migrateToLatest(handle.db) };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    const explained = explainStartupError(error, config, 'database');
    throw explained ? new CliError(explained) : error;
  }
}

export async function migrate(config: Config): Promise<void> {
  const { handle, applied } = await openMigrated(config, { backgroundCheckpoints: false });
  await handle.close();
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
}

export async function serve(config: Config): Promise<void> {
  const { handle } = await openMigrated(config, { backgroundCheckpoints: true });
  await updatePlannerStatistics(handle.db, handle.dialect, 'all');
  const ctx = createAppContext(handle, config);
  const readiness = new Readiness();
  const app = await buildApp(ctx, { logger: true, webRoot: path.join(packageRoot(), 'dist', 'web'), operations: { readiness, poolStats: handle.poolStats } });
  const connections = trackConnections(app.server);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    const explained = explainStartupError(error, config, 'listen');
    throw explained ? new CliError(explained) : error;
  }
  const jobs = startJobs(ctx, { log: (message, error) => app.log.warn({ err: error }, message) });
  if (await reindexIfBehind(ctx)) app.log.info('search index: reindexing the reviews it does not hold yet');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal while shutting down: exiting now');
      process.exit(1);
    }
    stopping = true;
    const { shutdownDrainSeconds: drainSeconds, shutdownGraceSeconds: graceSeconds } = config.operations;
    shutDown({ app, connections, readiness, jobs, database: handle, drainSeconds, graceSeconds }).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

