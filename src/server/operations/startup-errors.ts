import type { Config } from '../config.js';

/** An error the command line reports in one line, without a stack: the user can act on its message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

type Coded = Error & { code?: string; syscall?: string; address?: string; port?: number; hostname?: string; path?: string };

/** The innermost error: a migration failure wraps the driver's, which may wrap the socket's. */
function rootCause(error: unknown): Coded | null {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    if ((current as Coded).code || !(current.cause instanceof Error)) return current as Coded;
    current = current.cause;
  }
  return current instanceof Error ? (current as Coded) : null;
}

/** Where the database is, without the password. */
function databaseName(database: Config['database']): string {
  if (database.kind === 'sqlite') return `the SQLite database ${database.file}`;
  try {
    const url = new URL(database.url);
    return `the PostgreSQL database ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'the PostgreSQL database';
  }
}

const listenProblems: Record<string, string> = {
  EADDRINUSE: 'the port is already in use (another Hindsight, or another program; set PORT)',
  EADDRNOTAVAIL: 'this machine has no such address (set HINDSIGHT_HOST to one of its addresses, or 0.0.0.0)',
  ENOTFOUND: 'the host name does not resolve (set HINDSIGHT_HOST)',
  EAI_AGAIN: 'the host name could not be resolved (set HINDSIGHT_HOST)',
  EACCES: 'permission denied (ports below 1024 need privileges; set PORT)',
};

const postgresProblems: Record<string, string> = {
  ECONNREFUSED: 'nothing listens there',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist',
};

/**
 * One line naming a start-up problem and what to set, for the errors a configuration or a machine
 * causes (port, address, data folder, database); null for anything else (a bug: shown as it is).
 */
export function explainStartupError(error: unknown, config: Config, phase: 'listen' | 'database'): string | null {
  const cause = rootCause(error);
  if (!cause) return null;
  const code = cause.code ?? '';
  if (phase === 'listen' && (cause.syscall === 'listen' || cause.syscall === 'getaddrinfo' || code in listenProblems)) {
    const problem = listenProblems[code] ?? cause.message;
    return `Cannot listen on ${config.host}:${config.port}: ${problem}`;
  }
  if (phase !== 'database') return null;
  if (config.database.kind === 'sqlite') {
    const fsProblem = ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOENT', 'EEXIST'].includes(code) || /^SQLITE_(CANTOPEN|READONLY|PERM|IOERR)/.test(code);
    return fsProblem ? `Cannot open ${databaseName(config.database)}: ${cause.message} (check that HINDSIGHT_DATA_DIR is a folder this user can write)` : null;
  }
  const problem = postgresProblems[code];
  return problem ? `Cannot reach ${databaseName(config.database)}: ${problem} (${cause.message}; check DATABASE_URL)` : null;
}
