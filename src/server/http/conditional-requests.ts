/**
 * HTTP's own way to say "the version I read", for integrators who prefer it to the body's
 * `version`: a record's version is its ETag, and `If-Match` on an update or delete stands for the
 * `version` field or query parameter (a stale one gets the same 409 with `current`). A 201 says
 * where the created record can be read (`Location`).
 */
import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';

/** `"7"` or `W/"7"` → 7; anything else (a list, `*`, garbage) → null. */
export function versionFromIfMatch(header: string): number | null {
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  const version = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(version) && version > 0 ? version : null;
}

export const etagOfVersion = (version: number) => `"${version}"`;

/** Whether a route's body or query schema has a `version` (through defaults and optionals). */
export function takesVersion(schema: unknown): boolean {
  let current = schema as z.ZodType | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof z.ZodObject) return 'version' in current.shape;
    const def = (current as { _zod?: { def?: { innerType?: z.ZodType; in?: z.ZodType } } })._zod?.def;
    current = def?.innerType ?? def?.in;
  }
  return false;
}

/** `/api/incidents/:id` for a create at `/api/incidents`; `/api/action-items/:id` for one at `/api/reviews/:id/action-items`. */
export function readRouteFor(createUrl: string, readRoutes: ReadonlySet<string>): string | null {
  const nested = [...readRoutes].find((route) => route.startsWith(`${createUrl}/:`) && route.split('/').length === createUrl.split('/').length + 1);
  if (nested) return nested;
  const resource = createUrl.split('/').pop();
  return [...readRoutes].find((route) => /^\/api\/[^/]+\/:[^/]+$/.test(route) && route.split('/')[2] === resource) ?? null;
}

const locationOf = (readRoute: string, request: FastifyRequest, id: number) => {
  const params = request.params as Record<string, string>;
  const segments = readRoute.split('/');
  const last = segments.length - 1;
  return segments.map((segment, i) => (i === last ? String(id) : segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment)).join('/');
};

const hasVersion = (payload: unknown): payload is { version: number } =>
  typeof payload === 'object' && payload !== null && Number.isInteger((payload as { version?: unknown }).version);

/** Puts If-Match's version where the route takes its version (body or query), or refuses it. */
function applyIfMatch(request: FastifyRequest): void {
  const version = versionFromIfMatch(String(request.headers['if-match']));
  const schema = request.routeOptions.schema;
  const inBody = takesVersion(schema?.body);
  const inQuery = !inBody && takesVersion(schema?.querystring);
  if (version === null || !(inBody || inQuery)) {
    const message = version === null ? 'If-Match must be one ETag this API gave, such as "7"' : 'This route takes no version, so If-Match cannot apply';
    throw new AppError('validation_failed', message, { errors: [{ field: 'if-match', in: 'headers', message }] });
  }
  const target = (inBody ? (request.body ??= {}) : request.query) as Record<string, unknown>;
  if (typeof target !== 'object' || target === null) return; // the schema names the problem
  if (target.version !== undefined && Number(target.version) !== version) {
    const message = `If-Match says ${version} but the request's version says ${String(target.version)}`;
    throw new AppError('validation_failed', message, { errors: [{ field: 'if-match', in: 'headers', message }] });
  }
  target.version = inQuery ? String(version) : version;
}

const conditionalMethods = new Set(['PATCH', 'PUT', 'DELETE']);

// A callback hook with an early return: a promise each would cost on every write.
const checkIfMatch: preValidationHookHandler = (request, _reply, done) => {
  if (request.headers['if-match'] === undefined || !conditionalMethods.has(request.method)) return done();
  try {
    applyIfMatch(request);
    done();
  } catch (error) {
    done(error as Error);
  }
};

export function registerConditionalRequests(app: FastifyInstance): void {
  const readRoutes = new Set<string>();
  const readRouteOf = new Map<string, string | null>(); // by create route, worked out once
  // If-Match is read only on the routes that change a record, so that reads do not pass through it.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.includes('GET')) readRoutes.add(route.url);
    if (methods.some((method) => conditionalMethods.has(method))) route.preValidation = [...[route.preValidation ?? []].flat(), checkIfMatch];
  });

  app.addHook('preSerialization', (request, reply, payload, done) => {
    if (reply.statusCode < 300 && hasVersion(payload) && !reply.hasHeader('etag')) reply.header('etag', etagOfVersion(payload.version));
    if (reply.statusCode === 201 && !reply.hasHeader('location') && typeof payload === 'object' && payload !== null) {
      const id = (payload as { id?: unknown }).id;
      const createRoute = request.routeOptions.url ?? '';
      if (!readRouteOf.has(createRoute)) readRouteOf.set(createRoute, readRouteFor(createRoute, readRoutes));
      const readRoute = readRouteOf.get(createRoute);
      if (readRoute && Number.isInteger(id)) reply.header('location', locationOf(readRoute, request, id as number));
    }
    done(null, payload);
  });
}
