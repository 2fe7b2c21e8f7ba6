import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../shared/common.schema.js';
import { relatedIncidentListSchema, relatedQuerySchema, searchPageSchema, searchQuerySchema } from '../../shared/search/search.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import { relatedIncidents } from './related.service.js';
import { search } from './search.service.js';

const tags = ['search'];

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/search', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Search reviews by their words and filters, best match first, with highlighted extracts; restricted incidents only for their members',
      querystring: searchQuerySchema,
      response: { 200: searchPageSchema, ...errorResponses },
    },
    handler: (request) => search(request.ctx, request.query),
  });

  app.get('/api/reviews/:id/related', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Earlier incidents most like this review\'s (shared services, factor categories and tags, similar words), each with its reasons',
      params: idParam,
      querystring: relatedQuerySchema,
      response: { 200: relatedIncidentListSchema, ...errorResponses },
    },
    handler: (request) => relatedIncidents(request.ctx, request.params.id, request.query.limit),
  });
};
