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

/**
 * Takes a review through its workflow to published, the way people do: a summary and a contributor
 * (what publishing needs), the async review, then publishing without a meeting. As the harness admin.
 */
export async function publishReview(t: TestApp, reviewId: number): Promise<Review> {
  const review = await get<Review>(t, `/api/reviews/${reviewId}`);
  if (!review.summary) await patch(t, `/api/reviews/${reviewId}`, { version: review.version, summary: 'What happened, for people who were not there.' });
  await post(t, `/api/reviews/${reviewId}/factors`, { kind: 'contributor', title: 'A contributing factor' });
  await post(t, `/api/reviews/${reviewId}/transitions`, { to: 'in_review' });
  return post<Review>(t, `/api/reviews/${reviewId}/transitions`, { to: 'published' });
}

/** A person as the API answers: a user, or a plain name (userId null). */
export const named = (name: string, userId: number | null = null) => ({ userId, name });
