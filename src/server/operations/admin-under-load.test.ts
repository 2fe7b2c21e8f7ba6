import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { firstAdmin, hindsight, startServer, writeLoad, type ServerProcess } from '../../../test/support/server-process.js';

// Defect 9: `hindsight admin create` failed with "database is locked" 3-4 times in 5 under light
// API write load on SQLite, long before the busy timeout.
describe.each(databaseKinds)('hindsight admin create while the server takes writes, on %s', (kind) => {
  let shared: SharedDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
    server = await startServer(shared, { HINDSIGHT_JOBS: 'off' });
  }, 60_000);
  afterAll(async () => {
    if (server?.process.exitCode === null) server.process.kill('SIGKILL');
    await server?.exited;
    await shared?.drop();
  });

  it('creates every admin, and the server answers every write', { timeout: 180_000 }, async () => {
    const load = writeLoad(server.baseUrl, await firstAdmin(server.baseUrl));
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await hindsight(['admin', 'create', '--email', `admin${i}@example.com`, '--name', `Admin ${i}`], { ...shared.env, HINDSIGHT_ADMIN_PASSWORD: 'a long enough passphrase' }));
    }
    await load.stop();
    expect(results.map((r) => `${r.code} ${r.stderr.trim()}`)).toEqual(Array(4).fill('0 '));
    expect(load.failures).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThan(20);
  });
});
