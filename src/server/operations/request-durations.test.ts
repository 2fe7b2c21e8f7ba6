import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestDurations } from './request-durations.js';

const name = 'hindsight_http_request_duration_seconds';
const help = 'Time to answer a request';
const buckets = [0.001, 0.01, 0.1, 1];

/** The same observations through prom-client's Histogram and through RequestDurations. */
async function bothExpositions(observations: Array<[method: string, route: string, status: number, seconds: number]>) {
  const theirs = new Registry();
  const histogram = new Histogram({ name, help, labelNames: ['method', 'route', 'status_code'] as const, buckets, registers: [theirs] });
  const ours = new Registry();
  const durations = new RequestDurations(name, help, buckets);
  ours.registerMetric(durations.asMetric());
  for (const [method, route, status, seconds] of observations) {
    histogram.labels({ method, route, status_code: String(status) }).observe(seconds);
    durations.observe(method, route, status, seconds);
  }
  return { theirs: await theirs.metrics(), ours: await ours.metrics(), durations, registry: ours };
}

describe('RequestDurations', () => {
  it.each([
    ['no request yet', []],
    ['one request', [['GET', '/api/incidents/:id', 200, 0.0004]]],
    ['a value on a bound, one past the last bound, and zero', [['GET', '/a', 200, 0.01], ['GET', '/a', 200, 7], ['GET', '/a', 200, 0]]],
    [
      'several routes, methods and statuses, interleaved',
      [['GET', '/a', 200, 0.002], ['POST', '/a', 201, 0.02], ['GET', '/a', 404, 0.2], ['GET', '/a', 200, 0.5], ['GET', '(unmatched)', 404, 0.0001], ['POST', '/a', 201, 2]],
    ],
  ] as Array<[string, Array<[string, string, number, number]>]>)('is exposed exactly as prom-client exposes its Histogram: %s', async (_case, observations) => {
    const { theirs, ours } = await bothExpositions(observations);
    expect(ours).toBe(theirs);
  });

  it("starts again from nothing when the registry's metrics are reset", async () => {
    const { durations, registry } = await bothExpositions([['GET', '/a', 200, 0.002]]);
    registry.resetMetrics();
    durations.observe('GET', '/b', 200, 0.002);
    const text = await registry.metrics();
    expect(text).not.toContain('route="/a"');
    expect(text).toContain(`${name}_count{method="GET",route="/b",status_code="200"} 1`);
  });
});
