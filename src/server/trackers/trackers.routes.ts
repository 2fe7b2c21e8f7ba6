import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, storedIntParam } from '../../shared/common.schema.js';
import { versionQuerySchema } from '../../shared/reviews/review-parts.schema.js';
import {
  reviewTrackerIssuesSchema,
  trackerConnectionCreatedSchema,
  trackerConnectionCreateSchema,
  trackerConnectionListSchema,
  trackerConnectionSchema,
  trackerConnectionUpdateSchema,
  trackerIssueSchema,
  trackerPeopleSchema,
  trackerPersonInputSchema,
  trackerPersonSchema,
  trackerTestResultSchema,
} from '../../shared/trackers/tracker.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import { listReviewTrackerIssues, requestTrackerIssue } from './tracker-issues.service.js';
import * as trackers from './trackers.service.js';

const tags = ['trackers'];
const personParams = z.object({ id: storedIntParam, userId: storedIntParam });

export const trackerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/trackers', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Tracker connections (GitHub, GitLab, Jira); tokens and webhook secrets are never shown', response: { 200: trackerConnectionListSchema, ...errorResponses } },
    handler: async (request) => ({ items: await trackers.listConnections(request.ctx) }),
  });

  app.post('/api/trackers', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Connect a tracker; the answer carries the webhook secret, shown this once',
      body: trackerConnectionCreateSchema,
      response: { 201: trackerConnectionCreatedSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await trackers.createConnection(request.ctx, request.body)),
  });

  app.get('/api/trackers/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'A tracker connection', params: idParam, response: { 200: trackerConnectionSchema, ...errorResponses } },
    handler: (request) => trackers.getConnection(request.ctx, request.params.id),
  });

  app.patch('/api/trackers/:id', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Change a tracker connection: name, URL, project, token, default, services (send the version you read)',
      params: idParam,
      body: trackerConnectionUpdateSchema,
      response: { 200: trackerConnectionSchema, ...conflictResponses },
    },
    handler: (request) => trackers.updateConnection(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/trackers/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Disconnect a tracker (its issues stay in the tracker)', params: idParam, querystring: versionQuerySchema, response: { 204: z.undefined().describe('Deleted'), ...conflictResponses } },
    handler: async (request, reply) => {
      await trackers.deleteConnection(request.ctx, request.params.id, request.query.version);
      return reply.code(204).send();
    },
  });

  app.post('/api/trackers/:id/test', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Test the connection: reads the project with the stored token', params: idParam, response: { 200: trackerTestResultSchema, ...errorResponses } },
    handler: (request) => trackers.testConnection(request.ctx, request.params.id),
  });

  app.get('/api/trackers/:id/people', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Who each user is in this tracker (issues are assigned from the item’s owner)', params: idParam, response: { 200: trackerPeopleSchema, ...errorResponses } },
    handler: async (request) => ({ items: await trackers.listPeople(request.ctx, request.params.id) }),
  });

  app.put('/api/trackers/:id/people', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Name a user in this tracker: GitHub login, GitLab username or Jira account id', params: idParam, body: trackerPersonInputSchema, response: { 200: trackerPersonSchema, ...errorResponses } },
    handler: (request) => trackers.setPerson(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/trackers/:id/people/:userId', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Forget who a user is in this tracker', params: personParams, response: { 204: z.undefined().describe('Removed'), ...errorResponses } },
    handler: async (request, reply) => {
      await trackers.removePerson(request.ctx, request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  });

  app.get('/api/reviews/:id/tracker-issues', {
    config: { access: 'viewer' },
    schema: { tags, summary: "The issues made from the review's action items, and the tracker its items go to", params: idParam, response: { 200: reviewTrackerIssuesSchema, ...errorResponses } },
    handler: (request) => listReviewTrackerIssues(request.ctx, request.params.id),
  });

  app.post('/api/action-items/:id/tracker-issue', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: "Make an issue in the tracker from the action item: 202 while it is being made (a job), 200 when it exists already; 409 when no tracker serves the incident's services",
      params: idParam,
      response: { 200: trackerIssueSchema, 202: trackerIssueSchema, ...conflictResponses },
    },
    handler: async (request, reply) => {
      const { issue, enqueued } = await requestTrackerIssue(request.ctx, request.params.id);
      return reply.code(enqueued ? 202 : 200).send(issue);
    },
  });
};
