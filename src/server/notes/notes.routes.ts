import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../shared/common.schema.js';
import {
  notesAcceptRequestSchema,
  notesAcceptResultSchema,
  notesProposalRequestSchema,
  notesProposalsSchema,
  reviewNotesSchema,
  reviewNotesUpdateSchema,
} from '../../shared/notes/notes.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import { acceptProposals } from './notes-accept.js';
import * as notes from './notes.service.js';

const tags = ['reviews'];
/** The notes' limit (200,000 characters) in UTF-8 and JSON escapes, with room to spare. */
const BODY_LIMIT = 1024 * 1024;

export const notesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reviews/:id/notes', {
    config: { access: 'viewer' },
    schema: {
      tags,
      summary: "The review's notes pad (revision 0 before the first save) and the ids of the proposals already accepted from it",
      params: idParam,
      response: { 200: reviewNotesSchema, ...errorResponses },
    },
    handler: (request) => notes.getNotes(request.ctx, request.params.id),
  });

  app.put('/api/reviews/:id/notes', {
    config: { access: 'responder' },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags,
      summary: 'Save the notes with the revision they were based on; a stale revision is refused with 409 and the notes as they are now (never overwritten)',
      params: idParam,
      body: reviewNotesUpdateSchema,
      response: { 200: reviewNotesSchema, ...conflictResponses },
    },
    handler: (request) => notes.saveNotes(request.ctx, request.params.id, request.body),
  });

  app.post('/api/reviews/:id/notes/proposals', {
    config: { access: 'viewer' },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags,
      summary:
        "Read the saved notes (or the given text) into proposed timeline entries, contributors, mitigators, risks and action items with their source lines; times on the incident's day in the organisation's zone. Nothing is stored",
      params: idParam,
      body: notesProposalRequestSchema,
      response: { 200: notesProposalsSchema, ...errorResponses },
    },
    handler: (request) => notes.proposeFromNotes(request.ctx, request.params.id, request.body),
  });

  app.post('/api/reviews/:id/notes/accept', {
    config: { access: 'responder' },
    bodyLimit: BODY_LIMIT * 2,
    schema: {
      tags,
      summary:
        'Create the chosen proposals as timeline entries, factors and action items, all in one transaction; a proposal accepted before creates nothing again (created: false)',
      params: idParam,
      body: notesAcceptRequestSchema,
      response: { 200: notesAcceptResultSchema, ...conflictResponses },
    },
    handler: (request) => acceptProposals(request.ctx, request.actor, request.params.id, request.body),
  });
};
