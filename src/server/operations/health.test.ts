import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { createTestDatabase, databaseKinds, testConfig, testContext } from '../../../test/support/databases.js';
import { buildApp } from '../app.js';
import type { DatabaseHandle } from '../db/kysely.js';
import { Readiness } from './readiness.js';

describe.each(databaseKinds)('liveness and readiness on %s', (kind) => {
  const readiness = new Readiness();
  const t = useTestApp(kind, testConfig(), { operations: { readiness } });

  it('is alive and ready while the database answers, and stops being ready first when shutdown begins', async () => {
    expect(await t.requestAs(null, { method: 'GET', url: '/livez' })).toMatchObject({ status: 200, body: { status: 'alive' } });
    expect(await t.requestAs(null, { method: 'GET', url: '/readyz' })).toMatchObject({ status: 200, body: { status: 'ready', database: kind } });
    readiness.startDraining();
    expect(await t.requestAs(null, { method: 'GET', url: '/readyz' })).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'shutting down' } });
    // Still alive, still serving what arrives, but each connection closes after its answer.
    const live = await t.requestAs(null, { method: 'GET', url: '/livez' });
    expect(live.status).toBe(200);
    expect(live.headers.connection).toBe('close');
  });

  it('is not ready when the database stops answering, and says so', async () => {
    const database = await createTestDatabase(kind);
    const app = await buildApp(testContext(database.handle));
    await app.ready();
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await makeUnreachable(database.handle);
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/database/) });
      expect((await app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
    } finally {
      await app.close();
      if (kind === 'postgres') await allowConnections(database.handle, true);
      await database.drop();
    }
  });
});

/** PostgreSQL refuses new connections to the database and drops the open ones; SQLite's file is closed. */
async function makeUnreachable(handle: DatabaseHandle): Promise<void> {
  if (handle.database.kind === 'sqlite') return handle.close();
  await allowConnections(handle, false);
}

async function allowConnections(handle: DatabaseHandle, allow: boolean): Promise<void> {
  if (handle.database.kind !== 'postgres') return;
  const url = new URL(handle.database.url);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(url, { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS ${allow}`);
    if (!allow) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  } finally {
    await admin.end();
  }
}
