import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { PoolStats } from '../db/kysely.js';
import { healthRoutes } from './health.routes.js';
import { createMetrics } from './metrics.js';
import { metricsRoutes } from './metrics.routes.js';
import type { Readiness } from './readiness.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export interface OperationsOptions {
  /** Shared with the shutdown sequence, which stops readiness first (operations/shutdown.ts). */
  readiness?: Readiness;
  /** PostgreSQL pool figures for /metrics (DatabaseHandle.poolStats). */
  poolStats?: (() => PoolStats) | undefined;
}

/**
 * The request id answered in X-Request-Id and, while draining, connections closed after their
 * answer so clients move to another instance without a reset. Register before every other
 * onRequest hook: headers set here stay on refusals by later hooks (401, 403, 429) and on errors.
 * A callback hook: it runs on every request, and an async hook costs a promise each time.
 */
export function registerRequestHeaders(app: FastifyInstance, readiness: Readiness): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // A request arriving while shutting down (on a kept-alive connection) closes it.
    if (readiness.draining) reply.header('connection', 'close');
    done();
  });
}

/**
 * What operators need from the probes and every request's latency by route for /metrics. Register
 * after the OpenAPI document, which lists the probes.
 */
export async function registerOperations(app: FastifyInstance, ctx: AppContext, readiness: Readiness, options: OperationsOptions = {}): Promise<void> {
  const metrics = createMetrics(ctx, options.poolStats ?? null);
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? '(unmatched)', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  await app.register(healthRoutes, { ctx, readiness });
  await app.register(metricsRoutes, { ctx, metrics });
}
