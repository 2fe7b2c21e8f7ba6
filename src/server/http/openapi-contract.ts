/**
 * What the OpenAPI document says beyond each route's own schema, derived from what the route
 * declares (its access, whether it takes a body, its method), so a new route is described
 * correctly without repeating any of it: an operationId, the security it needs, and the error
 * answers it really gives, all as application/problem+json.
 */
import type { Access } from '../access/actor.js';

type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; operationId?: string; security?: Array<Record<string, string[]>>; responses?: Record<string, Json>; requestBody?: Json };

export const securitySchemes = {
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (Settings → API tokens), sent as `Authorization: Bearer hs_…`.' },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'hindsight_session',
    description: 'The web app’s session. Writes with it also need the `x-csrf-token` header from GET /api/auth/session.',
  },
} as const;

const signedIn: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];
const problemRef = { $ref: '#/components/schemas/Problem' };

const errorDescriptions: Record<string, string> = {
  '400': 'The input is invalid: `errors[]` names each field',
  '401': 'Not signed in, or the token or session has expired',
  '403': 'Signed in, but the role may not do this (or the CSRF token is missing)',
  '404': 'Not found, or not visible to you',
  '409': 'Stale version, or the review is published and read-only: `current` holds what is stored now',
  '413': 'The body is larger than this route accepts',
  '415': 'The body is not application/json',
  '429': 'Too many attempts: wait for the Retry-After header’s seconds',
};

const problemResponse = (status: string): Json => ({
  description: errorDescriptions[status] ?? 'An error',
  content: { 'application/problem+json': { schema: problemRef } },
});

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Send the same key when retrying: the first answer comes back (Idempotent-Replayed: true) instead of a second record. Kept a day, per user.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const isWrite = (method: string) => !['get', 'head', 'options'].includes(method);

/** `get /api/incidents/{id}/labels` → `getIncidentsByIdLabels`: unique per method and path, stable. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const word = (param ? `by-${param[1]}` : segment).replace(/[^a-zA-Z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
      return word.charAt(0).toUpperCase() + word.slice(1);
    });
  return method.toLowerCase() + words.join('');
}

/** The error statuses a route gives because of what it is, in addition to those it declares. */
export function impliedErrorStatuses(method: string, access: Access, hasBody: boolean): string[] {
  const statuses: string[] = [];
  if (hasBody) statuses.push('400', '413', '415');
  if (access === 'signed') statuses.push('401');
  else if (access !== 'public') {
    statuses.push('401');
    if (access !== 'viewer' || isWrite(method)) statuses.push('403');
  }
  return statuses;
}

/** Completes one operation in place: operationId, security, problem+json errors. */
export function completeOperation(method: string, path: string, access: Access | undefined, operation: Operation): void {
  operation.operationId ??= operationIdOf(method, path);
  if (access === undefined) return; // documentation routes
  operation.security = access === 'public' || access === 'signed' ? [] : signedIn;
  const responses = (operation.responses ??= {});
  for (const status of impliedErrorStatuses(method, access, operation.requestBody !== undefined)) responses[status] ??= {};
  if (path.startsWith('/api/')) responses['429'] ??= {}; // API rate limits (HINDSIGHT_RATE_LIMIT_PER_MINUTE)
  if (method === 'post' && access !== 'public' && access !== 'signed' && path.startsWith('/api/')) (operation.parameters ??= []).push(idempotencyKeyParameter);
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400) responses[status] = problemResponse(status);
    else {
      const media = documentMediaTypes(response);
      if (media) responses[status] = { description: media.map((type) => documentTypes[type].name).join(', '), content: Object.fromEntries(media.map((type) => [type, { schema: { ...documentTypes[type].schema } }])) };
    }
  }
}

const documentTypes = {
  'text/markdown': { name: 'Markdown', schema: { type: 'string' } },
  'text/html': { name: 'HTML', schema: { type: 'string' } },
  'application/pdf': { name: 'PDF', schema: { type: 'string', format: 'binary' } },
  'application/zip': { name: 'Zip archive', schema: { type: 'string', format: 'binary' } },
} as const;
type DocumentType = keyof typeof documentTypes;

/**
 * The media types of a response that is a document rather than JSON, described as
 * `z.string().describe('text/markdown')` or several joined by ' | ' ('text/markdown | application/pdf').
 */
function documentMediaTypes(response: Json): DocumentType[] | null {
  const content = response.content as Record<string, { schema?: Json }> | undefined;
  for (const c of Object.values(content ?? {})) {
    const types = typeof c.schema?.description === 'string' ? c.schema.description.split(' | ') : [];
    if (types.length && types.every((type) => type in documentTypes)) return types as DocumentType[];
  }
  return null;
}

/** Completes every operation of the document, given each route's access by `METHOD path`. */
export function completeDocument(document: Json, accessOf: (method: string, path: string) => Access | undefined): Json {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) completeOperation(method, path, accessOf(method, path), operation);
  }
  const components = (document.components ?? {}) as Json;
  const schemas = usedSchemas(paths, (components.schemas ?? {}) as Json);
  return { ...document, components: { ...components, schemas, securitySchemes }, security: signedIn };
}

/** Named schemas the operations reach (directly or through other named schemas); zod registers an input and an output variant of each. */
function usedSchemas(paths: Json, schemas: Json): Json {
  const used = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, name] of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (name && !used.has(name) && name in schemas) {
        used.add(name);
        visit(schemas[name]);
      }
    }
  };
  visit(paths);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}
