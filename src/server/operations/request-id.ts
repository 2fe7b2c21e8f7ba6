import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's id may look like: short, and nothing that could forge a log line or a header. */
const wellFormed = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is well formed (a proxy or client that
 * traces the request across systems), otherwise a fresh UUID. It is on every log line of the
 * request and answered in `X-Request-Id`.
 */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && wellFormed.test(header) ? header : randomUUID();
}

/** Fastify's genReqId. */
export const genReqId = (request: IncomingMessage): string => requestIdFor(request.headers[REQUEST_ID_HEADER]);
