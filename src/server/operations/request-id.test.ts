import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { requestIdFor } from './request-id.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the request id', () => {
  it.each([
    ['a tracing id', 'trace-7f3a.b2:span@edge', 'kept'],
    ['a UUID', '0b0e2c1c-95b5-4f0e-9f6e-3b8f6f3c1a2d', 'kept'],
    ['128 characters', 'a'.repeat(128), 'kept'],
    ['129 characters', 'a'.repeat(129), 'replaced'],
    ['an empty value', '', 'replaced'],
    ['a newline (a forged log line)', 'abc\nlevel=error', 'replaced'],
    ['spaces and quotes', 'a "b" c', 'replaced'],
    ['a header sent twice', ['one', 'two'], 'replaced'],
    ['no header', undefined, 'replaced'],
  ] as const)('%s is %s', (_name, header, outcome) => {
    const id = requestIdFor(header as string | string[] | undefined);
    if (outcome === 'kept') expect(id).toBe(header);
    else expect(id).toMatch(uuid);
  });
});

describe.each(databaseKinds)('X-Request-Id on every answer, on %s', (kind) => {
  const t = useTestApp(kind);

  it('answers a fresh id per request, echoes a well-formed one, and carries it on refusals and errors too', async () => {
    const a = await t.request({ method: 'POST', url: '/api/incidents', payload: incidentInput() });
    const b = await t.request({ method: 'GET', url: '/api/incidents' });
    expect(a.status).toBe(201);
    expect(a.headers['x-request-id']).toMatch(uuid);
    expect(b.headers['x-request-id']).toMatch(uuid);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);

    const traced = await t.request({ method: 'GET', url: '/api/incidents/999999', headers: { 'x-request-id': 'lb-42.abc' } });
    expect(traced.status).toBe(404);
    expect(traced.headers['x-request-id']).toBe('lb-42.abc');
    const anonymous = await t.requestAs(null, { method: 'GET', url: '/api/incidents', headers: { 'x-request-id': 'x'.repeat(500) } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['x-request-id']).toMatch(uuid);
    const invalid = await t.request({ method: 'POST', url: '/api/incidents', payload: { title: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['x-request-id']).toMatch(uuid);
    expect((await t.requestAs(null, { method: 'GET', url: '/nowhere' })).headers['x-request-id']).toMatch(uuid);
  });
});
