#!/usr/bin/env node
import { createAppContext } from './context.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adminCommand, adminUsage } from './accounts/admin-cli.js';
import { APP_VERSION, buildApp } from './app.js';
import { importCommand, importUsage } from './imports/import-cli.js';
import { clientCommand, clientCommandSummaries, isClientCommand } from './client-cli/client-commands.js';
import { mcpCommand, mcpUsage } from './mcp/mcp-stdio.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/kysely.js';
import { migrateToLatest } from './db/migrate.js';
import { startJobs } from './jobs/start-jobs.js';
import { reindexIfBehind } from './search/search-index.job.js';
import { backupDatabase, restoreDatabase } from './operations/backup.js';
import { Readiness } from './operations/readiness.js';
import { shutDown, trackConnections } from './operations/shutdown.js';
import { CliError, explainStartupError } from './operations/startup-errors.js';

const commands = {
  serve: {
    usage: 'serve',
    summary: 'migrate the database, then serve the API and web app (default port 3000)',
    details: 'Stops cleanly on SIGTERM or SIGINT (see docs/operations.md, "Stopping").',
  },
  migrate: { usage: 'migrate', summary: 'apply pending database migrations and exit', details: '' },
  config: { usage: 'config', summary: 'print the effective configuration and exit (secrets masked)', details: '' },
  backup: {
    usage: 'backup <file>',
    summary: 'write a consistent backup of the database to <file>, also while the server runs',
    details: 'SQLite: an online backup (a SQLite file). PostgreSQL: pg_dump -Fc (needs the PostgreSQL client tools).\nA relative <file> is taken from the current folder; missing folders are created.',
  },
  restore: {
    usage: 'restore <file>',
    summary: 'replace the database with the backup in <file> (stop the server first)',
    details: 'SQLite: refused while another process has the database open. PostgreSQL: pg_restore --clean in one transaction.',
  },
  import: importUsage,
  admin: { usage: adminUsage.trim(), summary: '', details: '' },
  mcp: mcpUsage,
} as const;
type Command = keyof typeof commands;

const footer = `Configuration comes from environment variables; see docs/configuration.md.
SQLite under ./data is used unless DATABASE_URL points at PostgreSQL.`;

const usage = `Usage: hindsight <command> [options]

Commands:
${Object.values(commands)
  .map((command) => (!command.summary ? `  ${command.usage}` : command.usage.length > 14 ? `  ${command.usage}\n             ${command.summary}` : `  ${command.usage.padEnd(10)} ${command.summary}`))
  .join('\n')}

Client commands (against a running server with an API token; see docs/mcp-and-cli.md):
${clientCommandSummaries()
  .map((command) => `  ${command.usage.padEnd(16)} ${command.summary}`)
  .join('\n')}

Options:
  -h, --help     show this help; hindsight <command> --help describes one command

${footer}`;

const commandUsage = (name: Command) => {
  const command = commands[name];
  return `Usage: hindsight ${command.usage}\n${command.summary ? `\n${command.summary}\n` : ''}${command.details ? `${command.details}\n` : ''}\n${footer}`;
};

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

async function migrate(config: Config): Promise<void> {
  const { handle, applied } = await openMigrated(config, { backgroundCheckpoints: false });
  await handle.close();
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
}

async function serve(config: Config): Promise<void> {
  const { handle } = await openMigrated(config, { backgroundCheckpoints: true });
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

/** The configuration without secrets: no database URL (it may hold a password), no client secret, no metrics token. */
const printableConfig = (config: Config) => ({
  ...config,
  database: config.database.kind === 'postgres' ? { kind: 'postgres' } : config.database,
  operations: { ...config.operations, metricsToken: config.operations.metricsToken ? '(set)' : null },
  auth: { ...config.auth, oidc: config.auth.oidc && { ...config.auth.oidc, clientSecret: config.auth.oidc.clientSecret ? '(set)' : null } },
  notifications: {
    ...config.notifications,
    smtp: config.notifications.smtp && { ...config.notifications.smtp, url: '(set)' },
    slack: config.notifications.slack && { ...config.notifications.slack, token: config.notifications.slack.token ? '(set)' : null, webhookUrl: config.notifications.slack.webhookUrl ? '(set)' : null },
  },
});

const isCommand = (name: string): name is Command => Object.hasOwn(commands, name);
const wantsHelp = (argv: string[]) => argv.some((arg) => arg === '--help' || arg === '-h');

/** Runs one command; answers the exit code, or -1 while it keeps running (serve). */
async function main(argv: string[]): Promise<number> {
  const name = argv[0] === undefined || argv[0].startsWith('-') ? (wantsHelp(argv) ? 'help' : 'serve') : argv[0];
  if (name === 'help') {
    console.log(usage);
    return 0;
  }
  if (isClientCommand(name)) return clientCommand(name, argv.slice(1));
  if (!isCommand(name)) throw new CliError(`Unknown command "${name}"; run hindsight --help for the list`, 2);
  if (wantsHelp(argv)) {
    console.log(commandUsage(name));
    return 0;
  }
  const rest = argv[0] === name ? argv.slice(1) : argv;
  // The server and token, not the database: no server configuration needed.
  if (name === 'mcp') return mcpCommand(rest, APP_VERSION);
  // `admin` and `import` parse their own options; the others take none.
  const { positionals } = name === 'admin' || name === 'import' ? { positionals: [] } : parseArgs({ args: rest, allowPositionals: true, strict: true, options: {} });
  const wantsFile = name === 'backup' || name === 'restore';
  if (wantsFile ? positionals.length !== 1 : positionals.length > 0) throw new CliError(`Usage: hindsight ${commands[name].usage}`, 2);
  const config = loadConfig();
  switch (name) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      await migrate(config);
      return 0;
    case 'config':
      console.log(JSON.stringify(printableConfig(config), null, 2));
      return 0;
    case 'backup':
      console.log(`Backup written to ${await backupDatabase(config, positionals[0]!)}`);
      return 0;
    case 'restore':
      await restoreDatabase(config, positionals[0]!);
      console.log(`Restored ${positionals[0]}; start the server to apply any newer migrations`);
      return 0;
    case 'admin':
      return adminCommand(config, rest);
    case 'import':
      return importCommand(config, rest);
  }
}

/** What the user reads when a command fails: one line they can act on, or the message of a bug. */
function reportFailure(error: unknown): number {
  if (error instanceof ConfigError || error instanceof CliError) {
    console.error(error.message);
    return error instanceof CliError ? error.exitCode : 1;
  }
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('ERR_PARSE_ARGS_')) {
    // Node's message goes on about positional arguments; the option's name is what helps.
    const message = (error as Error).message;
    const option = /^Unknown option '([^']+)'/.exec(message)?.[0];
    console.error(`${option ?? message}; run hindsight <command> --help for its options`);
    return 2;
  }
  console.error(`hindsight: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => process.exit(reportFailure(error)),
);
