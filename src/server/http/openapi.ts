import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hindsight API',
        version,
        description:
          'Blameless post-incident reviews. Errors are application/problem+json (RFC 9457) with a `code` and, for invalid input, `errors[]` naming each field. Updates carry the `version` you read; a stale one gets 409 with the `current` record.',
      },
      tags: [
        { name: 'incidents', description: 'Incidents and their key timestamps' },
        { name: 'reviews', description: 'Post-incident reviews: the policy that requires them, deadlines, the document and its sections, factors, five whys and key questions' },
        { name: 'timeline', description: "The incident's timeline: entries in time order, comments, corrections with their history, metrics" },
        { name: 'action items', description: 'Improvement work from reviews, across all reviews' },
        { name: 'accounts', description: 'Sign-in, sessions, users, API tokens, the audit log' },
        { name: 'operations', description: 'Health' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
