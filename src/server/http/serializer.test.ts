import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incidentSchema } from '../../shared/incidents/incident.schema.js';
import { forSerialization, serializerCompiler, unchangingPayload } from './serializer.js';

const serializerFor = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/', httpStatus: '200' }) as (data: unknown) => string;

const incident = {
  id: 7,
  title: 'Checkout "latency" above SLO',
  severity: 'sev2',
  userFacing: true,
  services: ['checkout'],
  labels: [],
  commander: null,
  responders: [{ userId: null, name: 'Sara Lind' }],
  customerImpact: null,
  status: 'active',
  impactStartedAt: '2026-03-10T09:00:00+01:00',
  detectedAt: null,
  respondedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  restricted: false,
  review: { id: 3, state: 'draft', owner: null, dueAt: '2026-03-24T17:00:00+01:00', overdue: false },
  version: 1,
  createdAt: '2026-03-10T09:05:00.000Z',
  updatedAt: '2026-03-10T09:05:00.000Z',
};

describe('response serialisation', () => {
  it('writes "X or null" as nullable X, so no value is checked against a pattern to pick a branch', () => {
    const json = JSON.stringify(forSerialization(z.toJSONSchema(incidentSchema, { io: 'output', target: 'draft-07' })));
    expect(json).not.toContain('anyOf');
    expect(json).not.toContain('pattern');
    expect(forSerialization({ anyOf: [{ type: 'string', format: 'date-time', pattern: '^x$' }, { type: 'null' }], description: 'when' })).toEqual({
      type: 'string',
      format: 'date-time',
      nullable: true,
      description: 'when',
    });
  });

  it('keeps unions that are not "X or null", and property names that look like keywords', () => {
    const union = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(forSerialization(union)).toEqual(union);
    expect(forSerialization({ type: 'object', properties: { pattern: { type: 'string', pattern: 'a' } } })).toEqual({ type: 'object', properties: { pattern: { type: 'string' } } });
    const withData = { type: 'object', default: { pattern: 'x', anyOf: [{ type: 'string' }, { type: 'null' }] }, properties: {} };
    expect(forSerialization(withData)).toEqual(withData);
  });

  it('produces the same JSON as JSON.stringify for values and nulls, and drops undeclared fields', () => {
    const serialize = serializerFor(incidentSchema);
    expect(JSON.parse(serialize(incident))).toEqual(incident);
    expect(JSON.parse(serialize({ ...incident, review: null, commander: { userId: 3, name: 'Priya' }, passwordHash: 'secret' }))).toEqual({ ...incident, review: null, commander: { userId: 3, name: 'Priya' } });
  });

  it("keeps the text of an unchanging payload per route schema, and serialises every other payload anew", () => {
    const serialize = serializerFor(incidentSchema);
    const shared = unchangingPayload(structuredClone(incident));
    expect(serialize(shared)).toBe(serialize(shared));
    expect(JSON.parse(serialize(shared))).toEqual(incident);
    expect(() => ((shared.review as { overdue: boolean }).overdue = true)).toThrow(TypeError);
    const changing = structuredClone(incident);
    expect(JSON.parse(serialize(changing)).title).toBe(incident.title);
    changing.title = 'Renamed';
    expect(JSON.parse(serialize(changing)).title).toBe('Renamed');
    expect(JSON.parse(serializerFor(z.object({ id: z.number() }))(shared))).toEqual({ id: 7 });
  });
});
