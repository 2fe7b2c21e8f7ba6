import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/kysely.js';
import type { JobsHandle } from '../jobs/start-jobs.js';
import type { Readiness } from './readiness.js';

/** A connection idle this long (since it was opened or last answered) has no request on its way. */
const QUIET_MS = 500;

export interface ConnectionTracker {
  /** Connections with a request running, or opened or answered less than QUIET_MS ago. */
  unsettled(): number;
}

/**
 * Follows the server's connections, so shutdown can tell a connection whose request is still on its
 * way (accepted but not read yet by a busy process) from one that is merely kept alive.
 */
export function trackConnections(server: Server): ConnectionTracker {
  const open = new Map<Socket, { lastActivity: number; running: number }>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, { lastActivity: Date.now(), running: 0 });
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (request, response) => {
    const state = open.get(request.socket);
    if (!state) return;
    state.running++;
    response.once('close', () => {
      state.running--;
      state.lastActivity = Date.now();
    });
  });
  return {
    unsettled: () => {
      const now = Date.now();
      let count = 0;
      for (const state of open.values()) if (state.running > 0 || now - state.lastActivity < QUIET_MS) count++;
      return count;
    },
  };
}

export interface Running {
  app: FastifyInstance;
  connections: ConnectionTracker;
  readiness: Readiness;
  jobs: JobsHandle;
  database: DatabaseHandle;
  drainSeconds: number;
  graceSeconds: number;
}

/**
 * Stops a serving instance without dropping work (docs/operations.md, "Stopping"):
 * 1. not ready, and every answer closes its connection, for at least the drain period: load
 *    balancers move away, keep-alive clients reconnect elsewhere instead of meeting a reset;
 * 2. the port stays open until no connection has a request running or on its way (bounded by the
 *    grace period): closing the port drops what the process has not read yet;
 * 3. the port closes, requests still running have what is left of the grace period, then the job
 *    worker, the event platform (an onClose hook) and the database stop.
 */
export async function shutDown({ app, connections, readiness, jobs, database, drainSeconds, graceSeconds }: Running): Promise<void> {
  readiness.startDraining();
  app.log.info({ drainSeconds, graceSeconds }, 'shutting down: not ready, draining connections');
  await sleep(drainSeconds * 1000);
  const deadline = Date.now() + graceSeconds * 1000;
  while (connections.unsettled() > 0 && Date.now() < deadline) await sleep(50);
  const overdue = setTimeout(
    () => {
      app.log.warn(`requests still running after the ${graceSeconds} s grace period: closing their connections`);
      app.server.closeAllConnections();
    },
    Math.max(0, deadline - Date.now()),
  );
  try {
    await app.close();
  } finally {
    clearTimeout(overdue);
  }
  await jobs.stop();
  await database.close();
  app.log.info('stopped');
}
