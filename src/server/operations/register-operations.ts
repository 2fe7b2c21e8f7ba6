import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { PoolStats } from '../db/kysely.js';
import { healthRoutes } from './health.routes.js';
import { createMetrics } from './metrics.js';
import { metricsRoutes } from './metrics.routes.js';
import { Readiness } from './readiness.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export interface OperationsOptions {
  /** Shared with the shutdown sequence, which stops readiness first (operations/shutdown.ts). */
  readiness?: Readiness;
  /** PostgreSQL pool figures for /metrics (DatabaseHandle.poolStats). */
  poolStats?: (() => PoolStats) | undefined;
}

/**
 * What operators need from every request and the probes: the request id answered in X-Request-Id,
 * latency by route for /metrics, and, while draining, connections closed after their answer so
 * clients move to another instance without a reset. Register after the OpenAPI document, which
 * lists the probes.
 */
export async function registerOperations(app: FastifyInstance, ctx: AppContext, options: OperationsOptions = {}): Promise<void> {
  const readiness = options.readiness ?? new Readiness();
  const metrics = createMetrics(ctx, options.poolStats ?? null);
  // onSend runs for every answer, refusals by earlier hooks and errors included. Callback hooks:
  // they run on every request, and an async hook costs a promise each time.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // Sent while shutting down (a request already running, or one on a kept-alive connection).
    if (readiness.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? '(unmatched)', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  await app.register(healthRoutes, { ctx, readiness });
  await app.register(metricsRoutes, { ctx, metrics });
}
