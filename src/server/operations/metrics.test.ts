import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';

/** The value of one sample of the exposition text, or undefined. */
const sample = (text: string, name: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((label) => l.includes(label)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

describe.each(databaseKinds)('/metrics on %s', (kind) => {
  const t = useTestApp(kind, testConfig(), { operations: kind === 'postgres' ? { poolStats: () => t.database.handle.poolStats!() } : {} });

  it('times requests by route pattern and status, counts the job queue, and reports the pool and the event loop', async () => {
    const created = await t.request<{ id: number }>({ method: 'POST', url: '/api/incidents', payload: incidentInput() });
    for (let i = 0; i < 3; i++) await t.request({ method: 'GET', url: `/api/incidents/${created.body.id}` });
    await t.request({ method: 'GET', url: '/api/incidents/987654' });
    expect((await t.request({ method: 'POST', url: '/api/admin/jobs/ping', payload: {} })).status).toBe(201);

    const response = await t.requestAs<string>(null, { method: 'GET', url: '/metrics' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    const byRoute = 'hindsight_http_request_duration_seconds_count';
    expect(sample(text, byRoute, 'method="GET",route="/api/incidents/:id",status_code="200"')).toBe(3);
    expect(sample(text, byRoute, 'route="/api/incidents/:id",status_code="404"')).toBe(1);
    expect(sample(text, byRoute, 'method="POST",route="/api/incidents",status_code="201"')).toBe(1);
    expect(text).not.toContain(`route="/api/incidents/${created.body.id}"`);
    expect(sample(text, 'hindsight_jobs', 'state="queued"')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^hindsight_job_failed_attempts_total \d+$/m);
    expect(text).toMatch(/^hindsight_job_dead_total \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    if (kind === 'postgres') {
      expect(sample(text, 'hindsight_db_pool_connections', 'state="total"')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'hindsight_db_pool_connections', 'state="waiting"')).toBe(0);
    } else {
      expect(text).not.toContain('hindsight_db_pool_connections{');
    }
  });

  it('answers only this machine when no metrics token is set', async () => {
    const remote = await t.requestAs(null, { method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.status).toBe(403);
    expect(remote.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('/metrics with HINDSIGHT_METRICS_TOKEN', () => {
  const token = 'a-metrics-token-of-some-length';
  const t = useTestApp('sqlite', testConfig({ HINDSIGHT_METRICS_TOKEN: token }));

  it('answers whoever sends the token, from anywhere, and nobody else (not even this machine)', async () => {
    const get = (headers: Record<string, string>, remoteAddress = '203.0.113.9') => t.requestAs(null, { method: 'GET', url: '/metrics', headers, remoteAddress });
    expect((await get({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get({})).status).toBe(401);
    expect((await get({}, '127.0.0.1')).status).toBe(401);
    expect((await get({ authorization: `Bearer ${token}x` })).status).toBe(403);
    // An account's API token is not the metrics token.
    expect((await get(await t.authHeaders('admin'))).status).toBe(403);
  });
});
