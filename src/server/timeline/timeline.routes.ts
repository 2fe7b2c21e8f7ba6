import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../shared/common.schema.js';
import { contradictionListSchema } from '../../shared/timeline/contradictions.js';
import {
  clockOffsetSchema,
  entryIdParam,
  incidentMetricsSchema,
  timelineBatchCreateSchema,
  timelineCommentCreateSchema,
  timelineCommentListSchema,
  timelineCommentSchema,
  timelineDeleteQuerySchema,
  timelineEntryCreateSchema,
  timelineEntrySchema,
  timelineEntryUpdateSchema,
  timelineHistorySchema,
  timelineListQuerySchema,
  timelineListSchema,
} from '../../shared/timeline/timeline.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as timeline from './timeline.service.js';

const tags = ['timeline'];

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/incidents/:id/timeline', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "The incident's timeline in time order, with comment counts",
      params: idParam,
      querystring: timelineListQuerySchema,
      response: { 200: timelineListSchema, ...errorResponses },
    },
    handler: async (request) => ({
      items: await timeline.listTimeline(request.ctx, request.params.id, { includeDeleted: request.query.includeDeleted ?? false }),
    }),
  });

  app.post('/api/incidents/:id/timeline', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Add a timeline entry',
      params: idParam,
      body: timelineEntryCreateSchema,
      response: { 201: timelineEntrySchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await timeline.createEntry(request.ctx, request.actor, request.params.id, request.body)),
  });

  app.post('/api/incidents/:id/timeline/batch', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Add up to 500 timeline entries at once (all or none); returned in time order',
      params: idParam,
      body: timelineBatchCreateSchema,
      response: { 201: timelineListSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send({ items: await timeline.createEntries(request.ctx, request.actor, request.params.id, request.body.entries) }),
  });

  app.get('/api/incidents/:id/timeline/contradictions', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'What the evidence contradicts: one event at different times, key timestamps out of order or before an alert, entries out of causal order',
      params: idParam,
      response: { 200: contradictionListSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await timeline.timelineContradictions(request.ctx, request.params.id) }),
  });

  app.post('/api/incidents/:id/timeline/clock-offset', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Correct one source's clock: move all its entries by offsetSeconds in one step, each correction kept in its history",
      params: idParam,
      body: clockOffsetSchema,
      response: { 200: timelineListSchema, ...conflictResponses },
    },
    handler: async (request) => ({ items: await timeline.correctClockOffset(request.ctx, request.actor, request.params.id, request.body) }),
  });

  app.get('/api/incidents/:id/metrics', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'Time to detect, respond, mitigate and resolve, from the key timestamps and the timeline',
      params: idParam,
      response: { 200: incidentMetricsSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await timeline.incidentMetrics(request.ctx, request.params.id) }),
  });

  app.get('/api/timeline/:entryId', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Read a timeline entry', params: entryIdParam, response: { 200: timelineEntrySchema, ...errorResponses } },
    handler: (request) => timeline.getEntry(request.ctx, request.params.entryId),
  });

  app.patch('/api/timeline/:entryId', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Correct a timeline entry (send the version you read); the correction is kept in its history',
      params: entryIdParam,
      body: timelineEntryUpdateSchema,
      response: { 200: timelineEntrySchema, ...conflictResponses },
    },
    handler: (request) => timeline.correctEntry(request.ctx, request.actor, request.params.entryId, request.body),
  });

  app.delete('/api/timeline/:entryId', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Delete a timeline entry (?version=N); it leaves the timeline, its history stays readable',
      params: entryIdParam,
      querystring: timelineDeleteQuerySchema,
      response: { 200: timelineEntrySchema, ...conflictResponses },
    },
    handler: (request) => timeline.deleteEntry(request.ctx, request.actor, request.params.entryId, request.query.version, request.query.reason),
  });

  app.get('/api/timeline/:entryId/history', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "A timeline entry's corrections, oldest first: who, when, before and after",
      params: entryIdParam,
      response: { 200: timelineHistorySchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await timeline.entryHistory(request.ctx, request.params.entryId) }),
  });

  app.get('/api/timeline/:entryId/comments', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "A timeline entry's comments, oldest first",
      params: entryIdParam,
      response: { 200: timelineCommentListSchema, ...errorResponses },
    },
    handler: async (request) => ({ items: await timeline.listComments(request.ctx, request.params.entryId) }),
  });

  app.post('/api/timeline/:entryId/comments', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Comment on a timeline entry',
      params: entryIdParam,
      body: timelineCommentCreateSchema,
      response: { 201: timelineCommentSchema, ...conflictResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await timeline.addComment(request.ctx, request.actor, request.params.entryId, request.body.text)),
  });
};
