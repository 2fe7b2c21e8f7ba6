import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { firstAdmin, hindsight, startServer, type ServerProcess } from '../../../test/support/server-process.js';

/** Writes through the API, a few at a time, until stopped; answers how many were acknowledged. */
function writeLoad(server: ServerProcess, headers: Record<string, string>) {
  let running = true;
  let acknowledged = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (running) {
      const response = await fetch(`${server.baseUrl}/api/incidents`, { method: 'POST', headers, body: JSON.stringify(incidentInput()) });
      if (response.status === 201) acknowledged++;
      else failures.push(`${response.status} ${await response.text()}`);
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return { acknowledged, failures };
    },
  };
}

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
    const load = writeLoad(server, await firstAdmin(server.baseUrl));
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await hindsight(['admin', 'create', '--email', `admin${i}@example.com`, '--name', `Admin ${i}`], { ...shared.env, HINDSIGHT_ADMIN_PASSWORD: 'a long enough passphrase' }));
    }
    const { acknowledged, failures } = await load.stop();
    expect(results.map((r) => `${r.code} ${r.stderr.trim()}`)).toEqual(Array(4).fill('0 '));
    expect(failures).toEqual([]);
    expect(acknowledged).toBeGreaterThan(20);
  });
});
