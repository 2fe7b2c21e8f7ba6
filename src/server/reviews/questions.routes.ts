import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { answerSchema, questionKeyParam, questionListSchema, questionSchema } from '../../shared/reviews/question.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as questions from './questions.service.js';

const tags = ['reviews'];

export const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/questions', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The key questions of the review, each with its answer or null',
      params: idParam,
      response: { 200: questionListSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await questions.listQuestions(request.ctx, request.params.id) }),
  });

  app.put('/api/reviews/:id/questions/:key', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Answer a key question; a blank answer removes it (send the version you read, none for a first answer)',
      params: questionKeyParam,
      body: answerSchema,
      response: { 200: questionSchema, ...conflictResponses },
    },
    handler: (request) => questions.answerQuestion(request.ctx, request.params.id, request.params.key, request.body),
  });

  app.delete('/api/reviews/:id/questions/:key', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Remove a question's answer (send the version you read)",
      params: questionKeyParam,
      querystring: versionQuerySchema,
      response: { 204: z.undefined().describe('Removed'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await questions.deleteAnswer(request.ctx, request.params.id, request.params.key, request.query.version);
      return reply.code(204).send();
    },
  });
};
