import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import {
  incidentReviewSchema,
  reviewListQuerySchema,
  reviewPageSchema,
  reviewRequestSchema,
  reviewSchema,
  reviewUpdateSchema,
} from '../../shared/reviews/review.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import { getIncident } from '../incidents/incidents.service.js';
import * as reviews from './reviews.service.js';

const tags = ['reviews'];

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/incidents/:id/review', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "The incident's review, if any, and what the review policy decides and why",
      params: idParam,
      response: { 200: incidentReviewSchema, ...errorResponses },
    },
    handler: async (request) => {
      const incident = await getIncident(request.ctx, request.params.id);
      return { policy: reviews.policyFor(request.ctx, incident), review: await reviews.getReviewOfIncident(request.ctx, incident.id) };
    },
  });

  app.post('/api/incidents/:id/review', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Request a review by hand (201 when created, 200 when it already existed)',
      params: idParam,
      body: reviewRequestSchema.default({}),
      response: { 200: reviewSchema, 201: reviewSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const incident = await getIncident(request.ctx, request.params.id);
      const { review, created } = await reviews.requestReview(request.ctx, incident, request.body);
      return reply.code(created ? 201 : 200).send(review);
    },
  });

  app.get('/api/reviews', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List reviews, newest first', querystring: reviewListQuerySchema, response: { 200: reviewPageSchema, ...errorResponses } },
    handler: (request) => reviews.listReviews(request.ctx, request.query),
  });

  app.get('/api/reviews/overdue', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Reviews past their due date, most overdue first', response: { 200: z.object({ items: z.array(reviewSchema) }) } },
    handler: async (request) => ({ items: await reviews.listOverdueReviews(request.ctx) }),
  });

  app.get('/api/reviews/overdue/count', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'How many reviews are past their due date (the navigation badge)', response: { 200: z.object({ count: z.number().int() }) } },
    handler: async (request) => ({ count: await reviews.countOverdueReviews(request.ctx) }),
  });

  app.get('/api/reviews/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Read a review', params: idParam, response: { 200: reviewSchema, ...errorResponses } },
    handler: (request) => reviews.getReview(request.ctx, request.params.id),
  });

  app.patch('/api/reviews/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Edit the review: owner, facilitator, scribe, template, summary, impact, learnings, state or due date (send the version you read)',
      params: idParam,
      body: reviewUpdateSchema,
      response: { 200: reviewSchema, ...conflictResponses },
    },
    handler: (request) => reviews.updateReview(request.ctx, request.params.id, request.body),
  });
};
