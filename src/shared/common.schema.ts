import { z } from 'zod';

/** An instant with its original UTC offset, kept exactly as given (e.g. 2026-03-10T09:05:00+01:00). */
export const isoDateTime = z.iso.datetime({ offset: true, local: false }).describe('ISO 8601 date-time with offset');

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const versionField = z.number().int().positive().describe('The version you read; a stale one is refused with 409');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A comma-separated list or repeated query parameter, as an array. */
export const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item),
  );
