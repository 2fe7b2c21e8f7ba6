import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenCreatedSchema, apiTokenCreateSchema, apiTokenListSchema } from '../../shared/accounts/token.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { errorResponses, problemSchema } from '../http/problem.schema.js';
import { noStore, principalOf } from './request-helpers.js';
import * as tokens from './tokens.service.js';

const tags = ['accounts'];

/** API tokens for scripts and the command-line client: "Authorization: Bearer hst_...". */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', noStore);

  app.post('/api/tokens', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Create an API token for yourself; the secret is in this response only',
      body: apiTokenCreateSchema,
      response: { 201: apiTokenCreatedSchema, ...errorResponses, 403: problemSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await tokens.createToken(request.ctx, principalOf(request), request.body)),
  });

  app.get('/api/tokens', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Your API tokens (never their secrets)', response: { 200: apiTokenListSchema } },
    handler: async (request) => ({ items: await tokens.listTokens(request.ctx, principalOf(request).user.id) }),
  });

  app.delete('/api/tokens/:id', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Revoke one of your API tokens (admins: anyone\'s)',
      params: idParam,
      response: { 204: z.undefined().describe('Revoked'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await tokens.revokeToken(request.ctx, principalOf(request).actor, request.params.id);
      return reply.code(204).send();
    },
  });
};
