import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { digestExportQuerySchema, digestQuerySchema, digestSchema } from '../../shared/digests/digest.schema.js';
import { attachment } from '../exports/file-names.js';
import { errorResponses } from '../http/problem.schema.js';
import { exportDigest, weeklyDigest } from './digests.service.js';

const tags = ['digests'];

export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/digests/weekly', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The weekly digest for a service (or every service): reviews published with their lessons, contributors that recur, open and overdue action items',
      querystring: digestQuerySchema,
      response: { 200: digestSchema, ...errorResponses },
    },
    handler: (request) => weeklyDigest(request.ctx, request.query),
  });

  app.get('/api/digests/weekly/export', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The weekly digest as a Markdown file or a standalone HTML page, to post to a wiki or a channel',
      querystring: digestExportQuerySchema,
      response: { 200: z.string().describe('text/markdown or text/html'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportDigest(request.ctx, query, format);
      return reply.type(file.contentType).header('content-disposition', attachment(file.fileName)).header('cache-control', 'no-store').send(file.body);
    },
  });
};
