import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/shared/errors.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { databaseKinds } from '../support/databases.js';
import { createIncident } from '../support/factories.js';

type OpenApi = { paths: Record<string, Record<string, { requestBody?: unknown }>> };

/** Everything stored in every table, so a test can show that a rejected request wrote nothing. */
async function snapshot(t: TestApp): Promise<string> {
  const db = t.database.handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const names = (await db.introspection.getTables()).map((table) => table.name).sort();
  const tables = await Promise.all(names.map((table) => db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(tables.map((rows) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))));
}

function expectProblemNaming(response: { status: number; body: unknown; headers: Record<string, unknown> }, field: string | RegExp) {
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.body as Problem;
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors?.map((e) => e.field)).toContainEqual(typeof field === 'string' ? field : expect.stringMatching(field));
}

describe.each(databaseKinds)('request validation on %s', (kind) => {
  const t = useTestApp(kind);

  const setup = async () => {
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true });
    const resolved = await t.request<{ review: { id: number } }>({ method: 'POST', url: `/api/incidents/${incident.id}/resolve`, payload: {} });
    return { incidentId: incident.id, reviewId: resolved.body.review.id };
  };

  it('rejects malformed bodies on every route of the OpenAPI document, naming the field and writing nothing', async () => {
    const { incidentId, reviewId } = await setup();
    const spec = (await t.request<OpenApi>({ method: 'GET', url: '/api/openapi.json' })).body;
    const withBodies = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody)
        // Signed webhooks check the signature before anything else (401) and take the sender's format (trackers/trackers.test.ts).
        .filter(() => !path.endsWith('/webhook'))
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
    expect(withBodies.length).toBeGreaterThanOrEqual(6);

    for (const { method, path } of withBodies) {
      const url = path.replace('{id}', String(path.startsWith('/api/reviews') ? reviewId : incidentId)).replace('{day}', '2026-12-03').replace(/\{[^}]+\}/g, '1');
      const before = await snapshot(t);
      const unknownField = await t.request({ method: method as 'POST', url, payload: { __bogus: true } });
      expectProblemNaming(unknownField, '__bogus');
      const notAnObject = await t.request({ method: method as 'POST', url, payload: [1, 2] as unknown as object });
      expectProblemNaming(notAnObject, /.+/);
      const brokenJson = await t.request({ method: method as 'POST', url, payload: '{"title": ', headers: { 'content-type': 'application/json' } });
      expect(brokenJson.status, `${method} ${path}`).toBe(400);
      expect(brokenJson.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await snapshot(t), `${method} ${path} wrote despite rejecting`).toBe(before);
    }
  }, 120_000);

  const cases: Array<{ name: string; method: 'POST' | 'PATCH'; url: (ids: { incidentId: number; reviewId: number }) => string; payload: unknown; field: string }> = [
    { name: 'unknown severity', method: 'POST', url: () => '/api/incidents', payload: { title: 'x', severity: 'sev9' }, field: 'severity' },
    { name: 'missing title', method: 'POST', url: () => '/api/incidents', payload: { severity: 'sev1' }, field: 'title' },
    { name: 'blank title', method: 'POST', url: () => '/api/incidents', payload: { title: '  ', severity: 'sev1' }, field: 'title' },
    { name: 'timestamp without offset', method: 'POST', url: () => '/api/incidents', payload: { title: 'x', severity: 'sev2', impactStartedAt: '2026-03-10 09:00' }, field: 'impactStartedAt' },
    { name: 'userFacing as text', method: 'POST', url: () => '/api/incidents', payload: { title: 'x', severity: 'sev2', userFacing: 'yes' }, field: 'userFacing' },
    { name: 'empty service name', method: 'POST', url: () => '/api/incidents', payload: { title: 'x', severity: 'sev2', services: ['api', ''] }, field: 'services.1' },
    { name: 'unknown status', method: 'POST', url: () => '/api/incidents', payload: { title: 'x', severity: 'sev2', status: 'closed' }, field: 'status' },
    { name: 'edit without version', method: 'PATCH', url: (ids) => `/api/incidents/${ids.incidentId}`, payload: { title: 'New' }, field: 'version' },
    { name: 'edit with bad timestamp', method: 'PATCH', url: (ids) => `/api/incidents/${ids.incidentId}`, payload: { version: 1, detectedAt: 'yesterday' }, field: 'detectedAt' },
    { name: 'resolve with bad timestamp', method: 'POST', url: (ids) => `/api/incidents/${ids.incidentId}/resolve`, payload: { resolvedAt: '10:00' }, field: 'resolvedAt' },
    { name: 'empty label', method: 'POST', url: (ids) => `/api/incidents/${ids.incidentId}/labels`, payload: { label: '' }, field: 'label' },
    { name: 'owner as a number', method: 'POST', url: (ids) => `/api/incidents/${ids.incidentId}/review`, payload: { owner: 5 }, field: 'owner' },
    { name: 'unknown review state', method: 'PATCH', url: (ids) => `/api/reviews/${ids.reviewId}`, payload: { version: 1, state: 'done' }, field: 'state' },
    { name: 'version zero', method: 'PATCH', url: (ids) => `/api/reviews/${ids.reviewId}`, payload: { version: 0 }, field: 'version' },
  ];

  it.each(cases)('names the field for $name', async ({ method, url, payload, field }) => {
    const ids = await setup();
    const before = await snapshot(t);
    const response = await t.request({ method, url: url(ids), payload: payload as object });
    expectProblemNaming(response, field);
    expect(await snapshot(t)).toBe(before);
  });

  it('rejects a non-numeric id in the path, naming it', async () => {
    expectProblemNaming(await t.request({ method: 'GET', url: '/api/incidents/abc' }), 'id');
  });
});
