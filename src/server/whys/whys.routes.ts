import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import { whysCreateSchema, whysListSchema, whysSchema, whysUpdateSchema } from '../../shared/reviews/whys.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as whys from './whys.service.js';

const tags = ['reviews'];

export const whysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/whys', {
    config: { access: 'viewer' },
    schema: { tags, summary: "The review's five-whys chains, in order", params: idParam, response: { 200: whysListSchema, ...errorResponses } },
    handler: async (request) => ({ items: await whys.listWhys(request.ctx, request.params.id) }),
  });

  app.post('/api/reviews/:id/whys', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Add a five-whys chain: a symptom, ordered why / because steps and the systemic cause reached',
      params: idParam,
      body: whysCreateSchema,
      response: { 201: whysSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await whys.createWhys(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/whys/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Read a five-whys chain', params: idParam, response: { 200: whysSchema, ...errorResponses } },
    handler: (request) => whys.getWhys(request.ctx, request.params.id),
  });

  app.patch('/api/whys/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Edit a five-whys chain; `steps` replaces the whole ordered list (send the version you read)',
      params: idParam,
      body: whysUpdateSchema,
      response: { 200: whysSchema, ...conflictResponses },
    },
    handler: (request) => whys.updateWhys(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/whys/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Delete a five-whys chain (send the version you read)',
      params: idParam,
      querystring: versionQuerySchema,
      response: { 204: z.undefined().describe('Deleted'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await whys.deleteWhys(request.ctx, request.params.id, request.query.version);
      return reply.code(204).send();
    },
  });
};
