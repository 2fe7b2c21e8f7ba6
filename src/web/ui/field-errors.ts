import type { z } from 'zod';
import { isApiError } from '../api/errors.js';

export type FieldErrors = Record<string, string>;

/** zod issues keyed by their top-level field, first message wins (`responders.2` → `responders`). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '(root)';
    result[key] ??= readable(issue);
  }
  return result;
}

function readable(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'Required';
  if (issue.code === 'invalid_format' && issue.format === 'datetime') return 'Enter a complete date and time';
  return issue.message;
}

/** Server-side validation errors (problem+json `errors[].field`) in the same shape; {} for other errors. */
export function serverFieldErrors(error: unknown, prefix = ''): FieldErrors {
  return isApiError(error) && error.code === 'validation_failed' ? error.fieldErrors(prefix) : {};
}

/** The message of an error that has no field to sit next to. */
export function formLevelError(error: unknown, fields: FieldErrors): string | null {
  if (!error) return null;
  if (isApiError(error)) {
    if (error.code === 'validation_failed' && Object.keys(fields).some((k) => k !== '(root)')) return null;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong';
}

/**
 * The errors to show now, not only those of the last submit: a field keeps its error while it holds
 * the value the error was about; once it changes, its error is what `recheck` (the form's own checks
 * on the current values) says of it, or nothing — so an error never stays under a field made valid.
 */
export function currentFieldErrors<Values extends object>(errors: FieldErrors, submitted: Values | null, values: Values, recheck: FieldErrors = {}): FieldErrors {
  if (!submitted) return errors;
  const result: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const unchanged = JSON.stringify((submitted as Record<string, unknown>)[field]) === JSON.stringify((values as Record<string, unknown>)[field]);
    const now = unchanged ? message : recheck[field];
    if (now) result[field] = now;
  }
  return result;
}
