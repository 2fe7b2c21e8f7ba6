#!/usr/bin/env node
import { createAppContext } from './context.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adminCommand, adminUsage } from './accounts/admin-cli.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/kysely.js';
import { migrateToLatest } from './db/migrate.js';
import { startJobs } from './jobs/start-jobs.js';

const usage = `Usage: hindsight <command> [options]

Commands:
  serve      migrate the database, then serve the API and web app (default port 3000)
  migrate    apply pending database migrations and exit
  config     print the effective configuration and exit (secrets masked)
${adminUsage}

Options:
  -h, --help     show this help

Configuration comes from environment variables; see docs/configuration.md.
SQLite under ./data is used unless DATABASE_URL points at PostgreSQL.`;

/** The package root, found from this file whether it runs from src/ (tsx) or dist/ (compiled). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

async function migrate(config: Config): Promise<void> {
  const handle = openDatabase(config.database, { backgroundCheckpoints: false });
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
  } finally {
    await handle.close();
  }
}

async function serve(config: Config): Promise<void> {
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const ctx = createAppContext(handle, config);
  const app = await buildApp(ctx, { logger: true, webRoot: path.join(packageRoot(), 'dist', 'web') });
  const jobs = startJobs(ctx, { log: (message, error) => app.log.warn({ err: error }, message) });
  const shutdown = async () => {
    await app.close();
    await jobs.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await app.listen({ host: config.host, port: config.port });
}

/** The configuration without secrets: no database URL (it may hold a password), no client secret. */
const printableConfig = (config: Config) => ({
  ...config,
  database: config.database.kind === 'postgres' ? { kind: 'postgres' } : config.database,
  operations: { ...config.operations, metricsToken: config.operations.metricsToken ? '(set)' : null },
  auth: { ...config.auth, oidc: config.auth.oidc && { ...config.auth.oidc, clientSecret: config.auth.oidc.clientSecret ? '(set)' : null } },
});

async function main(argv: string[]): Promise<number> {
  // `admin` parses its own options (--email, --name, --password).
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: argv[0] !== 'admin', options: { help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      await migrate(config);
      return 0;
    case 'config':
      console.log(JSON.stringify(printableConfig(config), null, 2));
      return 0;
    case 'admin':
      return adminCommand(config, argv.slice(1));
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
