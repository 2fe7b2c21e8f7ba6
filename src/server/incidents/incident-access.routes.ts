import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { incidentAccessSchema, incidentAccessUpdateSchema } from '../../shared/accounts/incident-access.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import * as access from './incident-access.service.js';

const tags = ['incidents'];

export const incidentAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/incidents/:id/access', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Whether the incident is restricted, and to whom', params: idParam, response: { 200: incidentAccessSchema, ...errorResponses } },
    handler: (request) => access.getIncidentAccess(request.ctx, request.actor, request.params.id),
  });

  app.put('/api/incidents/:id/access', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Restrict the incident to named people (and admins), or open it to everyone again',
      params: idParam,
      body: incidentAccessUpdateSchema,
      response: { 200: incidentAccessSchema, ...errorResponses },
    },
    handler: (request) => access.setIncidentAccess(request.ctx, request.actor, request.params.id, request.body),
  });
};
