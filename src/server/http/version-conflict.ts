import { AppError } from '../../shared/errors.js';

/** 409 for a stale version, carrying the record as it is now so the client can reapply its change. */
export const versionConflict = (what: string, current: { id?: number; version: number | null } | null, version: number | undefined) =>
  new AppError(
    'version_conflict',
    current === null || current.version === null
      ? `${what} was removed or changed by someone else: reload and reapply your change`
      : `${what} is at version ${current.version}, not ${version ?? '(none)'}: reload and reapply your change`,
    { current },
  );

/** 400 naming one body field, for rules a schema cannot express (they depend on stored data). */
export const invalidField = (field: string, message: string) =>
  new AppError('validation_failed', `Invalid body: ${field}: ${message}`, { errors: [{ field, in: 'body', message }] });
