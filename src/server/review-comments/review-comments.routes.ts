import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import {
  commentCreateSchema,
  commentListQuerySchema,
  commentParams,
  commentThreadListSchema,
  commentUpdateSchema,
  commentVersionSchema,
  reviewCommentSchema,
} from '../../shared/review-comments/review-comment.schema.js';
import { asyncReviewStateSchema, reviewerParams, reviewerRequestSchema, signOffDecisionSchema } from '../../shared/review-comments/sign-off.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as asyncReview from './async-review.service.js';
import * as comments from './review-comments.service.js';

const tags = ['async review'];

export const reviewCommentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/comments', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "The review's comment threads, each with its replies; filter by part, item and open/resolved",
      params: idParam,
      querystring: commentListQuerySchema,
      response: { 200: commentThreadListSchema, ...errorResponses },
    },
    handler: async (request) => ({ threads: await comments.listThreads(request.ctx, request.params.id, request.query) }),
  });

  app.post('/api/reviews/:id/comments', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Start a thread on a part of the review ({anchor: {part, itemId}, text, forMeeting}) or reply to one ({parentId, text}); @mentions are resolved to users',
      params: idParam,
      body: commentCreateSchema,
      response: { 201: reviewCommentSchema, ...conflictResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await comments.addComment(request.ctx, request.params.id, request.body)),
  });

  app.patch('/api/reviews/:id/comments/:commentId', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Edit your comment, or flag a thread as a question for the meeting (send the version you read)',
      params: commentParams,
      body: commentUpdateSchema,
      response: { 200: reviewCommentSchema, ...conflictResponses },
    },
    handler: (request) => comments.updateComment(request.ctx, request.params.id, request.params.commentId, request.body),
  });

  app.delete('/api/reviews/:id/comments/:commentId', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Delete your comment (admins: anyone's); a thread's first comment takes its replies with it",
      params: commentParams,
      querystring: versionQuerySchema,
      response: { 204: z.undefined().describe('Deleted'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await comments.deleteComment(request.ctx, request.params.id, request.params.commentId, request.query.version);
      return reply.code(204).send();
    },
  });

  app.post('/api/reviews/:id/comments/:commentId/resolve', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Resolve a thread (who and when are kept)', params: commentParams, body: commentVersionSchema, response: { 200: reviewCommentSchema, ...conflictResponses } },
    handler: (request) => comments.setResolved(request.ctx, request.params.id, request.params.commentId, request.body.version, true),
  });

  app.post('/api/reviews/:id/comments/:commentId/reopen', {
    config: { access: 'responder' },
    schema: { tags, summary: 'Reopen a resolved thread', params: commentParams, body: commentVersionSchema, response: { 200: reviewCommentSchema, ...conflictResponses } },
    handler: (request) => comments.setResolved(request.ctx, request.params.id, request.params.commentId, request.body.version, false),
  });

  app.get('/api/reviews/:id/async-review', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The async review: reviewers and their sign-offs, open threads, the questions for the meeting, and whether it is complete (and if not, what is left)',
      params: idParam,
      response: { 200: asyncReviewStateSchema, ...errorResponses },
    },
    handler: (request) => asyncReview.getAsyncReview(request.ctx, request.params.id),
  });

  app.post('/api/reviews/:id/reviewers', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Ask accounts (responders or admins) to review and sign off; someone already asked keeps their answer',
      params: idParam,
      body: reviewerRequestSchema,
      response: { 200: asyncReviewStateSchema, ...conflictResponses },
    },
    handler: (request) => asyncReview.requestReviewers(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/reviews/:id/reviewers/:userId', {
    config: { access: 'responder' },
    schema: { tags, summary: 'No longer ask this reviewer to sign off', params: reviewerParams, response: { 200: asyncReviewStateSchema, ...conflictResponses } },
    handler: (request) => asyncReview.removeReviewer(request.ctx, request.params.id, request.params.userId),
  });

  app.post('/api/reviews/:id/sign-off', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'As a requested reviewer: sign off, or request changes with a note saying what to change',
      params: idParam,
      body: signOffDecisionSchema,
      response: { 200: asyncReviewStateSchema, ...conflictResponses },
    },
    handler: (request) => asyncReview.decideSignOff(request.ctx, request.params.id, request.body),
  });
};
