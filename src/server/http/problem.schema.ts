import { z } from 'zod';

/** The problem+json shape, for the OpenAPI document's error responses. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), in: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
  })
  .describe('application/problem+json')
  .meta({ id: 'Problem' });

export const errorResponses = {
  400: problemSchema,
  404: problemSchema,
};
export const conflictResponses = { ...errorResponses, 409: problemSchema };
