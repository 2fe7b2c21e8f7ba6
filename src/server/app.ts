import Fastify, { type FastifyInstance } from 'fastify';
import { APP_VERSION } from './app-version.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccessDeclarations } from './access/actor.js';
import { registerAuthentication } from './accounts/authentication.js';
import { incidentAccessRoutes } from './incidents/incident-access.routes.js';
import { authRoutes } from './accounts/auth.routes.js';
import { oidcRoutes } from './accounts/oidc.routes.js';
import { peopleRoutes } from './accounts/people.routes.js';
import { tokenRoutes } from './accounts/tokens.routes.js';
import { userRoutes } from './accounts/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { registerConditionalRequests } from './http/conditional-requests.js';
import { registerOpenApi } from './http/openapi.js';
import { registerRateLimit } from './http/rate-limit.js';
import { registerIdempotencyKeys } from './idempotency/idempotency.plugin.js';
import { registerProblemHandlers } from './http/problem.js';
import { registerSecurityHeaders } from './http/security.js';
import { validatorCompiler } from './http/validator.js';
import { jobRoutes } from './jobs/jobs.routes.js';
import { serializerCompiler } from './http/serializer.js';
import { actionItemRoutes } from './actions/action-items.routes.js';
import { changeRoutes } from './changes/changes.routes.js';
import { alertHookRoutes, alertSourceRoutes } from './alerts/alert-sources.routes.js';
import { attachmentRoutes } from './attachments/attachments.routes.js';
import { factorRoutes } from './factors/factors.routes.js';
import { incidentRoutes } from './incidents/incidents.routes.js';
import { importRoutes } from './imports/imports.routes.js';
import { languageRoutes } from './language/language.routes.js';
import { questionRoutes } from './reviews/questions.routes.js';
import { reviewCommentRoutes } from './review-comments/review-comments.routes.js';
import { meetingRoutes } from './meetings/meetings.routes.js';
import { notesRoutes } from './notes/notes.routes.js';
import { reviewDocumentRoutes } from './review-document/review-document.routes.js';
import { reviewRoutes } from './reviews/reviews.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { timelineRoutes } from './timeline/timeline.routes.js';
import { whysRoutes } from './whys/whys.routes.js';
import { liveRoutes } from './live/live.routes.js';
import { externalSummaryRoutes, sharedSummaryRoutes } from './sharing/external-summaries.routes.js';
import { exportRoutes } from './exports/exports.routes.js';
import { knowledgeBaseRoutes } from './knowledge-base/knowledge-base.routes.js';
import { globalReviewRoutes } from './global-review/global-review.routes.js';
import { portfolioRoutes } from './portfolio/portfolio.routes.js';
import { digestRoutes } from './digests/digests.routes.js';
import { trackerRoutes } from './trackers/trackers.routes.js';
import { trackerWebhookRoutes } from './trackers/tracker-webhooks.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { teamRoutes } from './teams/teams.routes.js';
import { trendsRoutes } from './trends/trends.routes.js';
import { mcpRoutes } from './mcp/mcp.routes.js';
import { registerWebApp } from './web-app.js';
import { registerOperations, registerRequestHeaders, type OperationsOptions } from './operations/register-operations.js';
import { Readiness } from './operations/readiness.js';
import { genReqId } from './operations/request-id.js';


export interface BuildAppOptions {
  logger?: boolean;
  /** Folder of the built web app; served at / when it exists. */
  webRoot?: string | undefined;
  /** Readiness shared with the shutdown sequence, pool figures for /metrics. */
  operations?: OperationsOptions;
}

/** HINDSIGHT_TRUST_PROXY as Fastify takes it: a hop count becomes "trust the first n hops". */
const trustProxy = (setting: Config['trustProxy']) =>
  typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;

/** Builds the Fastify app: plugins, feature routes and the error handler. Does not listen. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    trustProxy: trustProxy(ctx.config.trustProxy),
    // The caller's X-Request-Id when well formed (operations/request-id.ts), else a fresh one.
    genReqId,
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  // Committed events reach this instance's subscribers while the app runs.
  app.addHook('onReady', () => ctx.events.start());
  app.addHook('onClose', () => ctx.events.stop());
  requireAccessDeclarations(app);
  const readiness = options.operations?.readiness ?? new Readiness();
  registerRequestHeaders(app, readiness);
  await registerSecurityHeaders(app, ctx.config);
  await registerAuthentication(app, ctx);
  registerRateLimit(app, ctx.config);
  registerIdempotencyKeys(app, ctx);
  await registerOpenApi(app, APP_VERSION);
  registerConditionalRequests(app);
  await registerOperations(app, ctx, readiness, options.operations);

  await app.register(incidentRoutes);
  await app.register(reviewRoutes);
  await app.register(timelineRoutes);
  await app.register(reviewDocumentRoutes, { ctx });
  await app.register(factorRoutes);
  await app.register(whysRoutes);
  await app.register(questionRoutes);
  await app.register(reviewCommentRoutes);
  await app.register(meetingRoutes);
  await app.register(globalReviewRoutes);
  await app.register(portfolioRoutes);
  await app.register(digestRoutes);
  await app.register(notesRoutes);
  await app.register(actionItemRoutes);
  await app.register(languageRoutes);
  await app.register(importRoutes);
  await app.register(changeRoutes);
  await app.register(alertSourceRoutes);
  await app.register(alertHookRoutes);
  await app.register(attachmentRoutes);
  await app.register(notificationRoutes);
  await app.register(authRoutes, { ctx });
  await app.register(oidcRoutes, { ctx });
  await app.register(userRoutes);
  await app.register(peopleRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(incidentAccessRoutes);
  await app.register(liveRoutes, { ctx });
  await app.register(jobRoutes);
  await app.register(externalSummaryRoutes);
  await app.register(sharedSummaryRoutes);
  await app.register(searchRoutes);
  await app.register(knowledgeBaseRoutes);
  await app.register(trendsRoutes);
  await app.register(teamRoutes);
  await app.register(exportRoutes);
  await app.register(trackerRoutes);
  await app.register(trackerWebhookRoutes);
  await app.register(mcpRoutes(APP_VERSION));
  if (options.webRoot) await registerWebApp(app, options.webRoot);
  return app;
}
