import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chatImportRequestSchema, chatImportResultSchema } from '../../shared/imports/chat/chat-import.schema.js';
import { importRequestSchema, importResultSchema } from '../../shared/imports/import.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import { proposeChatEntries } from './chat-imports.service.js';
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

  app.post('/api/imports/chat', {
    config: { access: 'responder' },
    bodyLimit: BODY_LIMIT + 1024 * 1024,
    schema: {
      tags: ['incidents'],
      summary:
        "Read a Slack export archive, a pasted chat transcript, or a Slack channel (with the server's bot token) into proposed timeline entries (author, instant, provenance) within a window; nothing is stored: add the chosen ones with POST /api/incidents/{id}/timeline/batch (source 'chat')",
      body: chatImportRequestSchema,
      response: { 200: chatImportResultSchema, ...errorResponses },
    },
    handler: (request) => proposeChatEntries(request.ctx, request.body),
  });
};
