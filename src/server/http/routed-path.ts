import type { FastifyRequest } from 'fastify';

const routed = Symbol('routedPath');

/**
 * The path a request was routed by. Fastify matches routes on the percent-decoded path, so every
 * decision about a request (API or page, authenticate or not, which headers) must use the same
 * path, never the raw URL: `/%61pi/auth/sign-out` is the route `/api/auth/sign-out`. A route's own
 * pattern when one matched (other than the web app's catch-all), else the decoded path.
 */
export function routedPath(request: FastifyRequest): string {
  // Several hooks ask for every request, and Fastify builds routeOptions anew on each read.
  const memo = request as FastifyRequest & { [routed]?: string };
  return (memo[routed] ??= pathOf(request));
}

function pathOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
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
