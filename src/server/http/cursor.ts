import { AppError } from '../../shared/errors.js';

/** Opaque pagination cursors: base64url JSON, validated on the way back in. */
export const encodeCursor = (value: Record<string, number>): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly K[]): Record<K, number> | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (keys.every((key) => typeof value[key] === 'number')) return value as Record<K, number>;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not one this server issued', {
    errors: [{ field: 'cursor', in: 'query', message: 'is not a valid cursor' }],
  });
}
