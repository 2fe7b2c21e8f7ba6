import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertDeliveryResultSchema,
  alertSourceCreateSchema,
  alertSourceListSchema,
  alertSourceRotateSchema,
  alertSourceSchema,
  alertSourceUpdateSchema,
  alertSourceWithSecretSchema,
} from '../../shared/alerts/alert-source.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import { receiveDelivery } from './alert-deliveries.service.js';
import * as sources from './alert-sources.service.js';

const tags = ['alerts'];
/** A webhook body: large alert groups reach a few hundred kilobytes. */
const DELIVERY_BODY_LIMIT = 2 * 1024 * 1024;

/** Admins manage the endpoints and their secrets. */
export const alertSourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/admin/alert-sources', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Alert sources (inbound webhooks) with their latest deliveries', response: { 200: alertSourceListSchema, ...errorResponses } },
    handler: (request) => sources.listAlertSources(request.ctx),
  });

  app.post('/api/admin/alert-sources', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Create an alert source: the answer holds its secret, shown this once',
      body: alertSourceCreateSchema,
      response: { 201: alertSourceWithSecretSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await sources.createAlertSource(request.ctx, request.body)),
  });

  app.get('/api/admin/alert-sources/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'One alert source with its latest deliveries', params: idParam, response: { 200: alertSourceSchema, ...errorResponses } },
    handler: (request) => sources.getAlertSource(request.ctx, request.params.id),
  });

  app.patch('/api/admin/alert-sources/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Rename an alert source or change its settings (send the version you read)', params: idParam, body: alertSourceUpdateSchema, response: { 200: alertSourceSchema, ...conflictResponses } },
    handler: (request) => sources.updateAlertSource(request.ctx, request.params.id, request.body),
  });

  app.post('/api/admin/alert-sources/:id/rotate-secret', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: "Give the source a new secret, generated or the sender's own (shown this once); the old one stops working at once",
      params: idParam,
      // Optional: no body at all gets a generated secret.
      body: alertSourceRotateSchema.nullable().optional(),
      response: { 200: alertSourceWithSecretSchema, ...errorResponses },
    },
    handler: (request) => sources.rotateAlertSourceSecret(request.ctx, request.params.id, request.body?.secret),
  });

  app.delete('/api/admin/alert-sources/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete an alert source; its incidents stay', params: idParam, response: { 204: z.undefined().describe('Deleted'), ...errorResponses } },
    handler: async (request, reply) => {
      await sources.deleteAlertSource(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  });
};

/**
 * Where the sources post. Open to anyone, answered only with the source's signature or secret
 * (401 otherwise). The body is kept as the bytes received: signatures are over them.
 */
export const alertHookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DELIVERY_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post('/api/hooks/alerts/:id', {
    config: { access: 'signed' },
    bodyLimit: DELIVERY_BODY_LIMIT,
    schema: {
      tags,
      summary:
        "An alert source's delivery (Alertmanager, Grafana, PagerDuty v3, Opsgenie, GitLab incident events, or JSON through a field mapping), signed by the source's scheme: creates or updates the alert's incident and adds its events to the timeline. Unsigned or wrongly signed: 401; malformed: 400; a replay: 409",
      params: idParam,
      response: { 200: alertDeliveryResultSchema, ...conflictResponses },
    },
    handler: (request) => receiveDelivery(request.ctx, request.params.id, request.headers, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)),
  });
};
