import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import {
  factorCreateSchema,
  factorLinkCreateSchema,
  factorLinkParams,
  factorLinkSuggestionsSchema,
  factorListSchema,
  factorSchema,
  factorUpdateSchema,
  taxonomySchema,
} from '../../shared/reviews/factor.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as links from './factor-links.service.js';
import * as factors from './factors.service.js';

const tags = ['reviews'];

export const factorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/taxonomy', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The factor categories and tags in force', response: { 200: taxonomySchema } },
    handler: async (request) => factors.taxonomyFor(request.ctx),
  });

  app.get('/api/reviews/:id/factors', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "The review's contributors, mitigators, risks and learnings",
      params: idParam,
      response: { 200: factorListSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await factors.listFactors(request.ctx, request.params.id) }),
  });

  app.post('/api/reviews/:id/factors', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Add a contributor, mitigator, risk or learning',
      params: idParam,
      body: factorCreateSchema,
      response: { 201: factorSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await factors.createFactor(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/factors/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Read a factor', params: idParam, response: { 200: factorSchema, ...errorResponses } },
    handler: (request) => factors.getFactor(request.ctx, request.params.id),
  });

  app.patch('/api/factors/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Edit a factor (send the version you read)',
      params: idParam,
      body: factorUpdateSchema,
      response: { 200: factorSchema, ...conflictResponses },
    },
    handler: (request) => factors.updateFactor(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/factors/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Delete a factor (send the version you read); its links from whys chains and action items go with it',
      params: idParam,
      querystring: versionQuerySchema,
      response: { 204: z.undefined().describe('Deleted'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await factors.deleteFactor(request.ctx, request.params.id, request.query.version);
      return reply.code(204).send();
    },
  });

  app.post('/api/factors/:id/links', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Link a factor to an earlier incident's factor: the contributor recurs",
      params: idParam,
      body: factorLinkCreateSchema,
      response: { 201: factorSchema, ...conflictResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await links.linkFactor(request.ctx, request.params.id, request.body.toFactorId)),
  });

  app.delete('/api/factors/:id/links/:toFactorId', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Remove a factor's link to an earlier incident's factor",
      params: factorLinkParams,
      response: { 204: z.undefined().describe('Unlinked'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await links.unlinkFactor(request.ctx, request.params.id, request.params.toFactorId);
      return reply.code(204).send();
    },
  });

  app.get('/api/factors/:id/link-suggestions', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "Earlier incidents' factors like this one (category, tag or title words), to link",
      params: idParam,
      response: { 200: factorLinkSuggestionsSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await links.linkSuggestions(request.ctx, request.params.id) }),
  });
};
