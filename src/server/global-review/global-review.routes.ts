import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agendaNoteInputSchema, agendaNoteSchema, attendeesInputSchema, globalReviewSchema, sessionDayParam } from '../../shared/global-review/global-review.schema.js';
import { personSchema } from '../../shared/accounts/person.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import { globalReviewCalendar } from './global-review-calendar.js';
import { cadenceOf, globalReview, saveAgendaNote, saveAttendees, upcomingSessionDay } from './global-review.service.js';

const tags = ['global review'];

export const globalReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/global-review', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The global review session in progress or next, with its agenda: major incidents since the last session (business impact first), overdue action items, recurring contributors, reviews past their deadline',
      response: { 200: globalReviewSchema, ...errorResponses },
    },
    handler: (request) => globalReview(request.ctx, upcomingSessionDay(request.ctx)),
  });

  app.get('/api/global-review/sessions/:day', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The global review session held (or to be held) on a day, with its agenda, notes and decisions',
      params: sessionDayParam,
      response: { 200: globalReviewSchema, ...errorResponses },
    },
    handler: (request) => globalReview(request.ctx, request.params.day),
  });

  app.put('/api/global-review/sessions/:day/notes', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Write the notes and decision on one agenda item (version null for the first; 409 on a stale version)',
      params: sessionDayParam,
      body: agendaNoteInputSchema,
      response: { 200: agendaNoteSchema, ...conflictResponses },
    },
    handler: (request) => saveAgendaNote(request.ctx, request.params.day, request.body),
  });

  app.put('/api/global-review/sessions/:day/attendees', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary: 'Record who attended the session (open to the whole organisation)',
      params: sessionDayParam,
      body: attendeesInputSchema,
      response: { 200: z.object({ attendees: z.array(personSchema), version: z.number().int() }), ...conflictResponses },
    },
    handler: (request) => saveAttendees(request.ctx, request.params.day, request.body),
  });

  app.get('/api/global-review/calendar.ics', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The global review as a recurring calendar event (text/calendar), to add to a team calendar',
      response: { 200: z.string().describe('text/calendar'), ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="global-incident-review.ics"')
        .header('cache-control', 'no-store')
        .send(globalReviewCalendar(cadenceOf(request.ctx), request.ctx.now(), request.ctx.config.publicUrl)),
  });
};
