#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { adminUsage } from './accounts/admin-usage.js';
import { APP_VERSION } from './app-version.js';
import { clientCommand, clientCommandSummaries, isClientCommand } from './client-cli/client-commands.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { importUsage } from './imports/import-usage.js';
import { mcpCommand, mcpUsage } from './mcp/mcp-stdio.js';
import { CliError } from './operations/startup-errors.js';

// What a command needs beyond this file is imported when it runs: `hindsight --help` and the client
// commands start without loading the server (seconds less per call).
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
      await (await import('./operations/server-commands.js')).serve(config);
      return -1;
    case 'migrate':
      await (await import('./operations/server-commands.js')).migrate(config);
      return 0;
    case 'config':
      console.log(JSON.stringify(printableConfig(config), null, 2));
      return 0;
    case 'backup':
      console.log(`Backup written to ${await (await import('./operations/backup.js')).backupDatabase(config, positionals[0]!)}`);
      return 0;
    case 'restore':
      await (await import('./operations/backup.js')).restoreDatabase(config, positionals[0]!);
      console.log(`Restored ${positionals[0]}; start the server to apply any newer migrations`);
      return 0;
    case 'admin':
      return (await import('./accounts/admin-cli.js')).adminCommand(config, rest);
    case 'import':
      return (await import('./imports/import-cli.js')).importCommand(config, rest);
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
