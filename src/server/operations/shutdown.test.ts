import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { firstAdmin, startServer, type ServerProcess } from '../../../test/support/server-process.js';

type Outcome = { status: number; connection: string | undefined; title: string; id?: number } | { error: string; title: string };

/** One request on `agent`, answered with its status and body, or the error of its connection. */
function send(agent: http.Agent, url: string, options: { method: string; headers?: Record<string, string>; body?: string }, title = ''): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = http.request(url, { agent, method: options.method, headers: options.headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        const id = response.statusCode === 201 ? (JSON.parse(text) as { id: number }).id : undefined;
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, title, ...(id ? { id } : {}) });
      });
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, title }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, title }));
    request.end(options.body);
  });
}

describe.each(databaseKinds)('stopping the server with SIGTERM during a burst of writes, on %s', (kind) => {
  let shared: SharedDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
    server = await startServer(shared, { HINDSIGHT_SHUTDOWN_DRAIN_SECONDS: '1.5', HINDSIGHT_SHUTDOWN_GRACE_SECONDS: '10' });
  }, 60_000);
  afterAll(async () => {
    if (server?.process.exitCode === null) server.process.kill('SIGKILL');
    await server?.exited;
    await shared?.drop();
  });

  it('resets no connection, stores every acknowledged write, fails readiness first and exits 0', { timeout: 120_000 }, async () => {
    const headers = await firstAdmin(server.baseUrl);
    // As served by main.ts: ready, and /metrics with the pool's figures on PostgreSQL.
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics.includes('hindsight_db_pool_connections{state="idle"}')).toBe(kind === 'postgres');
    // Keep-alive connections, opened before the burst as a busy client or a proxy would hold them;
    // the burst reuses them and opens one more per request, so all of it is on its way at SIGTERM.
    const agent = new http.Agent({ keepAlive: true });
    await Promise.all(Array.from({ length: 16 }, () => send(agent, `${server.baseUrl}/livez`, { method: 'GET' })));

    const burst: Array<Promise<Outcome>> = [];
    let answered = 0;
    let signalled: Promise<Outcome> | undefined;
    for (let i = 0; i < 300; i++) {
      const title = `Burst ${kind} ${i}`;
      const outcome = send(agent, `${server.baseUrl}/api/incidents`, { method: 'POST', headers, body: JSON.stringify(incidentInput({ title })) }, title);
      burst.push(
        outcome.then((result) => {
          // SIGTERM while most of the burst is still queued or in flight.
          if (++answered === 20) {
            server.process.kill('SIGTERM');
            signalled = new Promise((resolve) => setTimeout(resolve, 200)).then(() => send(new http.Agent(), `${server.baseUrl}/readyz`, { method: 'GET' }));
          }
          return result;
        }),
      );
    }
    const outcomes = await Promise.all(burst);
    const readyDuringShutdown = await signalled!;
    expect(await server.exited).toBe(0);
    agent.destroy();

    const errors = outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));
    // Refused (never delivered, the client may retry) is allowed once the port has closed; a reset is not.
    expect(errors.filter((code) => code !== 'ECONNREFUSED')).toEqual([]);
    const acknowledged = outcomes.flatMap((outcome) => ('id' in outcome && outcome.id ? [outcome] : []));
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((outcome) => 'status' in outcome && outcome.status !== 201 && outcome.status !== 503)).toEqual([]);
    // Answers sent while draining told the client to close the connection.
    expect(outcomes.some((outcome) => 'connection' in outcome && outcome.connection === 'close')).toBe(true);
    expect(readyDuringShutdown).toMatchObject({ status: 503 });

    const handle = await shared.open();
    const stored = new Map((await handle.db.selectFrom('incidents').select(['id', 'title']).execute()).map((row) => [row.id, row.title]));
    expect(acknowledged.filter((outcome) => stored.get(outcome.id!) !== outcome.title)).toEqual([]);
    // The log tells the story, with the request id on the request's lines.
    expect(server.output()).toMatch(/shutting down: not ready, draining connections/);
    expect(server.output()).toMatch(/"reqId":"[0-9a-f-]{36}"/);
  });
});
