import pg from 'pg';

/**
 * The e2e run's own PostgreSQL database, when DATABASE_URL is set: created empty before the
 * server starts and dropped (with its connections) after the run. SQLite runs need none of this:
 * they get a fresh temporary data folder instead.
 */
const adminUrl = (base: string) => {
  const url = new URL(base);
  url.pathname = '/postgres';
  return url.toString();
};

export function e2eDatabaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(base) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const safe = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name ${name}`);
  return name;
};

export const createE2eDatabase = (base: string, name: string) => onAdmin(base, `CREATE DATABASE ${safe(name)}`);
export const dropE2eDatabase = (base: string, name: string) => onAdmin(base, `DROP DATABASE IF EXISTS ${safe(name)} WITH (FORCE)`);
