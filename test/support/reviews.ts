import type { InjectOptions } from 'fastify';
import type { Incident, IncidentCreateInput } from '../../src/shared/incidents/incident.schema.js';
import type { Review } from '../../src/shared/reviews/review.schema.js';
import type { TestApp } from './app.js';
import { createIncident } from './factories.js';

/** An incident with a review requested by hand, whatever the policy says. */
export async function createReview(t: TestApp, overrides: Partial<IncidentCreateInput> = {}): Promise<{ incident: Incident; review: Review }> {
  const incident = await createIncident(t, overrides);
  const review = await ok<Review>(t, { method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: {} });
  return { incident, review };
}

/** A request that must succeed (2xx); anything else fails the test with the problem body. */
export async function ok<T>(t: TestApp, options: InjectOptions): Promise<T> {
  const response = await t.request<T>(options);
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${options.method} ${options.url}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export const post = <T>(t: TestApp, url: string, payload: object) => ok<T>(t, { method: 'POST', url, payload });
export const patch = <T>(t: TestApp, url: string, payload: object) => ok<T>(t, { method: 'PATCH', url, payload });
export const get = <T>(t: TestApp, url: string) => ok<T>(t, { method: 'GET', url });
