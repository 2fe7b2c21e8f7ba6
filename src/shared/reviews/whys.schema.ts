import { z } from 'zod';
import { storedInt } from '../common.schema.js';
import { linkedFactorSchema } from './factor.schema.js';
import { idList, optionalText, recordMeta, title } from './review-parts.schema.js';

/** Five whys: an ordered chain of why / because pairs from a symptom to a systemic, fixable cause. */
export const whyStepSchema = z
  .object({
    why: z.string().trim().min(1).max(2000),
    because: z.string().trim().max(2000),
  })
  .strict();
export type WhyStep = z.infer<typeof whyStepSchema>;

const whysFields = {
  title: title.describe('The symptom the chain starts from'),
  steps: z.array(whyStepSchema).max(30).describe('In order: each answer leads to the next question'),
  systemicCause: optionalText(5000).describe('The systemic, fixable cause the chain reached'),
  factorIds: idList(100).describe("Ids of this review's factors the chain relates to"),
  position: z.number().int().min(0).max(10_000).describe('Order of the chain within the review'),
};

export const whysCreateSchema = z
  .object({
    ...whysFields,
    steps: whysFields.steps.default([]),
    systemicCause: whysFields.systemicCause.default(null),
    factorIds: whysFields.factorIds.default([]),
    position: whysFields.position.optional().describe('Defaults to after the last chain'),
  })
  .strict();
export type WhysCreateInput = z.input<typeof whysCreateSchema>;
export type WhysCreate = z.output<typeof whysCreateSchema>;

export const whysUpdateSchema = z
  .object({ version: storedInt, ...whysFields })
  .partial()
  .required({ version: true })
  .strict();
export type WhysUpdate = z.output<typeof whysUpdateSchema>;

export const whysSchema = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  steps: z.array(z.object({ why: z.string(), because: z.string() })),
  systemicCause: z.string().nullable(),
  factorIds: z.array(z.number().int()),
  linkedFactors: z
    .array(linkedFactorSchema)
    .optional()
    .describe("Earlier incidents' factors the chain's conclusion is linked to (it recurs), those the caller may see; on the whys API, not in the review document"),
  ...recordMeta,
});
export type Whys = z.infer<typeof whysSchema>;

export const whysListSchema = z.object({ items: z.array(whysSchema) });
