import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { reviewExportQuerySchema, wikiExportQuerySchema } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import { attachment } from './file-names.js';
import { contentTypes, exportReview } from './review-export.service.js';
import { exportWikiArchive } from './wiki-archive.service.js';

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/export', {
    config: { access: 'viewer' },
    schema: {
      tags: ['reviews'],
      summary: 'Download the review as Markdown, a standalone HTML page or a PDF (?format=markdown|html|pdf)',
      params: idParam,
      querystring: reviewExportQuerySchema,
      response: { 200: z.string().describe('text/markdown | text/html | application/pdf'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await exportReview(request.ctx, request.params.id, request.query.format);
      return reply.type(file.contentType).header('content-disposition', attachment(file.fileName)).header('cache-control', 'no-store').send(file.body as string); // a PDF's bytes are sent as they are, never serialised
    },
  });

  app.get('/api/knowledge-base/export', {
    config: { access: 'viewer' },
    schema: {
      tags: ['knowledge base'],
      summary: 'Every published review you may read as Markdown or HTML files with an index, in one zip with stable names (?format=markdown|html)',
      querystring: wikiExportQuerySchema,
      response: { 200: z.string().describe('application/zip'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const zip = await exportWikiArchive(request.ctx, request.query.format);
      return reply.type(contentTypes.zip).header('content-disposition', attachment(`knowledge-base-${request.query.format}.zip`)).header('cache-control', 'no-store').send(zip as unknown as string); // bytes, sent as they are
    },
  });
};
