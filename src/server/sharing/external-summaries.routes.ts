import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import {
  externalSummaryCreatedSchema,
  externalSummaryListSchema,
  externalSummarySchema,
  sharedSummarySchema,
  sharedTokenParam,
  summaryCreateSchema,
  summaryParams,
  summaryPreviewRequestSchema,
  summaryPreviewSchema,
} from '../../shared/sharing/external-summary.schema.js';
import { noStore } from '../accounts/request-helpers.js';
import { renderPdf } from '../exports/pdf.js';
import { conflictResponses, errorResponses, problemSchema } from '../http/problem.schema.js';
import * as summaries from './external-summaries.service.js';

const tags = ['sharing'];

/** A published review's external summaries, for the people who may share it. */
export const externalSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  // A created summary's answer carries its link token.
  app.addHook('onRequest', noStore);

  app.post('/api/reviews/:id/external-summaries/preview', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Compose an external summary of a published review from the chosen sections, with what to consider redacting (nothing is stored)',
      params: idParam,
      body: summaryPreviewRequestSchema,
      response: { 200: summaryPreviewSchema, ...conflictResponses, 403: problemSchema },
    },
    handler: (request) => summaries.previewSummary(request.ctx, request.params.id, request.body),
  });

  app.post('/api/reviews/:id/external-summaries', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Share the text you accepted from the preview through a link that needs no account; the token is in this answer only',
      params: idParam,
      body: summaryCreateSchema,
      response: { 201: externalSummaryCreatedSchema, ...conflictResponses, 403: problemSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await summaries.createSummary(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/reviews/:id/external-summaries', {
    config: { access: 'viewer' },
    schema: { tags, summary: "The review's external summaries, newest first, each active, expired or revoked", params: idParam, response: { 200: externalSummaryListSchema, ...errorResponses } },
    handler: async (request) => ({ items: await summaries.listSummaries(request.ctx, request.params.id) }),
  });

  app.get('/api/reviews/:id/external-summaries/:summaryId', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'One external summary (never its token)', params: summaryParams, response: { 200: externalSummarySchema, ...errorResponses } },
    handler: (request) => summaries.getSummary(request.ctx, request.params.id, request.params.summaryId),
  });

  app.get('/api/reviews/:id/external-summaries/:summaryId/markdown', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The shared text as a Markdown file', params: summaryParams, response: { 200: z.string().describe('text/markdown'), ...errorResponses } },
    handler: async (request, reply) => {
      const { id, summaryId } = request.params;
      const summary = await summaries.getSummary(request.ctx, id, summaryId);
      reply.header('content-disposition', `attachment; filename="review-${id}-external-summary-${summaryId}.md"`);
      return reply.type('text/markdown; charset=utf-8').send(summary.text);
    },
  });

  app.get('/api/reviews/:id/external-summaries/:summaryId/pdf', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'The shared text as a PDF, to send where a link cannot go', params: summaryParams, response: { 200: z.string().describe('application/pdf'), ...errorResponses } },
    handler: async (request, reply) => {
      const { id, summaryId } = request.params;
      const summary = await summaries.getSummary(request.ctx, id, summaryId);
      const pdf = await renderPdf(summary.text, { title: summary.title });
      reply.header('content-disposition', `attachment; filename="review-${id}-external-summary-${summaryId}.pdf"`);
      return reply.type('application/pdf').send(pdf as unknown as string); // bytes, sent as they are
    },
  });

  app.post('/api/reviews/:id/external-summaries/:summaryId/revoke', {
    config: { access: 'responder' },
    schema: { tags, summary: 'End the link now (idempotent)', params: summaryParams, response: { 200: externalSummarySchema, ...errorResponses } },
    handler: (request) => summaries.revokeSummary(request.ctx, request.params.id, request.params.summaryId),
  });
};

/** The link's read: no account needed; never cached or indexed; unknown, revoked and expired tokens all look alike. */
export const sharedSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
  });

  app.get('/api/shared/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'An external summary by its link token, for anyone who has the link (404 when unknown, revoked or expired)',
      params: sharedTokenParam,
      response: { 200: sharedSummarySchema, 404: problemSchema },
    },
    handler: (request) => summaries.readSharedSummary(request.ctx, request.params.token),
  });
};
