import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { databaseKinds, testConfig } from '../support/databases.js';

describe.each(databaseKinds)('API rate limits on %s', (kind) => {
  const t = useTestApp(kind, testConfig({ HINDSIGHT_RATE_LIMIT_PER_MINUTE: '5' }));

  it('counts each user’s requests, says what is left in RateLimit headers, and answers 429 problem+json with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await t.requestAs('viewer', { method: 'GET', url: '/api/incidents' }));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0]!.headers['ratelimit-limit']).toBe('5');
    expect(answers[4]!.headers['ratelimit-remaining']).toBe('0');
    const refused = answers[5]!;
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // Another user has a budget of their own; pages and health checks are not counted.
    expect((await t.requestAs('responder', { method: 'GET', url: '/api/incidents' })).status).toBe(200);
    expect((await t.requestAs('viewer', { method: 'GET', url: '/livez' })).status).toBe(200);
  });
});
