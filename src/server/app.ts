import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccessDeclarations } from './access/actor.js';
import type { AppContext } from './context.js';
import { registerOpenApi } from './http/openapi.js';
import { registerProblemHandlers } from './http/problem.js';
import { serializerCompiler } from './http/serializer.js';
import { incidentRoutes } from './incidents/incidents.routes.js';
import { reviewRoutes } from './reviews/reviews.routes.js';
import { registerWebApp } from './web-app.js';

export const APP_VERSION = '0.1.0';

export interface BuildAppOptions {
  logger?: boolean;
  /** Folder of the built web app; served at / when it exists. */
  webRoot?: string | undefined;
}

/** Builds the Fastify app: plugins, feature routes and the error handler. Does not listen. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  requireAccessDeclarations(app);
  await registerOpenApi(app, APP_VERSION);

  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['operations'], summary: 'Liveness and database reachability', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
    handler: async () => {
      await ctx.db.selectFrom('incidents').select('id').limit(1).execute();
      return { status: 'ok' as const, database: ctx.dialect };
    },
  });
  await app.register(incidentRoutes, { ctx });
  await app.register(reviewRoutes, { ctx });
  if (options.webRoot) await registerWebApp(app, options.webRoot);
  return app;
}
