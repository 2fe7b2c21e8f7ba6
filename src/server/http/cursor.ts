import { MAX_STORED_INT } from '../../shared/common.schema.js';
import { AppError } from '../../shared/errors.js';

/** Opaque pagination cursors: base64url JSON, validated on the way back in. */
export const encodeCursor = (value: Record<string, number>): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A value this server could have put in a cursor: an id is a stored id, anything else (an instant
 * in ms) a safe integer. A forged cursor (`1.5`, `1e400`, an id past the column's range) is the 400
 * below, never a query the database refuses.
 */
const isCursorValue = (key: string, value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && (key !== 'id' || (value > 0 && value <= MAX_STORED_INT));

export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly K[]): Record<K, number> | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (keys.every((key) => isCursorValue(key, value[key]))) return value as Record<K, number>;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not one this server issued', {
    errors: [{ field: 'cursor', in: 'query', message: 'is not a valid cursor' }],
  });
}
