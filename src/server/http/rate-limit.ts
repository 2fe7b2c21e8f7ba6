import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { Config } from '../config.js';
import { isApiPath, routedPath } from './routed-path.js';

/** Whose budget a request spends: the signed-in user's (all their tokens and tabs), else the address's. */
export const rateLimitKey = (request: FastifyRequest): string => (request.principal ? `user:${request.principal.user.id}` : `ip:${request.ip}`);

/**
 * API rate limits (@fastify/rate-limit): HINDSIGHT_RATE_LIMIT_PER_MINUTE requests a minute per user,
 * with the standard RateLimit-Limit/-Remaining/-Reset headers on every API answer and Retry-After
 * on a 429. Counted after authentication, so a user is one budget however many tokens they use.
 * Counts are per app instance (in memory): behind several instances the effective limit is the
 * per-instance limit times the instances a balancer spreads a client over.
 */
export async function registerRateLimit(app: FastifyInstance, config: Config): Promise<void> {
  const max = config.api.rateLimitPerMinute;
  if (max === 0) return;
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max,
    timeWindow: 60_000,
    enableDraftSpec: true,
    allowList: (request) => !isApiPath(routedPath(request)),
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests: at most ${context.max} a minute; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
}
