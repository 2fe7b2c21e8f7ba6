import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../shared/common.schema.js';
import { teamCreateSchema, teamListSchema, teamSchema, teamUpdateSchema } from '../../shared/teams/team.schema.js';
import { conflictResponses, errorResponses } from '../http/problem.schema.js';
import * as teams from './teams.service.js';

const tags = ['teams'];

/** Teams (docs/teams.md): everyone reads them, to filter by; admins keep them. */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/teams', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'Teams with the services they own and their members, by name', response: { 200: teamListSchema, ...errorResponses } },
    handler: (request) => teams.listTeams(request.ctx),
  });

  app.get('/api/teams/:id', {
    config: { access: 'viewer' },
    schema: { tags, summary: 'One team', params: idParam, response: { 200: teamSchema, ...errorResponses } },
    handler: (request) => teams.getTeam(request.ctx, request.params.id),
  });

  app.post('/api/teams', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Create a team; its slug must be free (409 naming slug otherwise)', body: teamCreateSchema, response: { 201: teamSchema, ...conflictResponses } },
    handler: async (request, reply) => reply.code(201).send(await teams.createTeam(request.ctx, request.body)),
  });

  app.patch('/api/teams/:id', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: 'Change a team: name, slug, services, members (the whole list) or Slack channel; send the version you read',
      params: idParam,
      body: teamUpdateSchema,
      response: { 200: teamSchema, ...conflictResponses },
    },
    handler: (request) => teams.updateTeam(request.ctx, request.params.id, request.body),
  });

  app.delete('/api/teams/:id', {
    config: { access: 'admin' },
    schema: { tags, summary: 'Delete a team; its incidents keep their services, its weekly digest stops', params: idParam, response: { 204: z.undefined().describe('Deleted'), ...errorResponses } },
    handler: async (request, reply) => {
      await teams.deleteTeam(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  });
};
