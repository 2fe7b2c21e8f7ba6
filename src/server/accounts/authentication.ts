import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAtLeast } from '../../shared/accounts/roles.js';
import { AppError } from '../../shared/errors.js';
import type { Principal } from './principal.js';
import { constantTimeEqual } from './secrets.js';
import { resolveSession, SESSION_COOKIE } from './sessions.service.js';
import { cachedBearerPrincipal, resolveBearerToken } from './tokens.service.js';
import { actorOf } from './principal.js';
import type { AppContext } from '../context.js';
import { routedPath, routeOptionsOf } from '../http/routed-path.js';
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

/** The paths whose callers are resolved: the API and the MCP endpoint (mcp/mcp.routes.ts). */
const authenticates = (path: string) => path.startsWith('/api/') || path === '/mcp';
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unauthenticated = (detail: string) => new AppError('unauthenticated', detail);

const bearerOf = (authorization: string): string => {
  const bearer = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
  if (!bearer) throw unauthenticated('The Authorization header must be "Bearer <API token>"');
  return bearer;
};
const unknownToken = () => unauthenticated('The API token is unknown, expired or revoked, or its user is disabled');

/**
 * Who is calling: a Bearer API token when the Authorization header is sent (a bad one is 401 even on
 * public routes, so a client learns at once that its token is wrong), otherwise the session cookie.
 */
async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const principal = await resolveBearerToken(ctx, bearerOf(authorization));
    if (!principal) throw unknownToken();
    return principal;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const found = await resolveSession(ctx, token);
  return found ? { actor: actorOf(found.user), user: found.user, via: 'session', session: found.session, tokenId: null } : null;
}

/**
 * The caller when it is known without the database (anonymous, or a token resolved moments ago),
 * so that most API calls with a token pass authentication without a promise; undefined otherwise.
 */
function authenticateAtOnce(ctx: AppContext, request: FastifyRequest): Principal | null | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const principal = cachedBearerPrincipal(ctx, bearerOf(authorization));
    if (principal === null) throw unknownToken();
    return principal;
  }
  return request.cookies[SESSION_COOKIE] ? undefined : null;
}

/**
 * Writes made with the session cookie must echo the session's CSRF token in a header, which a page
 * on another site cannot read or send. Bearer requests carry no ambient credential and are exempt.
 */
function checkCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.via !== 'session' || !writeMethods.has(request.method) || routeOptionsOf(request).config.csrf === false) return;
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
  // A callback hook: most calls are decided without the database, and a promise each would cost.
  app.addHook('onRequest', (request, _reply, done) => {
    const cookieHeader = request.headers.cookie;
    request.cookies = cookieHeader ? app.parseCookie(cookieHeader) : {};
    try {
      // A signed webhook's Authorization header (if any) is its sender's secret, never an account's token.
      const signed = routeOptionsOf(request).config.access === 'signed';
      const principal = authenticates(routedPath(request)) && !signed ? authenticateAtOnce(ctx, request) : null;
      if (principal !== undefined) {
        admit(request, principal);
        return done();
      }
    } catch (error) {
      return done(error as Error);
    }
    authenticate(ctx, request)
      .then((principal) => admit(request, principal))
      .then(() => done(), done);
  });

  /** Gives the request its caller and enforces the route's access and the CSRF check. */
  function admit(request: FastifyRequest, principal: Principal | null): void {
    const access: Access = routeOptionsOf(request).config.access ?? 'public';
    request.principal = principal;
    // Null only for anonymous callers, who reach 'public' routes only.
    request.actor = principal?.actor ?? (null as unknown as Actor);
    request.ctx = { ...ctx, actor: principal?.actor ?? null };
    // A signed webhook acts for its sender, never for a session that happens to come with it.
    if (access === 'signed') {
      request.ctx = { ...ctx, actor: null };
      return;
    }
    if (access !== 'public') {
      if (!principal) throw unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>"');
      if (!roleAtLeast(principal.actor.role, access)) throw new AppError('forbidden', `This needs the ${access} role; you act as ${principal.actor.role}`);
    }
    if (principal) checkCsrf(request, principal);
  }
}
