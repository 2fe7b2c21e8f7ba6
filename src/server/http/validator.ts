import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../../shared/errors.js';

const parts: Record<string, FieldError['in']> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** The dotted path of the first string (value or key) holding a NUL character, or null. */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(root)' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\0')].join('.');
    const found = findNul(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Whether any string (value or key) holds a NUL character: the allocation-free check every request pays. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) {
    if (key.includes('\u0000') || hasNul((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * The zod validator, after one rule for every request part of every route: no NUL character. No
 * text anyone types holds one, PostgreSQL cannot store one (it would answer a 500) and SQLite would
 * keep it; so it is a 400 naming the field, on both databases alike.
 */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = (route) => {
  const validate = zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
  const where = parts[route.httpPart ?? 'body'] ?? 'body';
  return (data: unknown) => {
    const field = hasNul(data) ? findNul(data) : null;
    if (field === null) return validate(data);
    return { error: new AppError('validation_failed', `Invalid ${where}: ${field}: must not contain a NUL character`, { errors: [{ field, in: where, message: 'must not contain a NUL character' }] }) };
  };
};
