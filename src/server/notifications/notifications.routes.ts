import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import {
  notificationPreferencesStateSchema,
  notificationPreferencesUpdateSchema,
  webhookEndpointCreatedSchema,
  webhookEndpointCreateSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
} from '../../shared/notifications/notification.schema.js';
import { noStore } from '../accounts/request-helpers.js';
import { conflictResponses, errorResponses, problemSchema } from '../http/problem.schema.js';
import { getMyPreferences, saveMyPreferences } from './preferences.service.js';
import * as endpoints from './webhook-endpoints.service.js';

const tags = ['notifications'];

/** Each user's notification preferences, and the outbound webhook endpoints admins manage (docs/integrations.md). */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', noStore);

  app.get('/api/me/notification-preferences', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Your notification preferences: which messages, on which channels, and the daily digest', response: { 200: notificationPreferencesStateSchema, 403: problemSchema } },
    handler: (request) => getMyPreferences(request.ctx),
  });

  app.put('/api/me/notification-preferences', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Save your notification preferences (send the version you read; 0 before the first save)',
      body: notificationPreferencesUpdateSchema,
      response: { 200: notificationPreferencesStateSchema, ...conflictResponses, 403: problemSchema },
    },
    handler: (request) => saveMyPreferences(request.ctx, request.body),
  });

  app.get('/api/admin/webhook-endpoints', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Outbound webhook endpoints (never their secrets)', response: { 200: webhookEndpointListSchema } },
    handler: async (request) => ({ items: await endpoints.listEndpoints(request.ctx) }),
  });

  app.post('/api/admin/webhook-endpoints', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Add an outbound webhook endpoint; its signing secret is in this response only',
      body: webhookEndpointCreateSchema,
      response: { 201: webhookEndpointCreatedSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await endpoints.createEndpoint(request.ctx, request.body)),
  });

  app.patch('/api/admin/webhook-endpoints/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Enable, disable or describe an endpoint, or choose its kinds', params: idParam, body: webhookEndpointUpdateSchema, response: { 200: webhookEndpointSchema, ...errorResponses } },
    handler: (request) => endpoints.updateEndpoint(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/admin/webhook-endpoints/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Remove an endpoint', params: idParam, response: { 204: z.undefined().describe('Removed'), ...errorResponses } },
    handler: async (request, reply) => {
      await endpoints.deleteEndpoint(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  });
};
