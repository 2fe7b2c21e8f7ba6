import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { apiToken, signedIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';

type OpenApi = { paths: Record<string, Record<string, { requestBody?: unknown }>> };
const mine = /^\/api\/(auth|setup|users|tokens|audit)|\/access$/;

async function snapshot(t: TestApp): Promise<string> {
  const db = t.ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const names = (await db.introspection.getTables()).map((table) => table.name).sort();
  return JSON.stringify(await Promise.all(names.map((table) => db.selectFrom(table).selectAll().execute())));
}

describe.each(databaseKinds)('request validation of the account routes on %s', (kind) => {
  const t = useTestApp(kind, testConfig());

  it('rejects malformed bodies naming the field and writing nothing, as the rest of the API does', async () => {
    const admin = await signedIn(t, 'admin');
    const token = await apiToken(t, admin, 'admin');
    const incident = (await token.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).body;
    const spec = (await t.request<OpenApi>({ method: 'GET', url: '/api/openapi.json' })).body;
    const routes = Object.entries(spec.paths)
      .filter(([path]) => mine.test(path))
      .flatMap(([path, operations]) => Object.entries(operations).filter(([, op]) => op.requestBody).map(([method]) => ({ method: method.toUpperCase(), path })));
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'PATCH /api/users/{id}',
      'POST /api/auth/sign-in',
      'POST /api/setup',
      'POST /api/tokens',
      'POST /api/users',
      'PUT /api/incidents/{id}/access',
    ]);
    for (const { method, path } of routes) {
      const url = path.replace('{id}', String(path.startsWith('/api/users') ? admin.user.id : incident.id));
      // Sign-in and setup are made without credentials; the rest with the admin's token (no CSRF header needed).
      const request = path === '/api/auth/sign-in' || path === '/api/setup' ? t.request.bind(t) : token.request;
      const before = await snapshot(t);
      for (const payload of [{ __bogus: true }, [1, 2]]) {
        const response = await request<Problem>({ method: method as 'POST', url, payload: payload as object });
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.errors?.length, `${method} ${path}`).toBeGreaterThan(0);
      }
      const unknown = await request<Problem>({ method: method as 'POST', url, payload: { __bogus: true } });
      expect(unknown.body.errors?.map((e) => e.field)).toContain('__bogus');
      const broken = await request({ method: method as 'POST', url, payload: '{"email": ', headers: { 'content-type': 'application/json' } });
      expect(broken.status, `${method} ${path}`).toBe(400);
      expect(await snapshot(t), `${method} ${path} wrote despite rejecting`).toBe(before);
    }
  });
});
