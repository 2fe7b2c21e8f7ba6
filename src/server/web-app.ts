import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.js';
import { sendProblem } from './http/problem.js';
import { routedPath } from './http/routed-path.js';

/** Serves the built single-page app; other non-API GETs get index.html so client routes work. */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // Vite names assets by content hash: they never change, so browsers keep them for a year.
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // A catch-all route loses to every specific route, so the API and the static files still match first.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = routedPath(request);
    if (isServerPath(pathname) || path.extname(pathname)) {
      return sendProblem(reply, new AppError('not_found', `No route for GET ${pathname}`));
    }
    // A shared summary's page (its token is in the path) is kept out of search engines.
    if (pathname.startsWith('/shared/')) reply.header('x-robots-tag', 'noindex, nofollow');
    return reply.type('text/html').sendFile('index.html');
  });
}

/** Paths the server owns (the API, probes, metrics): an unknown one is a 404, never the web app's page. */
const serverPrefixes = ['/api', '/metrics', '/readyz', '/livez', '/healthz'];

export function isServerPath(rawPathname: string): boolean {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return true; // not a path the web app has either
  }
  pathname = pathname.replace(/\/{2,}/g, '/').toLowerCase();
  return serverPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
