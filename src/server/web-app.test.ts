import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support/app.js';
import { testConfig } from '../../test/support/databases.js';

function builtWebApp(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Hindsight</title>');
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b3c.js'), script);
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b3c.js.gz'), gzipSync(script));
  return root;
}

describe('serving the built web app', () => {
  const t = useTestApp('sqlite', testConfig(), { webRoot: builtWebApp() });

  it('answers client routes with index.html and unknown API paths with problem+json', async () => {
    for (const url of ['/', '/incidents/42', '/reviews/7/read?print=1']) {
      const response = await t.requestAs(null, { method: 'GET', url });
      expect(response.status, url).toBe(200);
      expect(String(response.body)).toContain('<title>Hindsight</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    for (const url of ['/api/no-such-thing', '/%61pi/no-such-thing']) {
      const api = await t.requestAs<{ code: string }>(null, { method: 'GET', url });
      expect(api.status, url).toBe(404);
      expect(api.headers['content-type'], url).toMatch(/problem\+json/);
      expect(api.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect((await t.requestAs(null, { method: 'GET', url: '/assets/missing.js' })).status).toBe(404);
  });

  it('never answers an unknown path of the API, the probes or /metrics with the web app', async () => {
    for (const url of ['/api', '/api/', '/API/incidents', '/%61pi/nothing', '//api/nothing', '/metrics/extra', '/readyz/x', '/livez/x', '/healthz/x']) {
      const response = await t.requestAs(null, { method: 'GET', url });
      expect(response.status, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/problem\+json/);
    }
  });

  it('sends hashed assets pre-compressed and cacheable for a year', async () => {
    const response = await t.requestAs(null, { method: 'GET', url: '/assets/app-1a2b3c.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
