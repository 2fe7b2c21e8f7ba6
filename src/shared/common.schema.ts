import { z } from 'zod';

/** The years a date may have: from the Unix epoch (no earlier incident) to ISO 8601's last four-digit year. */
export const DATE_YEARS = { min: 1970, max: 9999 } as const;

/**
 * An instant with its original UTC offset, kept exactly as given (e.g. 2026-03-10T09:05:00+01:00),
 * in the years DATE_YEARS, also in UTC: what the database and every date computation can hold.
 */
export const isoDateTime = z.iso
  .datetime({ offset: true, local: false })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return Number.isNaN(year) || (year >= DATE_YEARS.min && year <= DATE_YEARS.max); // not a date at all: the format's error says so
  }, `must be in the years ${DATE_YEARS.min} to ${DATE_YEARS.max}`)
  .describe('ISO 8601 date-time with offset');

/**
 * The largest id or version the database stores (PostgreSQL's integer). A larger number given by a
 * client can name no record: it is refused here with a 400 naming its field, never sent to the
 * database (which would answer PostgreSQL's "out of range" error as a 500).
 */
export const MAX_STORED_INT = 2_147_483_647;

/** An id or version in a JSON body. */
export const storedInt = z.number().int().positive().max(MAX_STORED_INT);

/** An id or version in a path or query string (text, coerced). */
export const storedIntParam = z.coerce.number().int().positive().max(MAX_STORED_INT);

export const idParam = z.object({ id: storedIntParam });

export const versionField = storedInt.describe('The version you read; a stale one is refused with 409');

/** Incremental sync: a client asks only for what changed since its last sync. */
export const updatedSinceQuery = {
  updatedSince: isoDateTime.optional().describe('Only records whose updatedAt is at or after this instant, for incremental sync'),
};

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
