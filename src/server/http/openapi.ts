import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Access } from '../access/actor.js';
import { completeDocument } from './openapi-contract.js';

type Transform = typeof jsonSchemaTransform;
type TransformObject = typeof jsonSchemaTransformObject;

const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  // Each route's declared access, by operation, as the routes are described.
  const accessByOperation = new Map<string, Access>();
  const transform: Transform = (input) => {
    const access = (input.route.config as { access?: Access } | undefined)?.access;
    const methods = [input.route.method].flat().map((m) => String(m).toLowerCase());
    if (access) for (const method of methods) accessByOperation.set(`${method} ${openApiPath(input.url)}`, access);
    return jsonSchemaTransform(input);
  };
  const transformObject: TransformObject = (input) =>
    completeDocument(jsonSchemaTransformObject(input) as Record<string, unknown>, (method, path) => accessByOperation.get(`${method} ${path}`)) as ReturnType<TransformObject>;

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      servers: [{ url: '/', description: 'This Hindsight server' }],
      info: {
        license: { name: 'MIT', identifier: 'MIT' },
        title: 'Hindsight API',
        version,
        description:
          'Blameless post-incident reviews. Errors are application/problem+json (RFC 9457) with a `code` and, for invalid input, `errors[]` naming each field. Updates carry the `version` you read; a stale one gets 409 with the `current` record.',
      },
      tags: [
        { name: 'incidents', description: 'Incidents and their key timestamps' },
        { name: 'reviews', description: 'Post-incident reviews: the policy that requires them, deadlines, the document and its sections, factors, five whys and key questions' },
        { name: 'timeline', description: "The incident's timeline: entries in time order, comments, corrections with their history, metrics" },
        { name: 'changes', description: 'Deploys and other changes, imported or reported by CI, and the suspects near an incident\'s impact start' },
        { name: 'action items', description: 'Improvement work from reviews, across all reviews' },
        { name: 'knowledge base', description: 'Published reviews for everyone to learn from: the home page, reads, the wiki archive' },
        { name: 'accounts', description: 'Sign-in, sessions, users, API tokens, the audit log' },
        { name: 'notifications', description: 'Your notification preferences; outbound webhook endpoints (admins)' },
        { name: 'teams', description: 'Teams: the services they own and their members; trends and the weekly digest filter by team, and each team gets its digest every week' },
        { name: 'operations', description: 'Health' },
      ],
    },
    transform,
    transformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
