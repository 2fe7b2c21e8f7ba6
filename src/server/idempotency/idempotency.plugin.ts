/**
 * `Idempotency-Key` on API POSTs (creates, mostly): a client that retries after a timeout or a
 * dropped connection sends the same key and gets the first answer again (`Idempotent-Replayed:
 * true`) instead of a second record. Keys are per user and kept for a day. Only successful answers
 * are kept: after a 4xx the client can fix the request and send it with the same key.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { isApiPath, routedPath } from '../http/routed-path.js';
import { findKey, releaseAbandoned, releaseKey, reserveKey, storeAnswer } from './idempotency.repo.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKeyId: number | null;
  }
}

/** A request still unanswered after this long is taken to have died with its process. */
export const ABANDONED_AFTER_MS = 60_000;

const keyProblem = (message: string) => new AppError('validation_failed', message, { errors: [{ field: 'idempotency-key', in: 'headers', message }] });

/** Printable ASCII, 1–255 characters (a UUID is typical). */
export const isValidKey = (key: string) => /^[\x21-\x7e]{1,255}$/.test(key);

export const requestHash = (request: Pick<FastifyRequest, 'method' | 'params' | 'body'>, route: string) =>
  createHash('sha256').update(JSON.stringify([request.method, route, request.params, request.body ?? null])).digest('base64url');

export function registerIdempotencyKeys(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotencyKeyId', null);

  // Only POST routes of the API carry the hooks, so that other requests do not pass through them.
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST') || !isApiPath(route.url)) return;
    route.preHandler = [...[route.preHandler ?? []].flat(), reserveOrReplay];
    route.onSend = [...[route.onSend ?? []].flat(), storeOrRelease];
  });

  // Callback hooks with an early return: a promise each would cost on every POST.
  const reserveOrReplay: preHandlerHookHandler = (request, reply, done) => {
    if (request.headers['idempotency-key'] === undefined || request.method !== 'POST' || !request.principal) return done();
    answerOnce(request, reply).then(() => {
      if (!reply.sent) done();
    }, done);
  };

  /** Reserves the key for this request, or answers from the first request that used it. */
  async function answerOnce(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.principal) return;
    const key = String(request.headers['idempotency-key']);
    if (!isValidKey(key)) throw keyProblem('Idempotency-Key must be 1 to 255 printable characters, such as a UUID');
    const owner = `user:${request.principal.user.id}`;
    const hash = requestHash(request, routedPath(request));
    for (let attempt = 0; attempt < 2; attempt++) {
      const id = await reserveKey(ctx.db, owner, key, hash, ctx.now().getTime());
      if (id !== null) {
        request.idempotencyKeyId = id;
        return;
      }
      const stored = await findKey(ctx.db, owner, key);
      if (!stored) continue; // released meanwhile: reserve again
      if (stored.request_hash !== hash) throw keyProblem('This Idempotency-Key was already used for a different request');
      if (stored.status === null) {
        if (ctx.now().getTime() - stored.created_at_ms < ABANDONED_AFTER_MS) throw new AppError('conflict', 'A request with this Idempotency-Key is still being answered; retry in a moment');
        await releaseAbandoned(ctx.db, stored.id, stored.created_at_ms);
        continue;
      }
      if (stored.location) reply.header('location', stored.location);
      await reply.code(stored.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(stored.response);
      return;
    }
    throw new AppError('conflict', 'A request with this Idempotency-Key is still being answered; retry in a moment');
  }

  const storeOrRelease: onSendHookHandler = (request, reply, payload, done) => {
    const id = request.idempotencyKeyId;
    if (id === null) return done(null, payload);
    request.idempotencyKeyId = null;
    const location = reply.getHeader('location');
    const settled = reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string'
      ? storeAnswer(ctx.db, id, reply.statusCode, payload, typeof location === 'string' ? location : null)
      : releaseKey(ctx.db, id);
    settled.then(() => done(null, payload), (error: Error) => done(error));
  };
}
