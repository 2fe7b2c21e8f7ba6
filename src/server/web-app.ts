import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.js';
import { sendProblem } from './http/problem.js';

/** Serves the built single-page app; unknown non-API paths get index.html so client routes work. */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0] ?? '');
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}
