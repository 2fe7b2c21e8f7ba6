import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.js';
import { isApiPath, routedPath } from './routed-path.js';

/**
 * Security headers on every response (helmet). The Content-Security-Policy fits the Vite-built
 * React + Mantine web app: scripts only from our origin (Vite emits no inline script), styles from
 * our origin plus inline <style> tags, which Mantine injects at run time ('unsafe-inline' for
 * styles only), images and fonts from our origin or data: URLs, requests to our origin only, no
 * plugins, no framing by other sites, no <base> or form posts elsewhere. The same policy serves
 * Swagger UI at /api/docs, whose page loads only its own script and style files.
 *
 * Over https (HINDSIGHT_PUBLIC_URL) browsers are also told to stay on https (HSTS,
 * upgrade-insecure-requests); over plain http these would break the app, so they are left out.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The headers helmet sets for these options, worked out once: they are the same on every response,
 * and building helmet's middleware per request (as @fastify/helmet does) cost more than the
 * rest of a typical API read.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * API responses are JSON that no browser renders, so they get the short set the OWASP REST
 * Security Cheat Sheet gives for APIs: nothing may load or frame them, no MIME sniffing, no
 * cross-origin reads, and no caching of what are mostly personal, access-controlled answers
 * (a route may still set its own Cache-Control, as the review document's ETag does). The HTML
 * headers cost every API client parsing time for nothing: a third of a read's rate in the benchmark.
 */
function apiHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}

const HSTS_SECONDS = 365 * 24 * 3600;
const HSTS = `max-age=${HSTS_SECONDS}`;

/** JSON endpoints: the API (not its HTML docs at /api/docs) and the health check. */
const isJsonPath = (path: string) => isApiPath(path) || path.startsWith('/healthz');

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https:');
  const pageHeaders = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    strictTransportSecurity: https ? { maxAge: HSTS_SECONDS, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const jsonHeaders = apiHeaders(https);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isJsonPath(routedPath(request)) ? jsonHeaders : pageHeaders);
    done();
  });
}
