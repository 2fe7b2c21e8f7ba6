import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { meetingModeSchema, meetingMoveInputSchema } from '../../shared/meetings/meeting-mode.schema.js';
import { meetingInputSchema, meetingStateSchema } from '../../shared/meetings/meeting.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as meetingMode from './meeting-mode.service.js';
import * as meetings from './meetings.service.js';

const tags = ['async review'];

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/meeting', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: 'The review meeting (or null), its audience check (warnings with why, never a block), and what the check needs to run as people are picked',
      params: idParam,
      response: { 200: meetingStateSchema, ...errorResponses },
    },
    handler: (request) => meetings.getMeeting(request.ctx, request.params.id),
  });

  app.put('/api/reviews/:id/meeting', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary:
        'Schedule or reschedule the meeting (send the version you read; none the first time). Refused with 409 until the async review is complete, unless {"override": {"reason"}} says why',
      params: idParam,
      body: meetingInputSchema,
      response: { 200: meetingStateSchema, ...conflictResponses },
    },
    handler: (request) => meetings.scheduleMeeting(request.ctx, request.params.id, request.body),
  });

  app.get('/api/reviews/:id/meeting.ics', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "The meeting's invitation (text/calendar): its zone's VTIMEZONE, organizer and attendees, a stable UID, SEQUENCE raised on each reschedule",
      params: idParam,
      response: { 200: z.string().describe('text/calendar'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const ics = await meetings.getInvitation(request.ctx, request.params.id);
      return reply
        .type('text/calendar; charset=utf-8; method=REQUEST')
        .header('content-disposition', `attachment; filename="review-${request.params.id}-meeting.ics"`)
        .header('cache-control', 'no-store')
        .send(ics);
    },
  });

  app.get('/api/reviews/:id/meeting/mode', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "Meeting mode: where the review meeting is (stage, the facilitator's timeline entry, when the stage began), who facilitates, and whether you may move it",
      params: idParam,
      response: { 200: meetingModeSchema, ...errorResponses },
    },
    handler: (request) => meetingMode.getMeetingMode(request.ctx, request.params.id),
  });

  app.put('/api/reviews/:id/meeting/mode', {
    config: { access: 'responder' },
    schema: {
      tags,
      summary:
        "Start, move or end meeting mode (the facilitator, the review's owner or an admin): everyone's browser follows through a meeting.moved event. 409 on a published review or a stale version",
      params: idParam,
      body: meetingMoveInputSchema,
      response: { 200: meetingModeSchema, ...conflictResponses },
    },
    handler: (request) => meetingMode.moveMeeting(request.ctx, request.params.id, request.body),
  });
};
