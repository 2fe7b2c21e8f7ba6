import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { Config } from '../config.js';
import type { Principal } from './principal.js';
import { SESSION_COOKIE, sessionCookieOptions } from './sessions.service.js';

/** The caller of a route whose access is a role (the authentication hook guarantees one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in first');
  return request.principal;
}

/**
 * Sign-in and setup accept only JSON: a page on another site can post a form (urlencoded,
 * multipart or text/plain) without the browser asking first, but not JSON.
 */
export async function requireJson(request: FastifyRequest): Promise<void> {
  if (/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) return;
  const error = new AppError('validation_failed', 'Send the body as application/json', {
    errors: [{ field: 'content-type', in: 'headers', message: 'must be application/json' }],
  });
  throw Object.assign(error, { status: 415 });
}

export const setSessionCookie = (reply: FastifyReply, config: Config, token: string): FastifyReply =>
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));

export const clearSessionCookie = (reply: FastifyReply, config: Config): FastifyReply =>
  reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(config), maxAge: undefined });

/** Responses carrying a session's secrets or state are never cached. */
export const noStore = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
  reply.header('cache-control', 'no-store');
};
