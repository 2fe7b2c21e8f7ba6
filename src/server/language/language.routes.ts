import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkBlameless } from '../../shared/language/index.js';
import { languageCheckRequestSchema, languageCheckResponseSchema } from '../../shared/language/language-check.schema.js';
import { errorResponses } from '../http/problem.schema.js';

/** The largest text (100,000 characters, up to 4 bytes each in UTF-8) plus the people list. */
const BODY_LIMIT = 512 * 1024;

export const languageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/language/check', {
    config: { access: 'viewer' },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['reviews'],
      summary: 'Find blaming and hindsight phrasing in a text, each finding with its kind, an explanation and a suggestion built from its sentence',
      body: languageCheckRequestSchema,
      response: { 200: languageCheckResponseSchema, ...errorResponses },
    },
    // Pure and stateless: nothing is stored, so there is no audit entry to write.
    handler: async (request) => ({ findings: checkBlameless(request.body.text, { people: request.body.people }) }),
  });
};
