import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, type Problem } from '../../shared/errors.js';

const PROBLEM_TYPE_BASE = 'https://hindsight.dev/problems/';
const contexts: Record<string, FieldError['in']> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const problem: Problem = {
    type: PROBLEM_TYPE_BASE + error.code.replaceAll('_', '-'),
    title: titles[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.details.errors ? { errors: error.details.errors } : {}),
    ...(error.details.current !== undefined ? { current: error.details.current } : {}),
  };
  return reply.code(error.status).type('application/problem+json').send(problem);
}

const titles: Record<AppError['code'], string> = {
  validation_failed: 'The request is not valid',
  not_found: 'Not found',
  version_conflict: 'Someone else changed this first',
  conflict: 'Conflict',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  rate_limited: 'Too many requests',
  upgrade_required: 'Connect with a WebSocket',
  internal: 'Something went wrong on our side',
};

interface ZodIssueLike {
  instancePath: string;
  message: string;
  params: { keys?: string[] };
}

/** Turns one zod issue into field errors; an unknown key names the key itself. */
function fieldErrors(issue: ZodIssueLike, where: FieldError['in']): FieldError[] {
  const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (issue.params.keys?.length) {
    return issue.params.keys.map((key) => ({ field: base ? `${base}.${key}` : key, in: where, message: 'is not a known field' }));
  }
  return [{ field: base || '(root)', in: where, message: issue.message }];
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = contexts[error.validationContext ?? 'body'] ?? 'body';
    const errors = (error.validation as unknown as ZodIssueLike[]).flatMap((issue) => fieldErrors(issue, where));
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new AppError('validation_failed', `Invalid ${where}: ${summary}`, { errors });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own 4xx: malformed JSON, wrong content type, body too large, ...
    const code = error.statusCode === 404 ? 'not_found' : error.statusCode === 429 ? 'rate_limited' : 'validation_failed';
    const appError = new AppError(code, error.message, code === 'validation_failed' ? { errors: [{ field: '(root)', in: 'body', message: error.message }] } : {});
    Object.assign(appError, { status: error.statusCode });
    return appError;
  }
  return new AppError('internal', 'An unexpected error occurred; it has been logged.');
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}
