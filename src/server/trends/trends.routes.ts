import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  actionItemTrendSchema,
  backlogHealthSchema,
  backlogQuerySchema,
  contributorTrendSchema,
  durationTrendSchema,
  incidentTrendSchema,
  reviewDeadlineTrendSchema,
  trendQuerySchema,
} from '../../shared/trends/trends.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import type { FastifyRequest } from 'fastify';
import { trendFigures } from './trend-snapshots.js';
import type { TrendName } from './trends.service.js';

/** Cache-Control: no-cache asks for figures computed now rather than the last snapshot's (trend-snapshots.ts). */
const figures = (request: FastifyRequest, trend: TrendName) =>
  // The snapshot is the response schema's shape: the route's serializer checks it as it does a fresh one.
  trendFigures(request.ctx, trend, request.query, { current: /\bno-cache\b/.test(request.headers['cache-control'] ?? '') }) as never;

/** The trends page's data (docs/trends.md): the same numbers as its charts and tables, over the incidents you may see. */
export const trendsRoutes: FastifyPluginAsyncZod = async (app) => {
  const trend = { config: { access: 'viewer' as const }, tags: ['trends'] };

  app.get('/api/trends/incidents', {
    config: trend.config,
    schema: { tags: trend.tags, summary: 'Incidents started in each period, by severity', querystring: trendQuerySchema, response: { 200: incidentTrendSchema, ...errorResponses } },
    handler: (request) => figures(request, 'incidents'),
  });

  app.get('/api/trends/durations', {
    config: trend.config,
    schema: {
      tags: trend.tags,
      summary: 'Time to detect, respond, mitigate and resolve, and the detection-to-response gap: distributions (median, quartiles, p90) per period, in minutes',
      querystring: trendQuerySchema,
      response: { 200: durationTrendSchema, ...errorResponses },
    },
    handler: (request) => figures(request, 'durations'),
  });

  app.get('/api/trends/contributors', {
    config: trend.config,
    schema: {
      tags: trend.tags,
      summary: 'Contributor categories and tags that recur: incidents per period, and categories by service',
      querystring: trendQuerySchema,
      response: { 200: contributorTrendSchema, ...errorResponses },
    },
    handler: (request) => figures(request, 'contributors'),
  });

  app.get('/api/trends/review-deadlines', {
    config: trend.config,
    schema: {
      tags: trend.tags,
      summary: 'Reviews due in each period: deadlines met, missed, pending, and the days late',
      querystring: trendQuerySchema,
      response: { 200: reviewDeadlineTrendSchema, ...errorResponses },
    },
    handler: (request) => figures(request, 'review-deadlines'),
  });

  app.get('/api/trends/action-items', {
    config: trend.config,
    schema: {
      tags: trend.tags,
      summary: 'Action items created and done per period; open ones by age, overdue, by owner and by service',
      querystring: trendQuerySchema,
      response: { 200: actionItemTrendSchema, ...errorResponses },
    },
    handler: (request) => figures(request, 'action-items'),
  });

  app.get('/api/trends/backlog', {
    config: trend.config,
    schema: {
      tags: trend.tags,
      summary: 'Follow-up backlog health: open items by age and class, owners with the most overdue items, items open past N working days',
      querystring: backlogQuerySchema,
      response: { 200: backlogHealthSchema, ...errorResponses },
    },
    handler: (request) => figures(request, 'backlog'),
  });
};
