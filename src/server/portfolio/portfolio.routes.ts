import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mergeInputSchema, mergeResultSchema, portfolioSchema } from '../../shared/portfolio/portfolio.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import { mergeDuplicates, portfolio } from './portfolio.service.js';

const tags = ['improvement portfolio'];

export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/portfolio', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Open action items across incidents, alike ones grouped and ranked (incidents, contributor categories, impact), and whether done items worked',
      response: { 200: portfolioSchema, ...errorResponses },
    },
    handler: (request) => portfolio(request.ctx),
  });

  app.post('/api/portfolio/merge', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Merge duplicate action items into one tracked item: each duplicate is declined with a reason naming the kept item',
      body: mergeInputSchema,
      response: { 200: mergeResultSchema, ...conflictResponses },
    },
    handler: (request) => mergeDuplicates(request.ctx, request.body),
  });
};
