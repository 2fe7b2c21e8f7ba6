import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importRequestSchema, importResultSchema } from '../../shared/imports/import.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import { importDocuments } from './imports.service.js';

/** Room for a few large documents at once; each is also limited by the schema. */
const BODY_LIMIT = 8 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/imports', {
    config: { access: 'responder' },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['incidents'],
      summary:
        'Import Markdown or text postmortems: with dryRun, only read them and answer with the incidents, timelines and action items found; otherwise create them (once per file name and content)',
      body: importRequestSchema,
      response: { 200: importResultSchema, ...errorResponses },
    },
    handler: (request) => importDocuments(request.ctx, request.actor, request.body),
  });
};
