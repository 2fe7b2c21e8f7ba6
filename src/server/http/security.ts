import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

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

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https:');
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
