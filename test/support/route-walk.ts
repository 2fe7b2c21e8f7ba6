import type { Review } from '../../src/shared/reviews/review.schema.js';
import type { TestApp } from './app.js';
import { createIncident } from './factories.js';
import { get, post } from './reviews.js';

/**
 * The route walk: the write routes of the OpenAPI document, a review with one of each part, and for
 * each write to a review or one of its parts a request that succeeds on a review that may be edited.
 * Tests that must hold for every write (a published review refuses edits, every change is audited)
 * walk these, so a new route is covered without a new test.
 */

export interface Ids {
  incident: number;
  review: number;
  entry: number;
  factor: number;
  /** A factor of an earlier incident, for links (F18). */
  earlierFactor: number;
  whys: number;
  action: number;
}

export type Write = (t: TestApp, ids: Ids) => Promise<{ url: string; payload?: object }>;
export const versionOf = async (t: TestApp, url: string) => (await get<{ version: number }>(t, url)).version;

/**
 * Every write to a review or one of its parts, with a request that succeeds on a review that may be
 * edited. With the list below, it covers every write route of the OpenAPI document: a new route
 * has to be placed in one or the other.
 */
export const reviewWrites: Record<string, Write> = {
  'PATCH /api/reviews/{id}': async (t, ids) => ({ url: `/api/reviews/${ids.review}`, payload: { version: await versionOf(t, `/api/reviews/${ids.review}`), summary: 'Edited' } }),
  'PATCH /api/incidents/{id}': async (t, ids) => ({
    url: `/api/incidents/${ids.incident}`,
    payload: { version: await versionOf(t, `/api/incidents/${ids.incident}`), detectedAt: '2026-03-10T09:02:00Z' },
  }),
  'POST /api/incidents/{id}/timeline': async (_, ids) => ({ url: `/api/incidents/${ids.incident}/timeline`, payload: { occurredAt: '2026-03-10T09:20:00Z', text: 'Late entry' } }),
  'POST /api/incidents/{id}/timeline/batch': async (_, ids) => ({
    url: `/api/incidents/${ids.incident}/timeline/batch`,
    payload: { entries: [{ occurredAt: '2026-03-10T09:21:00Z', text: 'Batch entry' }] },
  }),
  'PATCH /api/timeline/{entryId}': async (t, ids) => ({ url: `/api/timeline/${ids.entry}`, payload: { version: await versionOf(t, `/api/timeline/${ids.entry}`), text: 'Corrected' } }),
  'POST /api/timeline/{entryId}/comments': async (_, ids) => ({ url: `/api/timeline/${ids.entry}/comments`, payload: { text: 'A late comment' } }),
  'POST /api/reviews/{id}/factors': async (_, ids) => ({ url: `/api/reviews/${ids.review}/factors`, payload: { kind: 'risk', title: 'Another risk' } }),
  'PATCH /api/factors/{id}': async (t, ids) => ({ url: `/api/factors/${ids.factor}`, payload: { version: await versionOf(t, `/api/factors/${ids.factor}`), title: 'Renamed' } }),
  'POST /api/factors/{id}/links': async (_, ids) => ({ url: `/api/factors/${ids.factor}/links`, payload: { toFactorId: ids.earlierFactor } }),
  'POST /api/reviews/{id}/whys': async (_, ids) => ({ url: `/api/reviews/${ids.review}/whys`, payload: { title: 'Another chain', steps: [] } }),
  'POST /api/whys/{id}/links': async (_, ids) => ({ url: `/api/whys/${ids.whys}/links`, payload: { toFactorId: ids.earlierFactor } }),
  'PATCH /api/whys/{id}': async (t, ids) => ({ url: `/api/whys/${ids.whys}`, payload: { version: await versionOf(t, `/api/whys/${ids.whys}`), title: 'Renamed' } }),
  'PUT /api/reviews/{id}/questions/{key}': async (_, ids) => ({ url: `/api/reviews/${ids.review}/questions/got_lucky`, payload: { answer: 'Low traffic' } }),
  'POST /api/reviews/{id}/action-items': async (_, ids) => ({ url: `/api/reviews/${ids.review}/action-items`, payload: { title: 'Another action' } }),
  'PATCH /api/action-items/{id}': async (t, ids) => ({
    url: `/api/action-items/${ids.action}`,
    payload: { version: await versionOf(t, `/api/action-items/${ids.action}`), title: 'Reworded after publishing' },
  }),
  'PUT /api/reviews/{id}/notes': async (t, ids) => ({
    url: `/api/reviews/${ids.review}/notes`,
    payload: { text: `Notes edited ${Date.now()}`, revision: (await get<{ revision: number }>(t, `/api/reviews/${ids.review}/notes`)).revision },
  }),
  'POST /api/reviews/{id}/notes/accept': async (_, ids) => ({
    url: `/api/reviews/${ids.review}/notes/accept`,
    payload: { proposals: [{ id: 'x', kind: 'risk', text: 'risk: one person knows the failover', sourceLines: [1, 1], occurredAt: null, precision: null, timeAsWritten: null, anchorAt: null, owner: null, done: false }] },
  }),
  'POST /api/incidents/{id}/timeline/clock-offset': async (_, ids) => ({
    url: `/api/incidents/${ids.incident}/timeline/clock-offset`,
    payload: { source: 'manual', offsetSeconds: 60, reason: 'The laptop clock ran a minute slow' },
  }),
  // Meeting mode: no meeting is walked on a published review.
  'PUT /api/reviews/{id}/meeting/mode': async (_, ids) => ({ url: `/api/reviews/${ids.review}/meeting/mode`, payload: { stage: 'summary' } }),
  // Deletions last: the records are gone once they succeed.
  'DELETE /api/reviews/{id}/questions/{key}': async (t, ids) => {
    const { items } = await get<{ items: Array<{ key: string; version: number | null }> }>(t, `/api/reviews/${ids.review}/questions`);
    return { url: `/api/reviews/${ids.review}/questions/went_well?version=${items.find((q) => q.key === 'went_well')!.version}` };
  },
  'DELETE /api/factors/{id}/links/{toFactorId}': async (_, ids) => ({ url: `/api/factors/${ids.factor}/links/${ids.earlierFactor}` }),
  'DELETE /api/whys/{id}/links/{toFactorId}': async (_, ids) => ({ url: `/api/whys/${ids.whys}/links/${ids.earlierFactor}` }),
  'DELETE /api/timeline/{entryId}': async (t, ids) => ({ url: `/api/timeline/${ids.entry}?version=${await versionOf(t, `/api/timeline/${ids.entry}`)}` }),
  'DELETE /api/whys/{id}': async (t, ids) => ({ url: `/api/whys/${ids.whys}?version=${await versionOf(t, `/api/whys/${ids.whys}`)}` }),
  'DELETE /api/action-items/{id}': async (t, ids) => ({ url: `/api/action-items/${ids.action}?version=${await versionOf(t, `/api/action-items/${ids.action}`)}` }),
  'DELETE /api/factors/{id}': async (t, ids) => ({ url: `/api/factors/${ids.factor}?version=${await versionOf(t, `/api/factors/${ids.factor}`)}` }),
};

/** Every write route of the OpenAPI document, as "METHOD /path". */
export async function writeRoutes(t: TestApp): Promise<string[]> {
  const spec = (await t.requestAs<{ paths: Record<string, Record<string, unknown>> }>(null, { method: 'GET', url: '/api/openapi.json' })).body;
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .map((method) => method.toUpperCase())
      .filter((method) => method !== 'GET')
      .map((method) => `${method} ${path}`),
  );
}

/** A review that may be edited, with one of each part, and a factor of an earlier incident for links. */
export async function seedReview(t: TestApp): Promise<Ids> {
  const earlier = await createIncident(t, { impactStartedAt: '2026-02-10T09:00:00Z' });
  const earlierReview = await post<Review>(t, `/api/incidents/${earlier.id}/review`, {});
  const earlierFactor = await post<{ id: number }>(t, `/api/reviews/${earlierReview.id}/factors`, { kind: 'contributor', title: 'No alert on saturation' });
  const incident = await createIncident(t, { impactStartedAt: '2026-03-10T09:00:00Z' });
  const review = await post<Review>(t, `/api/incidents/${incident.id}/review`, {});
  const entry = await post<{ id: number }>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: 'Alert fired' });
  const factor = await post<{ id: number }>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'No alert on saturation' });
  const whys = await post<{ id: number }>(t, `/api/reviews/${review.id}/whys`, { title: 'Why', steps: [{ why: 'Why?', because: 'Because' }] });
  const action = await post<{ id: number }>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on saturation', factorIds: [factor.id] });
  await t.request({ method: 'PUT', url: `/api/reviews/${review.id}/questions/went_well`, payload: { answer: 'Quick rollback' } });
  return { incident: incident.id, review: review.id, entry: entry.id, factor: factor.id, earlierFactor: earlierFactor.id, whys: whys.id, action: action.id };
}
