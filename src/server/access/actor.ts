import type { FastifyInstance } from 'fastify';

export const roles = ['viewer', 'responder', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is making a request: a signed-in user, an API token's user, or the system itself. */
export interface Actor {
  userId: number | null;
  name: string;
  role: Role;
}

/** What a route needs: `public` for health and docs; otherwise the least role allowed. */
export type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const systemActor: Actor = { userId: null, name: 'system', role: 'admin' };

/**
 * Every API route must say who may call it (`config: { access }`); a route that does not is a bug,
 * caught at start-up rather than left open.
 */
export function requireAccessDeclarations(app: FastifyInstance): void {
  const undeclared: string[] = [];
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json';
    if (isApi && !(route.config as { access?: Access } | undefined)?.access) undeclared.push(`${String(route.method)} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    if (undeclared.length) throw new Error(`Routes without an access declaration: ${undeclared.join(', ')}`);
  });
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    // Until accounts exist every caller acts as the system; the auth feature replaces this hook.
    request.actor = systemActor;
  });
}
