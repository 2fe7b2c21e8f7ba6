import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Readiness } from './readiness.js';

/** A database that takes longer than this to answer `SELECT 1` counts as unreachable. */
const READY_QUERY_TIMEOUT_MS = 2_000;

const ready = z.object({ status: z.literal('ready'), database: z.string() });
const notReady = z.object({ status: z.literal('unavailable'), reason: z.string() });

async function databaseProblem(ctx: AppContext): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the database did not answer within ${READY_QUERY_TIMEOUT_MS} ms`), READY_QUERY_TIMEOUT_MS);
  });
  const query = sql`SELECT 1`.execute(ctx.db).then(
    () => null,
    (error: unknown) => `the database is unreachable: ${error instanceof Error ? error.message : String(error)}`,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes for process supervisors and load balancers (docs/operations.md, "Health"): /livez while
 * the process runs, /readyz while it should get traffic (not shutting down, database answering).
 */
export const healthRoutes: FastifyPluginAsync<{ ctx: AppContext; readiness: Readiness }> = async (plain, { ctx, readiness }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  app.get('/livez', {
    config: { access: 'public' },
    schema: { tags: ['operations'], operationId: 'getLiveness', summary: 'The process is running (restart it when this fails)', response: { 200: z.object({ status: z.literal('alive') }) } },
    handler: async () => ({ status: 'alive' as const }),
  });
  app.get('/readyz', {
    config: { access: 'public' },
    schema: {
      tags: ['operations'],
      operationId: 'getReadiness',
      summary: 'The instance should get traffic: not shutting down, and its database answers',
      response: { 200: ready, 503: notReady },
    },
    handler: async (_request, reply) => {
      if (readiness.draining) return reply.code(503).send({ status: 'unavailable' as const, reason: 'shutting down' });
      const problem = await databaseProblem(ctx);
      if (problem) return reply.code(503).send({ status: 'unavailable' as const, reason: problem });
      return { status: 'ready' as const, database: ctx.dialect };
    },
  });
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['operations'], operationId: 'getHealth', summary: 'Liveness and database reachability', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
    handler: async () => {
      await ctx.db.selectFrom('incidents').select('id').limit(1).execute();
      return { status: 'ok' as const, database: ctx.dialect };
    },
  });
};
