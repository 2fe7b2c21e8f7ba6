import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import {
  incidentCreateSchema,
  incidentLabelSchema,
  incidentListQuerySchema,
  incidentPageSchema,
  incidentResolveSchema,
  incidentSchema,
  incidentUpdateSchema,
  serviceListQuerySchema,
  serviceListSchema,
} from '../../shared/incidents/incident.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as incidents from './incidents.service.js';

const tags = ['incidents'];

export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/incidents', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'List incidents, newest first', querystring: incidentListQuerySchema, response: { 200: incidentPageSchema, ...errorResponses } },
    handler: (request) => incidents.listIncidents(request.ctx, request.query),
  });

  app.get('/api/services', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Services named on incidents the caller may see, most used first; q matches the starts of their words', querystring: serviceListQuerySchema, response: { 200: serviceListSchema, ...errorResponses } },
    handler: (request) => incidents.listServices(request.ctx, request.query),
  });

  app.post('/api/incidents', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Create an incident', body: incidentCreateSchema, response: { 201: incidentSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await incidents.createIncident(request.ctx, request.body)),
  });

  app.get('/api/incidents/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Read an incident', params: idParam, response: { 200: incidentSchema, ...errorResponses } },
    handler: (request) => incidents.getIncidentAtOnce(request.ctx, request.params.id),
  });

  app.patch('/api/incidents/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Edit an incident (send the version you read)',
      params: idParam,
      body: incidentUpdateSchema,
      response: { 200: incidentSchema, ...conflictResponses },
    },
    handler: (request) => incidents.updateIncident(request.ctx, request.params.id, request.body),
  });

  app.post('/api/incidents/:id/resolve', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Resolve an incident (an event: no version needed)',
      params: idParam,
      body: incidentResolveSchema.default({}),
      response: { 200: incidentSchema, ...errorResponses },
    },
    handler: (request) => incidents.resolveIncident(request.ctx, request.params.id, request.body.resolvedAt),
  });

  app.post('/api/incidents/:id/labels', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Add a label', params: idParam, body: incidentLabelSchema, response: { 200: incidentSchema, ...errorResponses } },
    handler: (request) => incidents.addIncidentLabel(request.ctx, request.params.id, request.body.label),
  });

  app.delete('/api/incidents/:id/labels/:label', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Remove a label',
      params: idParam.extend({ label: z.string().min(1).max(100) }),
      response: { 200: incidentSchema, ...errorResponses },
    },
    handler: (request) => incidents.removeIncidentLabel(request.ctx, request.params.id, request.params.label),
  });
};
