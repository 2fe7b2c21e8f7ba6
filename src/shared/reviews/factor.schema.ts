import { z } from 'zod';
import { storedInt, storedIntParam } from '../common.schema.js';
import { idList, optionalText, recordMeta, title } from './review-parts.schema.js';

/** Contributors, mitigators, risks and learnings: no single "root cause" anywhere. */
export const factorKinds = ['contributor', 'mitigator', 'risk', 'learning'] as const;
export const factorKindSchema = z.enum(factorKinds);
export type FactorKind = z.infer<typeof factorKindSchema>;

const taxonomyKey = z.string().trim().min(1).max(60);

const factorFields = {
  kind: factorKindSchema,
  title,
  description: optionalText(20_000),
  category: taxonomyKey.nullable().describe('A category key of GET /api/taxonomy'),
  tags: z.array(taxonomyKey).max(20).describe('Tag keys of GET /api/taxonomy'),
  acceptedRisk: z.boolean().describe('A contributor the team explicitly accepts as a risk instead of acting on it'),
  timelineEntryIds: idList(500).describe("Ids of the incident's timeline entries this factor relates to"),
};

export const factorCreateSchema = z
  .object({
    ...factorFields,
    description: factorFields.description.default(null),
    category: factorFields.category.default(null),
    tags: factorFields.tags.default([]),
    acceptedRisk: factorFields.acceptedRisk.default(false),
    timelineEntryIds: factorFields.timelineEntryIds.default([]),
  })
  .strict();
export type FactorCreateInput = z.input<typeof factorCreateSchema>;
export type FactorCreate = z.output<typeof factorCreateSchema>;

export const factorUpdateSchema = z
  .object({ version: storedInt, ...factorFields })
  .partial()
  .required({ version: true })
  .strict();
export type FactorUpdate = z.output<typeof factorUpdateSchema>;

/** An earlier incident's factor this one is linked to (F18: a contributor that recurs). */
export const linkedFactorSchema = z.object({
  factorId: z.number().int(),
  incidentId: z.number().int(),
  reviewId: z.number().int(),
  title: z.string(),
  category: z.string().nullable(),
});
export type LinkedFactor = z.infer<typeof linkedFactorSchema>;

export const factorSchema = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  kind: factorKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  acceptedRisk: z.boolean(),
  timelineEntryIds: z.array(z.number().int()),
  linkedFactors: z
    .array(linkedFactorSchema)
    .optional()
    .describe("Earlier incidents' factors this one is linked to, those the caller may see; on the factors API, not in the review document"),
  recurs: z
    .object({ incidents: z.array(z.number().int()).describe('Ids of the other incidents whose factors are linked to or from this one') })
    .optional(),
  ...recordMeta,
}).meta({ id: 'Factor' });
export type Factor = z.infer<typeof factorSchema>;

export const factorListSchema = z.object({ items: z.array(factorSchema) });

const taxonomyEntry = { key: z.string(), label: z.string() };
export const taxonomySchema = z.object({
  categories: z.array(z.object({ ...taxonomyEntry, description: z.string() })),
  tags: z.array(z.object({ ...taxonomyEntry, category: z.string() })),
});

export const factorLinkCreateSchema = z.object({ toFactorId: storedInt.describe("A factor of an earlier incident's review") }).strict();
export const factorLinkParams = z.object({ id: storedIntParam, toFactorId: storedIntParam });

export const factorLinkSuggestionsSchema = z.object({
  items: z.array(linkedFactorSchema.extend({ reason: z.enum(['category', 'tag', 'title']) })),
});
export type FactorLinkSuggestion = z.infer<typeof factorLinkSuggestionsSchema>['items'][number];
