import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentListSchema, attachmentParams } from '../../shared/attachments/attachment.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { errorResponses } from '../http/problem.schema.js';
import * as attachments from './attachments.service.js';

const tags = ['reviews'];

/** A file name safe inside a quoted header value; the UTF-8 name goes in filename*. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/attachments', {
    config: { access: 'viewer' },
    schema: { tags, summary: "The review's attachments (the original text of an imported postmortem)", params: idParam, response: { 200: attachmentListSchema, ...errorResponses } },
    handler: async (request) => ({ items: await attachments.listAttachments(request.ctx, request.params.id) }),
  });

  app.get('/api/reviews/:id/attachments/:attachmentId', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Download an attachment, as it was kept',
      params: attachmentParams,
      response: { 200: z.string().describe('The file'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await attachments.readAttachmentContent(request.ctx, request.params.id, request.params.attachmentId);
      return reply
        .type(`${file.mediaType}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  });
};
