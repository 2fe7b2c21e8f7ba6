import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import type { Metrics } from './metrics.js';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics: with HINDSIGHT_METRICS_TOKEN set, whoever sends it as a Bearer token;
 * without it, only callers on this machine (the client's address, as HINDSIGHT_TRUST_PROXY resolves it).
 */
function refusal(request: FastifyRequest, token: string | null): AppError | null {
  if (token === null) {
    return loopback.has(request.ip) ? null : new AppError('forbidden', '/metrics answers callers on this machine only; set HINDSIGHT_METRICS_TOKEN to scrape it from elsewhere');
  }
  const sent = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (sent === undefined) return new AppError('unauthenticated', 'Send the metrics token as "Authorization: Bearer <HINDSIGHT_METRICS_TOKEN>"');
  return timingSafeEqual(digest(sent), digest(token)) ? null : new AppError('forbidden', 'The metrics token is wrong');
}

export const metricsRoutes: FastifyPluginAsync<{ ctx: AppContext; metrics: Metrics }> = async (app, { ctx, metrics }) => {
  app.get('/metrics', {
    // Its own check below: the metrics token is not an account's credential.
    config: { access: 'public' },
    schema: {
      tags: ['operations'],
      operationId: 'getMetrics',
      summary: 'Prometheus metrics (from this machine, or with the bearer token HINDSIGHT_METRICS_TOKEN)',
      produces: ['text/plain'],
    },
    handler: async (request, reply) => {
      const refused = refusal(request, ctx.config.operations.metricsToken);
      if (refused) throw refused;
      const text = await metrics.scrape((error) => request.log.warn({ err: error }, 'metrics: the job queue could not be read'));
      return reply.type(metrics.contentType).send(text);
    },
  });
};
