import type { FastifyRequest } from 'fastify';

const routed = Symbol('routedPath');
const options = Symbol('routeOptions');

type Memo = FastifyRequest & { [routed]?: string; [options]?: FastifyRequest['routeOptions'] };

/**
 * The request's route options, read once: Fastify builds them anew on each read, and several hooks
 * ask on every request. As routed: a handler's reply.callNotFound() later is not seen here.
 */
export const routeOptionsOf = (request: FastifyRequest): FastifyRequest['routeOptions'] => ((request as Memo)[options] ??= request.routeOptions);

/**
 * The path a request was routed by. Fastify matches routes on the percent-decoded path, so every
 * decision about a request (API or page, authenticate or not, which headers) must use the same
 * path, never the raw URL: `/%61pi/auth/sign-out` is the route `/api/auth/sign-out`. A route's own
 * pattern when one matched (other than the web app's catch-all), else the decoded path.
 */
export function routedPath(request: FastifyRequest): string {
  // Several hooks ask for every request.
  return ((request as Memo)[routed] ??= pathOf(request));
}

function pathOf(request: FastifyRequest): string {
  const route = routeOptionsOf(request).url;
  if (route !== undefined && route !== '/*') return route;
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Whether the request is for the API (JSON), not the web app or the API's HTML docs. */
export const isApiPath = (path: string): boolean => path.startsWith('/api/') && !path.startsWith('/api/docs');
