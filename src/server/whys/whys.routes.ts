import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { factorLinkCreateSchema, factorLinkParams, factorLinkSuggestionsSchema } from '../../shared/reviews/factor.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import { whysCreateSchema, whysListSchema, whysSchema, whysUpdateSchema } from '../../shared/reviews/whys.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as links from './why-links.service.js';
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

  app.post('/api/whys/:id/links', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Link a five-whys chain's conclusion to an earlier incident's factor: the cause recurs",
      params: idParam,
      body: factorLinkCreateSchema,
      response: { 201: whysSchema, ...conflictResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await links.linkWhys(request.ctx, request.params.id, request.body.toFactorId)),
  });

  app.delete('/api/whys/:id/links/:toFactorId', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Remove a five-whys chain's link to an earlier incident's factor",
      params: factorLinkParams,
      response: { 204: z.undefined().describe('Unlinked'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await links.unlinkWhys(request.ctx, request.params.id, request.params.toFactorId);
      return reply.code(204).send();
    },
  });

  app.get('/api/whys/:id/link-suggestions', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "Earlier incidents' factors like this chain's conclusion (words of the systemic cause, category or tags of its factors), to link",
      params: idParam,
      response: { 200: factorLinkSuggestionsSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await links.linkSuggestions(request.ctx, request.params.id) }),
  });
};
