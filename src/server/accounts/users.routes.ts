import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userCreateSchema, userListQuerySchema, userPageSchema, userSchema, userUpdateSchema } from '../../shared/accounts/account.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as users from './users.service.js';

const tags = ['accounts'];

/** Managing accounts: admins only. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', {
    config: { access: 'admin' },
    schema: { tags, summary: 'List users', querystring: userListQuerySchema, response: { 200: userPageSchema, ...errorResponses } },
    handler: (request) => users.listUsers(request.ctx, request.query),
  });

  app.post('/api/users', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Create a user (without a password they sign in with single sign-on only)',
      body: userCreateSchema,
      response: { 201: userSchema, ...conflictResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await users.createUser(request.ctx, request.actor, request.body)),
  });

  app.get('/api/users/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Read a user', params: idParam, response: { 200: userSchema, ...errorResponses } },
    handler: (request) => users.getUser(request.ctx, request.params.id),
  });

  app.patch('/api/users/:id', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Change a user: name, role, disabled, or a new password (send the version you read). Disabling or a new password signs them out everywhere',
      params: idParam,
      body: userUpdateSchema,
      response: { 200: userSchema, ...conflictResponses },
    },
    handler: (request) => users.updateUser(request.ctx, request.actor, request.params.id, request.body),
  });
};
