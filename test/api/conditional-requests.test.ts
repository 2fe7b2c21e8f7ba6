import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/shared/incidents/incident.schema.js';
import { useTestApp } from '../support/app.js';
import { databaseKinds } from '../support/databases.js';
import { createIncident, incidentInput } from '../support/factories.js';
import { createReview, post } from '../support/reviews.js';

describe.each(databaseKinds)('ETag, If-Match and Location on %s', (kind) => {
  const t = useTestApp(kind);

  it('gives a record its version as ETag and takes If-Match instead of the body version', async () => {
    const incident = await createIncident(t);
    const read = await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incident.id}` });
    expect(read.headers.etag).toBe(`"${incident.version}"`);

    const edited = await t.request<Incident>({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: { 'if-match': String(read.headers.etag) }, payload: { title: 'Renamed through If-Match' } });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('Renamed through If-Match');
    expect(edited.headers.etag).toBe(`"${incident.version + 1}"`);

    const stale = await t.request<{ code: string; current: Incident }>({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: { 'if-match': String(read.headers.etag) }, payload: { title: 'Lost update' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current.title).toBe('Renamed through If-Match');
  });

  it('refuses an If-Match that is not one version, or that disagrees with the body, naming the header', async () => {
    const incident = await createIncident(t);
    for (const [header, payload] of [['*', { title: 'x' }], [`"${incident.version + 5}"`, { title: 'x', version: incident.version }]] as const) {
      const refused = await t.request<{ errors: Array<{ field: string; in: string }> }>({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: { 'if-match': header }, payload });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'if-match', in: 'headers' })]);
    }
    const unchanged = await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incident.id}` });
    expect(unchanged.body.version).toBe(incident.version);
  });

  it('takes If-Match for a delete whose version is a query parameter', async () => {
    const { review } = await createReview(t);
    const factor = await post<{ id: number; version: number }>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Retries multiplied the load' });
    const deleted = await t.request({ method: 'DELETE', url: `/api/factors/${factor.id}`, headers: { 'if-match': `"${factor.version}"` } });
    expect(deleted.status).toBe(204);
  });

  it('says where a created record can be read', async () => {
    const created = await t.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/incidents/${created.body.id}`);
    const { review } = await createReview(t);
    const item = await t.request<{ id: number }>({ method: 'POST', url: `/api/reviews/${review.id}/action-items`, payload: { title: 'Alert on connection pool saturation above 80%' } });
    expect(item.status).toBe(201);
    expect(item.headers.location).toBe(`/api/action-items/${item.body.id}`);
    expect((await t.request({ method: 'GET', url: String(item.headers.location) })).status).toBe(200);
  });
});
