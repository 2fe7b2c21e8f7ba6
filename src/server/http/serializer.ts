import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Keywords whose value maps names (of properties, definitions) to schemas. */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
/** Keywords whose value is data (JSON values), not a schema to rewrite. */
const dataValued = new Set(['enum', 'const', 'default', 'examples', 'required']);
const mapValues = (object: JsonSchema, map: (value: unknown) => unknown) => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
const validationOnly = new Set(['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems']);
const isNullSchema = (value: unknown) => isObject(value) && value.type === 'null' && Object.keys(value).length === 1;

/**
 * zod writes "X or null" as `anyOf: [X, {type: 'null'}]`, and fast-json-stringify picks an anyOf
 * branch by running ajv on the value (its README: "only use it as a last resort"), which for a
 * nullable date ran the full date-time pattern on every response. `nullable: true` on X says the
 * same and is serialised by a null check. Validation keywords are irrelevant to output and dropped.
 */
export function forSerialization(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerialization);
  if (!isObject(schema)) return schema;
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNullSchema)) {
    const { anyOf: _anyOf, ...rest } = schema;
    const other = anyOf.find((member) => !isNullSchema(member)) as JsonSchema;
    if (typeof other.type === 'string') return forSerialization({ ...rest, ...other, nullable: true });
  }
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (validationOnly.has(key)) continue;
    if (dataValued.has(key)) result[key] = value;
    else if (schemaMaps.has(key) && isObject(value)) result[key] = mapValues(value, forSerialization);
    else result[key] = forSerialization(value);
  }
  return result;
}

/** Payloads that can never change (deeply frozen), whose text each route's serializer keeps. */
const unchangingPayloads = new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * Freezes `payload` deeply and lets serializers keep its text: for values shared by many responses,
 * such as an incident shaped once from a cached row (incidents/incident.mapper.ts), whose
 * serialisation was a tenth of the cached read's own work.
 */
export function unchangingPayload<T extends object>(payload: T): T {
  deepFreeze(payload);
  unchangingPayloads.add(payload);
  return payload;
}

/**
 * Responses are serialised by fast-json-stringify from the route's zod schema turned into JSON
 * Schema: several times faster than validating with zod and, like zod, it emits only the declared
 * properties, so a field a schema does not name can never leak into a response. The text of an
 * unchanging payload is kept per route schema, for as long as the payload lives.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'any' });
  const serialize = fastJson(forSerialization(jsonSchema) as Parameters<typeof fastJson>[0]);
  const texts = new WeakMap<object, string>();
  return (payload: unknown) => {
    if (typeof payload !== 'object' || payload === null || !unchangingPayloads.has(payload)) return serialize(payload);
    let text = texts.get(payload);
    if (text === undefined) texts.set(payload, (text = serialize(payload)));
    return text;
  };
};
