import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/accounts/roles.js';
import type { ActionItem } from '../../src/shared/actions/action-item.schema.js';
import type { Factor } from '../../src/shared/reviews/factor.schema.js';
import type { Whys } from '../../src/shared/reviews/whys.schema.js';
import type { TimelineEntry } from '../../src/shared/timeline/timeline.schema.js';
import { apiToken, createUser, signIn } from '../support/accounts.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { databaseKinds } from '../support/databases.js';
import { createReview, post } from '../support/reviews.js';

/**
 * Property-based fuzzing from the OpenAPI document: requests to every operation, as every role and
 * as nobody, with parameters and bodies generated from the operation's schemas and mutated with
 * values no client should send. Whatever the request, the API never answers 5xx, never shows a
 * restricted incident to someone outside it, and a refused request (4xx) changes nothing.
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  nullable?: boolean;
  format?: string;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
};
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
type OpenApi = { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>; components?: { schemas?: Record<string, JsonSchema> } };

const RUNS_PER_DATABASE = Number(process.env.FUZZ_RUNS ?? 1000);
/** In every text of the restricted incident: a response that contains it has leaked. */
const MARKER = `SECRET${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

/** Values no schema allows, for any field: wrong types, out-of-range numbers, NUL, huge and odd text. */
const nasty = fc.constantFrom<unknown>(
  null, true, 0, -1, 1.5, 2 ** 31, 3e9, 1e308, -0, '', ' ', 'a\u0000b', '\u0000', 'x'.repeat(5000), '9999-12-31T23:59:59Z', '10000-01-01T00:00:00Z',
  '1969-01-01T00:00:00Z', '<script>alert(1)</script>', '../../etc/passwd', '%00', '{"id":1}', [], {}, [null], { __proto__: { admin: true } }, { constructor: 1 },
);

const dateTimes = fc.constantFrom('2026-03-10T09:00:00Z', '2026-03-10T10:30:00+01:00', '2025-12-31T23:59:59.999-05:00', '9999-12-31T12:00:00Z', '1970-01-01T00:00:00Z');

function fromSchema(spec: OpenApi, schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.oneof(fc.jsonValue({ maxDepth: 1 }), nasty);
  if (schema.$ref) return fromSchema(spec, spec.components?.schemas?.[schema.$ref.split('/').pop()!], depth + 1);
  const valid = validFromSchema(spec, schema, depth);
  // Mostly well-formed, so requests get past validation into the code behind it; now and then not.
  return fc.oneof({ weight: 15, arbitrary: schema.nullable ? fc.oneof(valid, fc.constant(null)) : valid }, { weight: 1, arbitrary: nasty });
}

function validFromSchema(spec: OpenApi, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => fromSchema(spec, choice, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(spec, value, depth + 1)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    case 'array':
      return fc.array(fromSchema(spec, schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'string':
      if (schema.format === 'date-time') return dateTimes;
      // Text a schema allows but a database may not store (NUL), or that looks like markup or SQL.
      return fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) }) }, { weight: 1, arbitrary: fc.constantFrom('a\u0000b', "'; drop table users; --", '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', 'ÅÆØ 😀') });
    case 'integer':
      // Small numbers find real records; the schema's bounds (or, without one, numbers past the database's range) find edges.
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: Math.max(schema.minimum ?? -5, -5), max: Math.min(schema.maximum ?? 60, 60) }) },
        { weight: 1, arbitrary: fc.constantFrom(schema.minimum ?? -(2 ** 53), schema.maximum ?? 3e9) },
      );
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** What the fuzzer acts on: an open incident and a restricted one, each with every kind of part. */
interface World {
  secretIncidentId: number;
  idsByPrefix: Record<string, number[]>;
}

async function buildWorld(t: TestApp): Promise<World> {
  const parts = async (restricted: boolean, text: string) => {
    const { incident, review } = await createReview(t, { title: `${text} incident`, restricted, labels: ['db'] });
    const entry = await post<TimelineEntry>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:00:00Z', text: `${text} step` });
    const factor = await post<Factor>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: `${text} factor` });
    const whys = await post<Whys>(t, `/api/reviews/${review.id}/whys`, { title: `${text} whys`, steps: [{ why: 'Why?', because: `${text} because` }] });
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: `${text} action`, factorIds: [factor.id] });
    await t.request({ method: 'PUT', url: `/api/reviews/${review.id}/questions/went_well`, payload: { answer: `${text} answer` } });
    return { incident: incident.id, review: review.id, entry: entry.id, factor: factor.id, whys: whys.id, item: item.id };
  };
  const open = await parts(false, 'Open');
  const secret = await parts(true, MARKER);
  // Someone the fuzzer may edit, disable or strip of tokens without locking the harness out.
  const victim = await createUser(t, { role: 'responder' });
  const token = await apiToken(t, await signIn(t, victim.email));
  const both = (key: keyof typeof open) => [open[key], secret[key]];
  return {
    secretIncidentId: secret.incident,
    idsByPrefix: {
      '/api/incidents/': both('incident'),
      '/api/reviews/': both('review'),
      '/api/timeline/': both('entry'),
      '/api/factors/': both('factor'),
      '/api/whys/': both('whys'),
      '/api/action-items/': both('item'),
      '/api/users/': [victim.id],
      '/api/tokens/': [token.id],
    },
  };
}

const oddPathValues = fc.constantFrom('0', '-1', '2147483648', '1e400', '1.5', 'abc', '%00', '%2e%2e', '99999');

function pathValue(world: World, path: string, name: string): fc.Arbitrary<string> {
  if (name === 'key') return fc.oneof(fc.constantFrom('went_well', 'went_wrong', 'lucky'), fc.string({ maxLength: 10 }).map(encodeURIComponent));
  if (name === 'label') return fc.oneof(fc.constant('db'), fc.string({ minLength: 1, maxLength: 10 }).map(encodeURIComponent));
  const known = Object.entries(world.idsByPrefix).find(([prefix]) => path.startsWith(prefix))?.[1] ?? [];
  return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known.map(String)) }, { weight: 1, arbitrary: oddPathValues }) : oddPathValues;
}

const asQueryValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

interface FuzzRequest {
  role: Role | null;
  method: string;
  url: string;
  payload?: unknown;
  label: string;
}

function requestFor(spec: OpenApi, world: World, operation: Operation): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const path = fc.tuple(...pathParams.map((p) => pathValue(world, operation.path, p.name))).map((values) =>
    pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), operation.path),
  );
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(spec, p.schema)])), { requiredKeys: [] }).map((values) => {
    const search = new URLSearchParams(Object.entries(values).map(([key, value]) => [key, asQueryValue(value)]));
    return search.size ? `?${search.toString()}` : '';
  });
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const body = bodySchema ? fc.oneof({ weight: 5, arbitrary: fromSchema(spec, bodySchema) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }) : fc.constant(undefined);
  const role = fc.constantFrom<Role | null>('admin', 'responder', 'viewer', null);
  return fc.record({ role, path, query, body }).map(({ role, path, query, body }) => ({
    role,
    method: operation.method,
    url: path + query,
    ...(body === undefined ? {} : { payload: body }),
    label: `${operation.method} ${operation.path}`,
  }));
}

const count = async (t: TestApp, table: 'audit_log' | 'events') =>
  Number((await t.database.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe.each(databaseKinds)('fuzzing the API from its OpenAPI document on %s', (kind) => {
  const t = useTestApp(kind);

  it(`never answers 5xx, never leaks a restricted incident, and changes nothing when it refuses (${RUNS_PER_DATABASE} requests)`, async () => {
    const spec = (await t.request<OpenApi>({ method: 'GET', url: '/api/openapi.json' })).body;
    const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(60);
    const world = await buildWorld(t);
    for (const role of ['admin', 'responder', 'viewer'] as const) await t.authHeaders(role); // the harness accounts, made on first use
    const secretTitle = `${MARKER} incident`;
    const anyRequest = fc.oneof(...operations.map((operation) => requestFor(spec, world, operation)));
    const seen = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        // Whatever the fuzzer did before (an admin may open it up or rename it), the incident is restricted again.
        await t.database.handle.db.updateTable('incidents').set({ restricted: 1, title: secretTitle }).where('id', '=', world.secretIncidentId).execute();
        const [auditBefore, eventsBefore] = [await count(t, 'audit_log'), await count(t, 'events')];
        const response = await t.requestAs(request.role, { method: request.method as 'GET', url: request.url, ...(request.payload === undefined ? {} : { payload: request.payload as object }) });
        const what = `${request.role ?? 'anonymous'} ${request.method} ${request.url} ${JSON.stringify(request.payload)?.slice(0, 300)} -> ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
        seen.set(request.label, (seen.get(request.label) ?? 0) + 1);
        expect(response.status, what).toBeLessThan(500);
        if (request.role !== 'admin') expect(JSON.stringify(response.body).includes(MARKER), `leak: ${what}`).toBe(false);
        if (response.status >= 400) {
          expect([await count(t, 'audit_log'), await count(t, 'events')], `a refused request changed something: ${what}`).toEqual([auditBefore, eventsBefore]);
        }
      }),
      { numRuns: RUNS_PER_DATABASE, endOnFailure: true },
    );
    // The draw reaches most operations: fuzzing that never calls a route proves nothing about it.
    expect(seen.size).toBeGreaterThan(operations.length * 0.8);
  }, 120_000);
});
