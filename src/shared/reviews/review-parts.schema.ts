import { z } from 'zod';
import { storedIntParam, storedInt } from '../common.schema.js';

/** Building blocks shared by the parts of a review (factors, whys, answers, action items). */

/** Deleting a versioned record takes the version you read, like an update: `?version=3`. */
export const versionQuerySchema = z
  .object({ version: storedIntParam.describe('The version you read; a stale one is refused with 409') })
  .strict();

/** Optional free text; blank is stored as null ("not written"). */
export const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const title = z.string().trim().min(1).max(300);
export const idList = (max: number) => z.array(storedInt).max(max);

export const recordMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
