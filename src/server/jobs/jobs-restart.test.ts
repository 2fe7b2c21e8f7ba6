import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/accounts/account.schema.js';
import type { JobDetail } from '../../shared/jobs/job.schema.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';

interface Server {
  process: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

/** `hindsight serve` as production runs it, in a process of its own, on any free port. */
async function startServer(shared: SharedDatabase, env: Record<string, string>): Promise<Server> {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    env: { ...parentEnv, ...shared.env, PORT: '0', HINDSIGHT_HOST: '127.0.0.1', HINDSIGHT_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
  child.stdout!.resume();
  return { process: child, baseUrl, exited };
}

describe.each(databaseKinds)('a job enqueued before the server is killed, on %s', (kind) => {
  let shared: SharedDatabase;
  const servers: Server[] = [];
  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
  });
  afterAll(async () => {
    for (const server of servers) if (server.process.exitCode === null) server.process.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await shared.drop();
  });

  it('survives kill -9 and runs exactly once after the restart', { timeout: 90_000 }, async () => {
    // The first server runs no worker, so the ping is still queued when the process is killed.
    const first = await startServer(shared, { HINDSIGHT_JOBS: 'off' });
    servers.push(first);
    const setup = await fetch(`${first.baseUrl}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', name: 'Ops Admin', password: 'a long enough passphrase' }),
    });
    expect(setup.status).toBe(201);
    const cookie = setup.headers.getSetCookie().find((line) => line.startsWith('hindsight_session='))!.split(';')[0]!;
    const { csrfToken } = (await setup.json()) as Session;
    const ping = await fetch(`${first.baseUrl}/api/admin/jobs/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken ?? '' },
      body: '{}',
    });
    expect(ping.status).toBe(201);
    const job = (await ping.json()) as JobDetail;
    expect(job.state).toBe('queued');

    first.process.kill('SIGKILL');
    await first.exited;

    const second = await startServer(shared, { HINDSIGHT_JOBS: 'on', HINDSIGHT_JOB_POLL_MS: '100' });
    servers.push(second);
    const read = async () => (await (await fetch(`${second.baseUrl}/api/admin/jobs/${job.id}`, { headers: { cookie } })).json()) as JobDetail;
    let current = await read();
    for (let i = 0; i < 300 && current.state !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = await read();
    }
    expect(current).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    expect(current.worker).toContain(`:${second.process.pid}:`);

    // A clean stop: the HTTP server closes, then the worker, then the database.
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
