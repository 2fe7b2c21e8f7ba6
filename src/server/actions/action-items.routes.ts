import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionItemAcceptSchema,
  actionItemCreateSchema,
  actionItemDeclineSchema,
  actionItemListQuerySchema,
  actionItemListSchema,
  actionItemPageSchema,
  actionItemSchema,
  actionItemUpdateSchema,
} from '../../shared/actions/action-item.schema.js';
import { idParam } from '../../shared/common.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as soak from './action-item-soak.js';
import * as actions from './action-items.service.js';

const tags = ['action items'];

export const actionItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/action-items', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Action items across reviews, overdue first, then by due date, undated last; overdue = due before today in the configured time zone and not done or declined',
      querystring: actionItemListQuerySchema,
      response: { 200: actionItemPageSchema, ...errorResponses },
    },
    handler: (request) => actions.listActionItems(request.ctx, request.query),
  });

  app.get('/api/reviews/:id/action-items', {
    config: { access: 'viewer' },
    schema: { tags, summary: "The review's action items", params: idParam, response: { 200: actionItemListSchema, ...errorResponses } },
    handler: async (request) => ({ items: await actions.listActionItemsOfReview(request.ctx, request.params.id) }),
  });

  app.post('/api/reviews/:id/action-items', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Add an action item (declined needs a declineReason)',
      params: idParam,
      body: actionItemCreateSchema,
      response: { 201: actionItemSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await actions.createActionItem(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/action-items/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Read an action item', params: idParam, response: { 200: actionItemSchema, ...errorResponses } },
    handler: (request) => actions.getActionItem(request.ctx, request.params.id),
  });

  app.patch('/api/action-items/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Edit an action item, e.g. its status (send the version you read; declined needs a declineReason)',
      params: idParam,
      body: actionItemUpdateSchema,
      response: { 200: actionItemSchema, ...conflictResponses },
    },
    handler: (request) => actions.updateActionItem(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/action-items/:id', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Delete an action item (send the version you read)',
      params: idParam,
      querystring: versionQuerySchema,
      response: { 204: z.undefined().describe('Deleted'), ...conflictResponses },
    },
    handler: async (request, reply) => {
      await actions.deleteActionItem(request.ctx, request.params.id, request.query.version);
      return reply.code(204).send();
    },
  });

  app.post('/api/action-items/:id/accept', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Accept a proposed action item once its soak time is over, saying what the change could make worse (or "None foreseen")',
      params: idParam,
      body: actionItemAcceptSchema,
      response: { 200: actionItemSchema, ...conflictResponses },
    },
    handler: (request) => soak.acceptActionItem(request.ctx, request.params.id, request.body),
  });

  app.post('/api/action-items/:id/decline', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Decline a proposed action item once its soak time is over, with the reason',
      params: idParam,
      body: actionItemDeclineSchema,
      response: { 200: actionItemSchema, ...conflictResponses },
    },
    handler: (request) => soak.declineActionItem(request.ctx, request.params.id, request.body),
  });
};
