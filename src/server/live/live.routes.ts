import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { problemSchema } from '../http/problem.schema.js';
import { LiveHub } from './live-hub.js';

/**
 * Whether a browser page may open the socket: only pages of this site (the public URL, or the host
 * the request came to). A page elsewhere would otherwise ride on the session cookie (cross-site
 * WebSocket hijacking). Clients that are not browsers send no Origin.
 */
function sameOrigin(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (origin === undefined) return true;
  try {
    const { host: originHost } = new URL(origin);
    return origin === new URL(publicUrl).origin || originHost === host;
  } catch {
    return false;
  }
}

/** Live updates (docs/live-updates.md): committed events and presence, over a WebSocket at /api/live. */
export const liveRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const hub = new LiveHub(ctx);
  const unsubscribe = hub.start();
  app.addHook('onClose', async () => {
    unsubscribe();
    await hub.stop();
  });
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  // A refused upgrade (401, 403) is answered on the raw socket, which would otherwise stay open.
  app.addHook('onResponse', async (request, reply) => {
    if (request.raw.headers.upgrade && reply.statusCode !== 101) request.raw.socket.destroy();
  });

  app.route({
    method: 'GET',
    url: '/api/live',
    config: { access: 'viewer' },
    schema: {
      tags: ['live'],
      summary: 'Live updates over a WebSocket: committed events you may see and who has a review open (docs/live-updates.md); a plain GET answers 426',
      response: { 426: problemSchema },
    },
    preValidation: async (request) => {
      if (!sameOrigin(request.headers.origin, request.headers.host, ctx.config.publicUrl)) throw new AppError('forbidden', 'Live updates are only for pages of this site');
    },
    handler: async () => {
      throw new AppError('upgrade_required', 'Connect to /api/live with a WebSocket (Upgrade: websocket)');
    },
    wsHandler: (socket, request) => hub.connect(socket, request.ctx, request.actor),
  });
};
