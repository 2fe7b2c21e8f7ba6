import type { FastifyInstance } from 'fastify';
import type { Role } from '../../shared/accounts/roles.js';
import type { AppContext } from '../context.js';

export { roles, type Role } from '../../shared/accounts/roles.js';

/** Who is making a request: a signed-in user, an API token's user, or the system itself. */
export interface Actor {
  userId: number | null;
  name: string;
  role: Role;
}

/**
 * What a route needs: `public` for health and docs; `signed` for inbound webhooks, open to anyone
 * but answered only when the request carries its sender's signature or secret (checked by the
 * route: 401 otherwise); otherwise the least role allowed.
 */
export type Access = 'public' | 'signed' | Role;

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who is calling; always set on routes whose access is a role. With authentication on
     * (accounts/authentication.ts), an anonymous caller of a 'public' route has null here: a public
     * route's handler reads `request.principal` instead.
     */
    actor: Actor;
    /** The app context with this request's caller as `actor`: what route handlers pass to services. */
    ctx: AppContext;
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
    const isApi = (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json') || route.url === '/mcp';
    if (isApi && !(route.config as { access?: Access } | undefined)?.access) undeclared.push(`${String(route.method)} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    if (undeclared.length) throw new Error(`Routes without an access declaration: ${undeclared.join(', ')}`);
  });
}
