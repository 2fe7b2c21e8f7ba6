import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';

const csp =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;" +
  "connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-web-'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

/** JSON answers: the short API set, and none of the headers only a rendered page needs. */
function expectApiHeaders(headers: Record<string, unknown>, label: string) {
  expect(headers['content-security-policy'], label).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['cross-origin-resource-policy'], label).toBe('same-origin');
  expect(headers['cache-control'], label).toBe('no-store');
  for (const pageOnly of ['x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'x-dns-prefetch-control', 'origin-agent-cluster']) {
    expect(headers[pageOnly], `${label}: ${pageOnly}`).toBeUndefined();
  }
  expect(headers['strict-transport-security'], label).toBeUndefined(); // plain http here
  expect(headers['x-powered-by'], label).toBeUndefined();
}

function expectSecurityHeaders(headers: Record<string, unknown>, label: string) {
  expect(headers['content-security-policy'], label).toBe(csp);
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['referrer-policy'], label).toBe('no-referrer');
  expect(headers['x-frame-options'], label).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], label).toBe('same-origin');
  expect(headers['cross-origin-resource-policy'], label).toBe('same-origin');
  expect(headers['strict-transport-security'], label).toBeUndefined(); // plain http here
  expect(headers['x-powered-by'], label).toBeUndefined();
}

describe.each(databaseKinds)('security headers on %s', (kind) => {
  const t = useTestApp(kind);
  const withAuth = useTestApp(kind, testConfig());

  it('are on every API response, with or without authentication: answers, errors, health', async () => {
    for (const [app, url] of [
      [t, '/healthz'],
      [t, '/api/incidents'],
      [t, '/api/nothing-here'],
      [t, '/api/openapi.json'],
      [withAuth, '/api/incidents'], // 401
      [withAuth, '/api/auth/providers'],
    ] as const) {
      const response = await app.request({ method: 'GET', url });
      expectApiHeaders(response.headers, url);
    }
  });

  it('let Swagger UI work under the same policy: its page loads only same-origin script files', async () => {
    const page = await t.request<string>({ method: 'GET', url: '/api/docs' });
    expect(page.status).toBe(200);
    expectSecurityHeaders(page.headers, '/api/docs');
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      const src = /src="([^"]+)"/.exec(attributes ?? '')?.[1];
      expect(src, 'no inline script').toMatch(/^\/api\/docs\//);
      expect(content?.trim()).toBe('');
      const file = await t.request({ method: 'GET', url: src! });
      expect(file.status, src).toBe(200);
      expect(file.headers['content-type']).toMatch(/javascript/);
    }
    expect(page.body).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect((await t.request({ method: 'GET', url: '/api/docs/json' })).status).toBe(200);
  });
});

describe('security headers for the web app and over https', () => {
  const t = useTestApp('sqlite', testConfig({ HINDSIGHT_PUBLIC_URL: 'https://hindsight.example.com' }));

  it('add HSTS to every response, and upgrade-insecure-requests to pages, when the public URL is https', async () => {
    const api = await t.request({ method: 'GET', url: '/healthz' });
    expect(api.headers['strict-transport-security']).toBe('max-age=31536000');
    const page = await t.request({ method: 'GET', url: '/api/docs' });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(page.headers['content-security-policy']).toBe(`${csp};upgrade-insecure-requests`);
  });
});

describe('security headers on the web app', () => {
  // registerWebApp (web-app.ts) cannot be used here: it sets a second not-found handler, which
  // Fastify refuses; the app's files are served the same way, by @fastify/static.
  it('are sent with index.html and the files of the built web app', async () => {
    const { buildApp } = await import('../app.js');
    const { createTestDatabase, testContext } = await import('../../../test/support/databases.js');
    const fastifyStatic = (await import('@fastify/static')).default;
    const database = await createTestDatabase('sqlite');
    const app = await buildApp(testContext(database.handle));
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    try {
      for (const url of ['/', '/index.html']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expectSecurityHeaders(response.headers, url);
      }
    } finally {
      await app.close();
      await database.drop();
    }
  });

  // The page Vite builds from: Vite only adds module script tags with src, so a built page
  // passes the policy exactly when its source does (the browser journeys check the built one).
  const page = path.resolve('src/web/index.html');
  it('the web app page has no inline script the policy would block', () => {
    const html = fs.readFileSync(page, 'utf8');
    for (const [, attributes, content] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(attributes, 'scripts are files').toMatch(/\ssrc="[^"]+"/);
      expect(content?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
