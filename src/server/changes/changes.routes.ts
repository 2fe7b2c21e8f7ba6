import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeCreateSchema,
  changeEventSchema,
  changeImportRequestSchema,
  changeImportResultSchema,
  changeListQuerySchema,
  changeListSchema,
  MAX_CHANGES_CONTENT,
  suspectListSchema,
  suspectQuerySchema,
} from '../../shared/changes/change.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import { addChange, importChanges, listChanges } from './changes.service.js';
import { suspectChanges } from './suspects.service.js';

const tags = ['changes'];

export const changeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/changes', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Deploys and other changes, newest first, by service and time range',
      querystring: changeListQuerySchema,
      response: { 200: changeListSchema, ...errorResponses },
    },
    handler: (request) => listChanges(request.ctx, request.query),
  });

  app.post('/api/changes', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Record one change, as a CI pipeline reports a deploy: 201 when new, 200 with the stored one when its externalId was sent before',
      body: changeCreateSchema,
      response: { 200: changeEventSchema, 201: changeEventSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { change, created } = await addChange(request.ctx, request.body);
      return reply.code(created ? 201 : 200).send(change);
    },
  });

  app.post('/api/changes/import', {
    config: { access: 'responder' },
    bodyLimit: MAX_CHANGES_CONTENT * 2,
    schema: {
      tags,
      summary:
        'Import a list of changes (CSV, JSON or GitHub deployments): with dryRun, only read it; otherwise store those not imported before. Rows that cannot be read are listed as problems',
      body: changeImportRequestSchema,
      response: { 200: changeImportResultSchema, ...errorResponses },
    },
    handler: (request) => importChanges(request.ctx, request.body),
  });

  app.get('/api/incidents/:id/suspect-changes', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "Changes near the incident's impact start, most likely cause first: its services' first, then the closest in time",
      params: idParam,
      querystring: suspectQuerySchema,
      response: { 200: suspectListSchema, ...errorResponses },
    },
    handler: (request) => suspectChanges(request.ctx, request.params.id, request.query),
  });
};
