import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAtLeast } from '../../shared/accounts/roles.js';
import { AppError } from '../../shared/errors.js';
import type { Principal } from './principal.js';
import { constantTimeEqual } from './secrets.js';
import { resolveSession, SESSION_COOKIE } from './sessions.service.js';
import { resolveBearerToken } from './tokens.service.js';
import { actorOf } from './principal.js';
import type { AppContext } from '../context.js';
import { routedPath } from '../http/routed-path.js';
import type { Access, Actor } from '../access/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, or null (anonymous; only on 'public' routes). Set by registerAuthentication. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** false: a write that needs no CSRF token (sign-in, setup: there is no session yet). */
    csrf?: boolean;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unauthenticated = (detail: string) => new AppError('unauthenticated', detail);

/**
 * Who is calling: a Bearer API token when the Authorization header is sent (a bad one is 401 even on
 * public routes, so a client learns at once that its token is wrong), otherwise the session cookie.
 */
async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const bearer = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
    if (!bearer) throw unauthenticated('The Authorization header must be "Bearer <API token>"');
    const principal = await resolveBearerToken(ctx, bearer);
    if (!principal) throw unauthenticated('The API token is unknown, expired or revoked, or its user is disabled');
    return principal;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const found = await resolveSession(ctx, token);
  return found ? { actor: actorOf(found.user), user: found.user, via: 'session', session: found.session, tokenId: null } : null;
}

/**
 * Writes made with the session cookie must echo the session's CSRF token in a header, which a page
 * on another site cannot read or send. Bearer requests carry no ambient credential and are exempt.
 */
function checkCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.via !== 'session' || !writeMethods.has(request.method) || request.routeOptions.config.csrf === false) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !principal.session || !constantTimeEqual(sent, principal.session.csrfToken)) {
    throw new AppError('forbidden', `CSRF check failed: send the ${CSRF_HEADER} header (csrfToken from GET /api/auth/session) with every write made with the session cookie`);
  }
}

/**
 * Authentication and authorization for every request: resolves `request.principal` and
 * `request.actor` (null when anonymous), enforces each route's `config.access` (401 without a
 * caller, 403 below the role) and the CSRF check. Non-API paths (the web app's files) are public.
 */
export async function registerAuthentication(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Cookies are parsed here rather than in the plugin's own hook: one hook less on every request.
  await app.register(cookie, { hook: false });
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const cookieHeader = request.headers.cookie;
    request.cookies = cookieHeader ? app.parseCookie(cookieHeader) : {};
    const access: Access = request.routeOptions.config.access ?? 'public';
    const principal = routedPath(request).startsWith('/api/') ? await authenticate(ctx, request) : null;
    request.principal = principal;
    // Null only for anonymous callers, who reach 'public' routes only.
    request.actor = principal?.actor ?? (null as unknown as Actor);
    request.ctx = { ...ctx, actor: principal?.actor ?? null };
    if (access !== 'public') {
      if (!principal) throw unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>"');
      if (!roleAtLeast(principal.actor.role, access)) throw new AppError('forbidden', `This needs the ${access} role; you act as ${principal.actor.role}`);
    }
    if (principal) checkCsrf(request, principal);
  });
}
