import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { reviewDocumentSchema, type ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import { reviewSchema, reviewTransitionSchema, transitionListSchema } from '../../shared/reviews/review.schema.js';
import { renderReviewMarkdown } from '../../shared/reviews/review-markdown.js';
import { qualityScoreSchema } from '../../shared/reviews/review-quality.schema.js';
import { acceptsGzip } from '../http/compression.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import type { AppContext } from '../context.js';
import { evictOnEvents, ReviewDocumentCache } from './review-document.cache.js';
import { getReviewDocument, getReviewQuality, readCachedReviewDocument } from './review-document.service.js';
import { listTransitions, transitionReview } from './review-transitions.service.js';

const tags = ['reviews'];

export const reviewDocumentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const cache = new ReviewDocumentCache();
  const unsubscribe = ctx.events.bus.subscribe(evictOnEvents(cache));
  app.addHook('onClose', async () => unsubscribe());

  app.get('/api/reviews/:id/document', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary:
        'The whole review in one read: review, incident, timeline, metrics, factors, whys, questions, action items, completeness (ETag, gzip)',
      params: idParam,
      response: { 200: reviewDocumentSchema, 304: z.undefined().describe('Not modified (If-None-Match)'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const document = await readCachedReviewDocument(request.ctx, cache, request.params.id);
      reply.header('etag', document.etag).header('vary', 'accept-encoding').header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === document.etag) return reply.code(304).send();
      // Ready JSON (validated when built) is sent as it is, so an unchanged document is not serialised again.
      reply.type('application/json; charset=utf-8');
      if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(document.json as unknown as ReviewDocument);
      return reply.header('content-encoding', 'gzip').send((await document.gzip()) as unknown as ReviewDocument);
    },
  });

  app.get('/api/reviews/:id/transitions', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The workflow steps from where the review is, with whether you may take each now and, if not, why',
      params: idParam,
      response: { 200: transitionListSchema, ...errorResponses },
    },
    handler: (request) => listTransitions(request.ctx, request.params.id),
  });

  app.post('/api/reviews/:id/transitions', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Move the review through its workflow: {"to": state, "reason"?}; 403 when you may not, 409 when it is not ready, with why',
      params: idParam,
      body: reviewTransitionSchema,
      response: { 200: reviewSchema, ...conflictResponses },
    },
    handler: (request) => transitionReview(request.ctx, request.params.id, request.body),
  });

  app.get('/api/reviews/:id/quality', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The review quality score (0-100): completeness, blameless language and action coverage, with reasons and findings (advice, never a block)',
      params: idParam,
      response: { 200: qualityScoreSchema, ...errorResponses },
    },
    handler: (request) => getReviewQuality(request.ctx, request.params.id),
  });

  app.get('/api/reviews/:id/markdown', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The whole review as Markdown (text/markdown)',
      params: idParam,
      response: { 200: z.string().describe('text/markdown'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const markdown = renderReviewMarkdown(await getReviewDocument(request.ctx, request.params.id));
      return reply.type('text/markdown; charset=utf-8').send(markdown);
    },
  });
};
