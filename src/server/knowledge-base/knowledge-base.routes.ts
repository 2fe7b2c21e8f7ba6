import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { knowledgeBaseHomeSchema } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import { knowledgeBaseHome, recordReviewRead } from './knowledge-base.service.js';

export const knowledgeBaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/knowledge-base', {
    config: { access: 'viewer' },
    schema: {
      tags: ['knowledge base'],
      summary: "The knowledge base's home: published reviews you may read, recent, by service, by factor category, most read, and what was learned this month",
      response: { 200: knowledgeBaseHomeSchema, ...errorResponses },
    },
    handler: (request) => knowledgeBaseHome(request.ctx),
  });

  app.post('/api/reviews/:id/reads', {
    config: { access: 'viewer' },
    schema: {
      tags: ['knowledge base'],
      summary: 'Record that you read the review (counted once per person and day) for the most-read list; sent by the read view',
      params: idParam,
      response: { 204: z.undefined().describe('Recorded'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await recordReviewRead(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  });
};
