/**
 * SQLite statements run straight on the connection, without Kysely's per-query machinery
 * (connection provider, mutex, result transformation): for the precompiled hot queries of
 * db/prepared.ts, where that machinery cost more than SQLite itself.
 */
export interface DirectSqlite {
  /** Runs a statement as Kysely's SQLite driver would: rows for a reader, none otherwise. */
  run(sql: string, parameters: readonly unknown[]): unknown[];
  /** Whether no transaction holds the connection, so a statement outside one may run now. */
  idle(): boolean;
}

interface Registration {
  sqlite: DirectSqlite;
  /** A handle bound to a running transaction: its statements belong to it and run at once. */
  inTransaction: boolean;
}

const registrations = new WeakMap<object, Registration>();

export const registerDirect = (db: object, sqlite: DirectSqlite): void => void registrations.set(db, { sqlite, inTransaction: false });

/** Lets `trx`, a transaction on `root`'s connection, run its statements directly too. */
export function shareDirect(root: object, trx: object): void {
  const registration = registrations.get(root);
  if (registration) registrations.set(trx, { sqlite: registration.sqlite, inTransaction: true });
}

/**
 * The direct runner for `db` when a statement may run on it now, else undefined (PostgreSQL,
 * a transaction Kysely opened, or a root handle whose connection a transaction holds: that one
 * must wait its turn through Kysely).
 */
export function directRunner(db: object): DirectSqlite | undefined {
  const registration = registrations.get(db);
  if (!registration) return undefined;
  return registration.inTransaction || registration.sqlite.idle() ? registration.sqlite : undefined;
}
