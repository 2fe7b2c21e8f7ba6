import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/shared/errors.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { databaseKinds } from '../support/databases.js';
import { createIncident } from '../support/factories.js';

interface Parameter {
  in: string;
  name: string;
  schema?: { type?: string | undefined };
}
type OpenApi = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
}

async function operations(t: TestApp): Promise<Operation[]> {
  const spec = (await t.request<OpenApi>({ method: 'GET', url: '/api/openapi.json' })).body;
  return Object.entries(spec.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ method: method.toUpperCase() as Operation['method'], path, parameters: operation.parameters ?? [] })),
  );
}

/** A URL for `path` with `value` as its integer path parameters and plausible text for the others. */
const urlOf = (path: string, value: string) => path.replace(/\{(id|entryId)\}/g, value).replace(/\{key\}/g, 'went_well').replace(/\{[^}]+\}/g, 'x');

const base64url = (text: string) => Buffer.from(text).toString('base64url');

const naming = (response: { status: number; body: unknown }) => (response.body as Problem).errors?.map((e) => e.field) ?? [];

/**
 * Ids, cursors and numbers no record can have, and NUL characters, on every route: a 400 naming the
 * field (or a 404), never the 500 PostgreSQL's "out of range" or "invalid byte sequence" became.
 */
describe.each(databaseKinds)('numbers and text out of range on %s', (kind) => {
  const t = useTestApp(kind);

  it('answers 400 naming the id, never 500, for ids past the stored range on every /{id} route, and 400/404 for the largest one', async () => {
    const withIds = (await operations(t)).filter((op) => /\{(id|entryId)\}/.test(op.path));
    expect(withIds.length).toBeGreaterThan(40);
    for (const { method, path } of withIds) {
      for (const value of ['2147483648', '3000000000', '1e400', '9007199254740993']) {
        const response = await t.request({ method, url: urlOf(path, value), payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
        expect(response.status, `${method} ${path} with ${value}`).toBe(400);
        expect(naming(response), `${method} ${path} with ${value}`).toContainEqual(expect.stringMatching(/^(id|entryId)$/));
      }
      for (const value of ['2147483647', '%00']) {
        const response = await t.request({ method, url: urlOf(path, value), payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
        // A signed webhook does not say whether a source exists: an unknown one is 401, as a wrong signature is.
        const notFound = path.startsWith('/api/hooks/') || path.endsWith('/webhook') ? 401 : 404;
        expect([400, notFound], `${method} ${path} with ${value}: ${JSON.stringify(response.body)}`).toContain(response.status);
      }
    }
  });

  it('refuses forged cursors and integer filters past the stored range with a 400 naming them', async () => {
    const ops = (await operations(t)).filter((op) => op.method === 'GET' && !op.path.includes('{'));
    const withCursor = ops.filter((op) => op.parameters.some((p) => p.name === 'cursor'));
    expect(withCursor.length).toBeGreaterThanOrEqual(5);
    const forged = ['{"id":1.5}', '{"id":1e400}', '{"id":3000000000}', '{"id":-1}', 'null', '[]'].map(base64url);
    for (const { path } of withCursor) {
      for (const cursor of forged) {
        const response = await t.request({ method: 'GET', url: `${path}?cursor=${cursor}` });
        expect(response.status, `${path} cursor ${cursor}`).toBe(400);
        expect(naming(response)).toEqual(['cursor']);
      }
    }
    const farFuture = await t.request({ method: 'GET', url: `/api/incidents?cursor=${base64url('{"startedAtMs":1e300,"id":1}')}` });
    expect([farFuture.status, naming(farFuture)]).toEqual([400, ['cursor']]);
    const integerFilters = ops.flatMap((op) => op.parameters.filter((p) => p.in === 'query' && p.schema?.type === 'integer' && p.name !== 'limit').map((p) => ({ path: op.path, name: p.name })));
    expect(integerFilters.map((f) => `${f.path}?${f.name}`)).toEqual(expect.arrayContaining(['/api/action-items?reviewId', '/api/audit?actor']));
    for (const { path, name } of integerFilters) {
      for (const value of ['3000000000', '1e400']) {
        const response = await t.request({ method: 'GET', url: `${path}?${name}=${value}` });
        expect(response.status, `${path}?${name}=${value}`).toBe(400);
        expect(naming(response)).toEqual([name]);
      }
    }
    const incident = await createIncident(t);
    const members = await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [3e9] } });
    expect([members.status, naming(members)]).toEqual([400, ['memberIds.0']]);
  });

  it('refuses a NUL character in any text of a body, a query or a path with a 400 naming the field', async () => {
    const incident = await createIncident(t);
    const body = await t.request({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: incident.version, title: 'Checkout\u0000errors' } });
    expect([body.status, naming(body)]).toEqual([400, ['title']]);
    const nested = await t.request({ method: 'POST', url: '/api/incidents', payload: { title: 'x', severity: 'sev2', responders: [{ name: 'A\u0000' }] } });
    expect([nested.status, naming(nested)]).toEqual([400, ['responders.0.name']]);
    const ops = (await operations(t)).filter((op) => op.method === 'GET');
    const textQueries = ops.flatMap((op) => op.parameters.filter((p) => p.in === 'query' && p.schema?.type === 'string' && !['from', 'to'].includes(p.name)).map((p) => ({ path: op.path, name: p.name })));
    expect(textQueries.length).toBeGreaterThanOrEqual(8);
    for (const { path, name } of textQueries) {
      const response = await t.request({ method: 'GET', url: `${urlOf(path, String(incident.id))}?${name}=a%00b` });
      expect(response.status, `${path}?${name}`).toBe(400);
      expect(naming(response)).toEqual([name]);
    }
    const label = await t.request({ method: 'DELETE', url: `/api/incidents/${incident.id}/labels/a%00b` });
    expect([label.status, naming(label)]).toEqual([400, ['label']]);
    const title = (await t.request<{ title: string }>({ method: 'GET', url: `/api/incidents/${incident.id}` })).body.title;
    expect(title).toBe(incident.title);
  });
});
