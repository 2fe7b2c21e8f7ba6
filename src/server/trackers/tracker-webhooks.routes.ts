import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { idParam } from '../../shared/common.schema.js';
import { webhookAcceptedSchema, type TrackerKind } from '../../shared/trackers/tracker.schema.js';
import { problemSchema } from '../http/problem.schema.js';
import { applyIssueStateChange } from './tracker-issues.service.js';
import { readDelivery, verifySignature } from './tracker-webhooks.js';
import * as repo from './trackers.repo.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as sent, for signatures (set on the tracker webhook route only). */
    rawBody?: Buffer;
  }
}

const unsigned = () => new AppError('unauthenticated', 'The webhook is not signed with this tracker’s secret');

/**
 * The trackers' webhooks: public, but each delivery must carry the connection's signature (GitHub,
 * Jira: HMAC-SHA256 of the raw body; GitLab: the secret token). Unsigned, badly signed or for an
 * unknown connection: 401 and nothing changes.
 */
export const trackerWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only in this plugin's scope: JSON is parsed from the bytes kept for the signature check.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (request, body, done) => {
    request.rawBody = body as Buffer;
    try {
      done(null, (body as Buffer).length === 0 ? {} : JSON.parse((body as Buffer).toString('utf8')));
    } catch {
      done(null, { unparsable: true });
    }
  });

  app.post('/api/trackers/:id/webhook', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['trackers'],
      summary: 'Where GitHub, GitLab or Jira report issue changes (signed with the connection’s webhook secret): a closed issue marks its action item done, a reopened one reopens it',
      params: idParam,
      body: z.unknown(),
      response: { 200: webhookAcceptedSchema, 400: problemSchema, 401: problemSchema },
    },
    handler: async (request) => {
      const connection = await repo.findConnection(request.ctx.db, request.params.id);
      const raw = request.rawBody ?? Buffer.alloc(0);
      if (!connection || !verifySignature(connection.kind as TrackerKind, connection.webhook_secret, request.headers, raw)) throw unsigned();
      if ((request.body as { unparsable?: boolean } | null)?.unparsable) throw new AppError('validation_failed', 'Invalid body: not JSON', { errors: [{ field: 'body', in: 'body', message: 'must be JSON' }] });
      const read = readDelivery(connection.kind as TrackerKind, request.headers, request.body);
      if (!read.change) return { outcome: 'ignored' as const, detail: read.ignored ?? 'nothing to do' };
      if (!read.deliveryId) throw new AppError('validation_failed', 'Invalid headers: the delivery id is missing', { errors: [{ field: 'delivery id', in: 'headers', message: 'is required to refuse replays' }] });
      return applyIssueStateChange(request.ctx, connection, read.deliveryId, read.change);
    },
  });
};
