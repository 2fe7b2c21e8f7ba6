/**
 * Checks requests to GitHub and GitHub's webhook payloads against GitHub's published OpenAPI
 * descriptions (@octokit/openapi, @octokit/openapi-webhooks) with Ajv (a dependency of Fastify,
 * used here as a JSON Schema validator). Only the files needed are read, not the packages' index.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
type Spec = { paths?: Record<string, Record<string, Operation>>; webhooks?: Record<string, { post: Operation }>; components: unknown };
interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: { type?: string } } | { $ref: string }>;
  requestBody?: { content: Record<string, { schema: object }> };
}

let rest: Spec | null = null;
let webhooks: Spec | null = null;
/** OpenAPI 3.0's `nullable` as JSON Schema's `type: [..., 'null']` (GitHub's REST description is 3.0; some uses have no type: dropped). */
function nullableToType(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableToType);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if ('nullable' in schema && typeof schema.nullable === 'boolean') delete schema.nullable;
  for (const value of Object.values(schema)) nullableToType(value);
}

const load = (file: string): Spec => {
  const spec = JSON.parse(readFileSync(require.resolve(file), 'utf8')) as Spec;
  nullableToType(spec);
  return spec;
};
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string, spec: Spec, schema: object): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    // The operation's schema with the document's components beside it, so its $refs resolve.
    validate = ajv.compile({ $id: `https://hindsight.test/${encodeURIComponent(key)}`, ...schema, components: spec.components });
    compiled.set(key, validate);
  }
  return validate;
}

const errorsOf = (validate: ValidateFunction) => (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);

/**
 * Problems with a request as GitHub's REST description sees it: a path and method it documents,
 * path parameters of the right type, and a body its request schema accepts. `path` is relative to the API root.
 */
export function githubRequestProblems(method: string, path: string, body: unknown): { operationId: string | null; problems: string[] } {
  rest ??= load('@octokit/openapi/generated/api.github.com.json');
  const segments = path.split('/');
  for (const [template, operations] of Object.entries(rest.paths ?? {})) {
    const parts = template.split('/');
    if (parts.length !== segments.length || !parts.every((p, i) => p.startsWith('{') || p === segments[i])) continue;
    const operation = operations[method.toLowerCase()];
    if (!operation) continue;
    const problems: string[] = [];
    for (const parameter of operation.parameters ?? []) {
      const resolved = '$ref' in parameter ? (rest.components as { parameters: Record<string, { name: string; in: string; schema?: { type?: string } }> }).parameters[parameter.$ref.split('/').pop()!]! : parameter;
      if (resolved.in !== 'path') continue;
      const value = segments[parts.indexOf(`{${resolved.name}}`)];
      if (!value) problems.push(`path parameter ${resolved.name} is missing`);
      else if (resolved.schema?.type === 'integer' && !/^\d+$/.test(value)) problems.push(`path parameter ${resolved.name} must be an integer, is ${value}`);
    }
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (schema) {
      const validate = validatorFor(`rest ${method} ${template}`, rest, schema);
      if (!validate(body)) problems.push(...errorsOf(validate));
    }
    return { operationId: operation.operationId, problems };
  }
  return { operationId: null, problems: [`GitHub documents no ${method} ${path}`] };
}

/** Problems with a webhook payload against GitHub's description of that event (e.g. issues-closed). */
export function githubWebhookProblems(event: string, payload: unknown): string[] {
  webhooks ??= load('@octokit/openapi-webhooks/generated/api.github.com.json');
  const operation = webhooks.webhooks?.[event]?.post;
  if (!operation) return [`GitHub documents no webhook ${event}`];
  const validate = validatorFor(`webhook ${event}`, webhooks, operation.requestBody!.content['application/json']!.schema);
  return validate(payload) ? [] : errorsOf(validate);
}
