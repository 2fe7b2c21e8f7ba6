import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../shared/common.schema.js';
import { jobDetailSchema, jobListQuerySchema, jobPageSchema, jobPingSchema, jobSchema, jobSummarySchema } from '../../shared/jobs/job.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as jobs from './jobs.service.js';

const tags = ['operations'];

/** The job queue, for admins: what runs, what failed and why, and retrying it. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/admin/jobs', {
    config: { access: 'admin' },
    schema: { tags, summary: 'List jobs, newest first, by state (retrying: failed once, waiting to run again) or kind', querystring: jobListQuerySchema, response: { 200: jobPageSchema, ...errorResponses } },
    handler: (request) => jobs.listJobs(request.ctx, request.query),
  });

  app.get('/api/admin/jobs/summary', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Jobs per state, the kinds of job, and the periodic schedules with their next run', response: { 200: jobSummarySchema } },
    handler: (request) => jobs.jobSummary(request.ctx),
  });

  app.get('/api/admin/jobs/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Read a job: its payload, last error and completed steps', params: idParam, response: { 200: jobDetailSchema, ...errorResponses } },
    handler: (request) => jobs.getJob(request.ctx, request.params.id),
  });

  app.post('/api/admin/jobs/:id/retry', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Run a dead job again now (one more attempt), or a failing one without waiting for its backoff',
      params: idParam,
      response: { 200: jobSchema, ...conflictResponses },
    },
    handler: (request) => jobs.retryJob(request.ctx, request.params.id),
  });

  app.post('/api/admin/jobs/ping', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Enqueue a ping: done within a second or two means a worker runs jobs (failAttempts: a failure drill)',
      body: jobPingSchema,
      response: { 201: jobDetailSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await jobs.pingWorkers(request.ctx, request.body)),
  });
};
