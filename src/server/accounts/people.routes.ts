import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { peopleQuerySchema, peopleSchema } from '../../shared/accounts/people.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import * as users from './users.service.js';

const tags = ['accounts'];

/** Who can be named on an incident: responders pick members without the admin-only user list. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/people', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Find people to add to a restricted incident: active users whose name (admins: or email) starts with q; id and name only, at most 20',
      querystring: peopleQuerySchema,
      response: { 200: peopleSchema, ...errorResponses },
    },
    handler: (request) => users.searchPeople(request.ctx, request.query),
  });
};
