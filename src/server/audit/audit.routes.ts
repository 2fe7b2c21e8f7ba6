import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../shared/accounts/audit.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import * as audit from './audit.service.js';

const tags = ['accounts'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'The audit log: who changed what and when, newest first',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema, ...errorResponses },
    },
    handler: (request) => audit.listAudit(request.ctx, request.actor, request.query),
  });
};
